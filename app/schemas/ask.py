from __future__ import annotations

from pydantic import BaseModel, Field


class QuestionCreate(BaseModel):
    question: str = Field(min_length=1, max_length=500)
    group_id: str | None = Field(default=None, max_length=100)


class SourcePublic(BaseModel):
    id: str
    title: str
    kind: str
    score: float
    snippet: str


class AnswerPublic(BaseModel):
    answer: str
    sources: list[SourcePublic]
    handoff: bool
