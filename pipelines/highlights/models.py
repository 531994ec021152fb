"""The highlight data model and its options."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

HighlightKind = Literal["demo", "tasting", "offer", "qa", "other"]


class HighlightOptions(BaseModel):
    """How many highlights to find and how long they may be."""

    model_config = ConfigDict(frozen=True, use_attribute_docstrings=True)

    min_s: float = Field(15.0, gt=0)
    max_s: float = Field(60.0, gt=0)
    min_count: int = Field(3, ge=0, le=20)
    """Return at least this many when the stream has room, even if weak."""
    max_count: int = Field(8, ge=1, le=20)
    padding_s: float = Field(0.3, ge=0, le=2)
    """Extra seconds before the first and after the last sentence (never into a neighbour's speech)."""
    min_score: float = Field(0.25, ge=0, le=1)
    """Beyond min_count, only highlights scoring at least this are returned."""
    comment_lag_s: float = Field(4.0, ge=0, le=30)
    """Comments react after the words: count them until this long after a window ends."""
    llm_titles: bool = True
    """Ask the LLM for a title (checked against the catalog); otherwise use the template title."""
    title_max_chars: int = Field(18, ge=6, le=40)

    @model_validator(mode="after")
    def _check_bounds(self) -> HighlightOptions:
        if self.min_s > self.max_s:
            raise ValueError("min_s must not exceed max_s")
        if self.min_count > self.max_count:
            raise ValueError("min_count must not exceed max_count")
        return self


@dataclass
class Highlight:
    id: str
    start: float
    end: float
    score: float  # 0..1
    kind: HighlightKind
    reasons: list[str] = field(default_factory=list)
    title: str = ""
    skus: list[str] = field(default_factory=list)  # most mentioned first

    @property
    def duration(self) -> float:
        return self.end - self.start

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Highlight:
        return cls(**data)
