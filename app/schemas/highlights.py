from __future__ import annotations

from pydantic import BaseModel, Field


class HighlightsCreate(BaseModel):
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
