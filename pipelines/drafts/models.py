"""Plain data for drafts: requests in, scripts and copy out (all with to_dict for storage)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from pipelines.adlaw import AdFlag
from pipelines.catalog import Product

SegmentKind = Literal["opening", "product", "demo", "interaction", "offer", "qa", "closing"]
CopyKind = Literal["announcement", "product_blurb", "follow_up", "clip_caption"]
COPY_KINDS: tuple[CopyKind, ...] = ("announcement", "product_blurb", "follow_up", "clip_caption")


@dataclass(frozen=True)
class RecipeRef:
    """A recipe to cook on air: where it came from and what goes in it."""

    title: str
    source: str  # e.g. a path under knowledge/recipes/ or a knowledge-base id
    ingredients: list[str] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)  # the recipe's own steps, as written


RecipeFinder = Callable[[list[Product]], RecipeRef | None]
"""Finds a recipe that uses some of these products (the knowledge base, or recipe files)."""


@dataclass(frozen=True)
class Fact:
    sku: str
    field: str  # a catalog field (price, spec, ...) or "recipe" / "request" / "question"
    value: str


@dataclass
class Replacement:
    original: str  # the sentence as the model wrote it
    replacement: str  # the catalog fact stated plainly ("" when dropped)
    reason: str


@dataclass
class GroundingReport:
    """What the grounding check read in a draft and what it had to change."""

    checked: list[str] = field(default_factory=list)  # numbers and dates found, as written
    unsupported: list[str] = field(default_factory=list)  # those the sources do not support
    regenerated: bool = False
    replaced: list[Replacement] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.unsupported


@dataclass
class ScriptRequest:
    theme: str
    skus: list[str]
    duration_min: float
    style: str | None = None
    notes: str | None = None


@dataclass
class ScriptSegment:
    minute_start: float
    minute_end: float
    kind: SegmentKind
    talk: str = ""
    facts: list[Fact] = field(default_factory=list)
    cues: list[str] = field(default_factory=list)
    skus: list[str] = field(default_factory=list)  # the products this segment is about
    flags: list[AdFlag] = field(default_factory=list)  # positions refer to the grounded talk
    grounding: GroundingReport = field(default_factory=GroundingReport)
    polish_tried: int = 0  # moves the model was asked to rewrite
    polish_kept: int = 0  # rewrites that passed the fact, voice and 《广告法》 checks

    @property
    def minutes(self) -> float:
        return self.minute_end - self.minute_start


@dataclass
class Script:
    title: str
    duration_min: float
    segments: list[ScriptSegment]
    recipe: RecipeRef | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class CopyContext:
    """What the copy is about beyond the products: a highlight clip or a recording."""

    highlight_title: str | None = None
    highlight_kind: str | None = None
    transcript_excerpt: str | None = None
    recording_summary: str | None = None
    clip_url: str | None = None  # where residents can watch the clip (follow-up messages link it)


@dataclass
class CopyRequest:
    kind: CopyKind
    skus: list[str] = field(default_factory=list)
    tone: str | None = None
    context: CopyContext = field(default_factory=CopyContext)


@dataclass
class CopyDraft:
    kind: CopyKind
    text: str  # the body, without hashtags
    hashtags: list[str] = field(default_factory=list)
    flags: list[AdFlag] = field(default_factory=list)  # positions refer to `checked_text`
    grounding: GroundingReport = field(default_factory=GroundingReport)
    checked_text: str = ""  # the grounded text before the 《广告法》 rewrite

    @property
    def full_text(self) -> str:
        """The text to post: body and hashtags."""
        return " ".join([self.text, *self.hashtags]).strip()

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "full_text": self.full_text}
