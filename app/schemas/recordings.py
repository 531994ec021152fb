from __future__ import annotations

from pydantic import BaseModel

from app.store.recordings import Recording


class RecordingPublic(BaseModel):
    id: str
    sha256: str
    filename: str
    size_bytes: int
    format: str
    duration_s: float
    has_video: bool
    width: int | None
    height: int | None
    created_at: float

    @classmethod
    def of(cls, rec: Recording) -> RecordingPublic:
        return cls.model_validate(rec, from_attributes=True)


class RecordingsPublic(BaseModel):
    data: list[RecordingPublic]
    count: int
