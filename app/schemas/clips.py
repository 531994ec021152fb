from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, model_validator

from app.store.clips import Clip


class ClipCreate(BaseModel):
    layout: Literal["vertical", "original"] = "vertical"
    subtitles: bool = True
    title: str | None = Field(default=None, max_length=40)
    fit: Literal["crop", "blur"] | None = None
    start: float | None = Field(default=None, ge=0, description="override the highlight's start (seconds)")
    end: float | None = Field(default=None, gt=0, description="override the highlight's end (seconds)")

    @model_validator(mode="after")
    def _span(self) -> ClipCreate:
        if self.start is not None and self.end is not None and self.end <= self.start:
            raise ValueError("end must be after start")
        return self

    def job_params(self) -> dict:
        params = {"options": self.model_dump(include={"layout", "subtitles", "title", "fit"}, exclude_none=True)}
        return params | self.model_dump(include={"start", "end"}, exclude_none=True)


class ClipPublic(BaseModel):
    id: str
    highlight_id: str
    recording_id: str
    start: float
    end: float
    duration: float
    width: int
    height: int
    layout: str
    video_url: str
    cover_url: str

    @classmethod
    def of(cls, clip: Clip) -> ClipPublic:
        return cls(**{k: v for k, v in vars(clip).items() if k not in ("video", "cover", "caption")},
                   video_url=f"/v1/clips/{clip.id}/video", cover_url=f"/v1/clips/{clip.id}/cover")


class ClipsPublic(BaseModel):
    recording_id: str
    data: list[ClipPublic]
    count: int
