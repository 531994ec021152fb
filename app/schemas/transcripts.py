from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class TranscriptionCreate(BaseModel):
    hotwords: list[str] = Field(default=[], max_length=200, description="added to the catalog's product names")
    language: str | None = Field(default=None, max_length=8, description="e.g. zh; `auto` to detect")


class WordPublic(BaseModel):
    start: float
    end: float
    word: str
    probability: float


class SegmentPublic(BaseModel):
    start: float
    end: float
    text: str
    words: list[WordPublic]


class CorrectionPublic(BaseModel):
    start: float
    original: str
    corrected: str
    reason: str


class TranscriptPublic(BaseModel):
    recording_id: str
    language: str
    duration: float
    text: str
    segments: list[SegmentPublic]
    corrections: list[CorrectionPublic]
    meta: dict


class SegmentUpdate(BaseModel):
    text: str = Field(min_length=1, max_length=1000, description="the sentence as the leader corrected it")


class SegmentCorrected(BaseModel):
    recording_id: str
    index: int
    segment: SegmentPublic
    glossary_terms: list[str] = Field(description="terms the correction introduced, now in the tenant's glossary")


TranscriptFormat = Literal["json", "srt", "vtt", "txt"]
