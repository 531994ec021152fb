from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, model_validator


class HighlightsRequest(BaseModel):
    max_count: int | None = Field(default=None, ge=1, le=20)
    min_s: float | None = Field(default=None, ge=3, le=300)
    max_s: float | None = Field(default=None, ge=3, le=300)

    def options(self) -> dict:
        return self.model_dump(exclude_none=True)


class HighlightPublic(BaseModel):
    id: str
    start: float
    end: float
    score: float
    kind: str
    reasons: list[str]
    title: str
    skus: list[str]


class HighlightsPublic(BaseModel):
    recording_id: str
    data: list[HighlightPublic]
    count: int


class ClipRequest(BaseModel):
    layout: Literal["vertical", "original"] = "vertical"
    subtitles: bool = True
    title: str | None = Field(default=None, max_length=40)
    fit: Literal["crop", "blur"] | None = None
    start: float | None = Field(default=None, ge=0, description="override the highlight's start (seconds)")
    end: float | None = Field(default=None, gt=0, description="override the highlight's end (seconds)")

    @model_validator(mode="after")
    def _span(self) -> ClipRequest:
        if self.start is not None and self.end is not None and self.end <= self.start:
            raise ValueError("end must be after start")
        return self


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


class CommentsUploaded(BaseModel):
    recording_id: str
    format: str
    count: int
    skipped: int
