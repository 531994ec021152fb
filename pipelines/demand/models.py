"""What a stream's comments say about demand: who wants what, what is missing, what people ask."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Handoff:
    """A question the bot handed to the leader (a knowledge gap), with how often it was asked."""

    question: str
    asked: int = 1
    answered: bool = False


@dataclass(frozen=True)
class ProductSegment:
    """The stretch of the stream where a product is the one being talked about."""

    sku: str
    name: str
    start: float
    end: float


@dataclass(frozen=True)
class IntentComment:
    time: float
    user: str
    text: str
    kind: str  # join | order | interest (pipelines.intent)
    sku: str | None  # the product it is for, when it can be told
    candidates: tuple[str, ...] = ()  # when ambiguous: the products it could be for
    how: str = ""  # named | unit | timeline | ambiguous | none
    qty: float | None = None


@dataclass
class SkuDemand:
    sku: str
    name: str
    comments: int  # intent comments attributed to this SKU
    users: int  # distinct commenters among them
    possible: int  # comments plus ambiguous ones that list this SKU
    qty: float = 0.0  # stated quantities, summed (most intents state none)


@dataclass
class UnmetRequest:
    item: str  # the product as residents wrote it
    count: int
    users: int
    sources: list[str] = field(default_factory=list)  # comment | handoff
    examples: list[str] = field(default_factory=list)


@dataclass
class TopQuestion:
    question: str  # the most common wording
    count: int
    sources: list[str]
    answered: bool | None  # whether the knowledge base answers it now; None when not checked
    examples: list[str] = field(default_factory=list)


@dataclass
class DemandReport:
    duration: float
    comments: int
    per_sku: list[SkuDemand]
    intents: list[IntentComment]
    unmet: list[UnmetRequest]
    questions: list[TopQuestion]
    segments: list[ProductSegment]
    activity: list[int]  # comments per bin over the stream
    bin_s: float

    @property
    def ambiguous(self) -> list[IntentComment]:
        return [i for i in self.intents if i.sku is None and i.candidates]

    @property
    def unattributed(self) -> list[IntentComment]:
        return [i for i in self.intents if i.sku is None and not i.candidates]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
