from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Kind = Literal["recipe", "faq", "product", "transcript", "doc"]


class DocumentCreate(BaseModel):
    """JSON alternative to a multipart upload."""

    path: str = Field(max_length=200, description="relative path, which is also the document's id")
    text: str = Field(min_length=1, max_length=200_000)
    title: str | None = Field(default=None, max_length=200)
    kind: Kind | None = None


class IngestResult(BaseModel):
    id: str
    documents: list[str]
    products: list[str]
    chunks: int


class DocumentPublic(BaseModel):
    id: str
    title: str
    kind: str
    chunks: int


class DocumentsPublic(BaseModel):
    data: list[DocumentPublic]
    count: int


class SearchQuery(BaseModel):
    query: str = Field(min_length=1, max_length=500)
    k: int = Field(default=5, ge=1, le=50)


class SearchHit(BaseModel):
    id: str
    chunk_id: str
    title: str
    kind: str
    score: float
    snippet: str


class SearchResults(BaseModel):
    data: list[SearchHit]


class GapPublic(BaseModel):
    id: str
    question: str
    group_id: str | None
    asked: int
    status: str
    answer_doc_id: str | None
    updated_at: float


class GapsPublic(BaseModel):
    data: list[GapPublic]
    count: int


class GapAnswer(BaseModel):
    answer: str = Field(min_length=1, max_length=5000)
