"""The transcript data model shared by transcription, knowledge ingestion, highlights and clips."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Word:
    start: float
    end: float
    word: str
    probability: float = 1.0


@dataclass
class Segment:
    start: float
    end: float
    text: str
    words: list[Word] = field(default_factory=list)


@dataclass
class Correction:
    """One change made by the catalog-aware correction pass."""

    start: float  # seconds, of the segment where it happened
    original: str
    corrected: str
    reason: str = "catalog-pinyin"


@dataclass
class Transcript:
    language: str
    duration: float
    segments: list[Segment]
    corrections: list[Correction] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segments)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Transcript:
        segments = [
            Segment(s["start"], s["end"], s["text"], [Word(**w) for w in s.get("words", [])])
            for s in data["segments"]
        ]
        corrections = [Correction(**c) for c in data.get("corrections", [])]
        return cls(data["language"], data["duration"], segments, corrections, data.get("meta", {}))
