from __future__ import annotations

from pydantic import BaseModel


class SkuDemandPublic(BaseModel):
    sku: str
    name: str
    comments: int
    users: int
    possible: int
    qty: float


class IntentCommentPublic(BaseModel):
    time: float
    user: str
    text: str
    kind: str
    sku: str | None
    candidates: list[str]
    how: str
    qty: float | None


class UnmetRequestPublic(BaseModel):
    item: str
    count: int
    users: int
    sources: list[str]
    examples: list[str]


class TopQuestionPublic(BaseModel):
    question: str
    count: int
    sources: list[str]
    answered: bool | None
    examples: list[str]


class ProductSegmentPublic(BaseModel):
    sku: str
    name: str
    start: float
    end: float


class DemandPublic(BaseModel):
    recording_id: str
    duration: float
    comments: int
    per_sku: list[SkuDemandPublic]
    intents: list[IntentCommentPublic]
    unmet: list[UnmetRequestPublic]
    questions: list[TopQuestionPublic]
    segments: list[ProductSegmentPublic]
    activity: list[int]
    bin_s: float
