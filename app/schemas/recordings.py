from __future__ import annotations

from pydantic import BaseModel, Field

from app.services.recordings import RecordingSummary
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
    transcribed: bool = Field(description="a transcript exists (GET .../transcript answers)")
    has_comments: bool = Field(description="live comments were uploaded")
    highlights: int = Field(description="highlights found")
    clips: int = Field(description="clips rendered")

    @classmethod
    def of(cls, rec: Recording, summary: RecordingSummary) -> RecordingPublic:
        return cls(**vars(rec), **vars(summary))


class RecordingsPublic(BaseModel):
    data: list[RecordingPublic]
    count: int
