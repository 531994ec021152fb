from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from app.store.drafts import Draft


class ScriptCreate(BaseModel):
    theme: str = Field(min_length=1, max_length=60)
    skus: list[str] = Field(min_length=1, max_length=12)
    duration_min: float = Field(ge=5, le=240)
    style: str | None = Field(default=None, max_length=60)
    notes: str | None = Field(default=None, max_length=500)


class CopyCreate(BaseModel):
    kind: Literal["announcement", "product_blurb", "follow_up", "clip_caption"]
    skus: list[str] = Field(default=[], max_length=12)
    recording_id: str | None = None
    highlight_id: str | None = None
    tone: str | None = Field(default=None, max_length=40)
    clip_url: str | None = Field(default=None, max_length=500, description="Link to the clip, for a follow-up message")


class DraftUpdate(BaseModel):
    text: str = Field(min_length=1, max_length=50_000)
    title: str | None = Field(default=None, max_length=100)


class AdFlagPublic(BaseModel):
    term: str
    category: str
    start: int
    end: int
    reason: str
    suggestion: str


class DraftPublic(BaseModel):
    id: str
    kind: str
    title: str
    text: str
    content: dict[str, Any]
    request: dict[str, Any]
    recording_id: str | None = None
    highlight_id: str | None = None
    created_at: float
    updated_at: float
    flags: list[AdFlagPublic] = []

    @classmethod
    def of(cls, draft: Draft, flags: list | None = None) -> DraftPublic:
        return cls.model_validate({**vars(draft), "flags": [vars(f) for f in flags or []]})


class DraftSummary(BaseModel):
    id: str
    kind: str
    title: str
    updated_at: float


class DraftsPublic(BaseModel):
    data: list[DraftSummary]
    count: int
