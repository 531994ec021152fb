"""Which product the leader is talking about at each moment, from catalog mentions in the transcript.

A mention's time is where its first character is spoken: from word timings when the transcript
has them, else spread evenly over the sentence. Residents type after they hear: a generic comment
(+1, 想要) goes to the product named at least `lag_s` before it, and when two different products
were named within `ambiguity_s` of each other, either could be meant.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from pipelines.catalog import Product
from pipelines.demand.models import ProductSegment
from pipelines.orders.match import CatalogIndex
from pipelines.transcript import Segment, Transcript
from pipelines.zh import normalize, syllable_similarity, syllables

FUZZY_MIN_CHARS = 3  # shorter terms sound like too many other words
FUZZY_SIMILARITY = 0.8  # mean syllable similarity, as the transcriber's own catalog correction uses
LAG_S = 1.0  # typing a comment takes at least this long after the words it reacts to
AMBIGUITY_S = 2.0  # two products named this close together: a generic comment could mean either


@dataclass(frozen=True)
class Mention:
    time: float
    sku: str


def _char_times(segment: Segment) -> list[float]:
    """The time each character of the normalised segment text starts."""
    text = normalize(segment.text)
    if segment.words and len("".join(normalize(w.word) for w in segment.words)) == len(text):
        return [w.start + (w.end - w.start) * i / max(1, len(normalize(w.word)))
                for w in segment.words for i in range(len(normalize(w.word)))]
    step = (segment.end - segment.start) / max(1, len(text))
    return [segment.start + i * step for i in range(len(text))]


def _sounds_like(window: str, term: str) -> bool:
    """An ASR slip on a product name (但烂油 for 橄榄油): close syllables, at least one character right."""
    if not any(a == b for a, b in zip(window, term)):
        return False
    pairs = list(zip(syllables(window), syllables(term)))
    return len(pairs) == len(term) and sum(syllable_similarity(a, b) for a, b in pairs) / len(pairs) >= FUZZY_SIMILARITY


def _fuzzy_at(text: str, pos: int, terms: list[tuple[str, str]]) -> tuple[str, str] | None:
    return next(((term, sku) for term, sku in terms if _sounds_like(text[pos:pos + len(term)], term)), None)


def find_mentions(transcript: Transcript, index: CatalogIndex) -> list[Mention]:
    """Catalog terms spoken in the transcript, exactly or (3+ characters) as a close-sounding slip."""
    fuzzy_terms = [(t, s) for t, s in index.terms() if len(t) >= FUZZY_MIN_CHARS and "\u4e00" <= t[0] <= "\u9fff"]
    mentions = []
    for segment in transcript.segments:
        text, times = normalize(segment.text), _char_times(segment)
        pos = 0
        while pos < len(text):
            found = index.term_at(text, pos)
            hit = (found.written, found.sku) if found else _fuzzy_at(text, pos, fuzzy_terms)
            if hit:
                mentions.append(Mention(round(times[pos], 3), hit[1]))
            pos = pos + len(hit[0]) if hit else pos + 1
    return sorted(mentions, key=lambda m: m.time)


class ProductTimeline:
    def __init__(self, transcript: Transcript, catalog: list[Product], *, lag_s: float = LAG_S,
                 ambiguity_s: float = AMBIGUITY_S) -> None:
        self.index = CatalogIndex(catalog)
        self.mentions = find_mentions(transcript, self.index)
        self._times = [m.time for m in self.mentions]
        self.duration = transcript.duration
        self.lag_s, self.ambiguity_s = lag_s, ambiguity_s

    @property
    def skus(self) -> list[str]:
        return list(dict.fromkeys(m.sku for m in self.mentions))

    def products_at(self, time: float) -> tuple[str, ...]:
        """The product being talked about when a comment typed at `time` was thought of; two or
        more when the last mentions are too close to tell; () before any product is named."""
        i = bisect_right(self._times, time - self.lag_s)
        if i == 0:
            return ()
        last = self.mentions[i - 1]
        recent = [m.sku for m in self.mentions[:i] if last.time - m.time <= self.ambiguity_s]
        return tuple(dict.fromkeys(reversed(recent)))

    def segments(self) -> list[ProductSegment]:
        """Stretches of one product: from its first mention until another product is named."""
        out: list[ProductSegment] = []
        for mention, following in zip(self.mentions, [*self.mentions[1:], None]):
            end = following.time if following else self.duration
            if out and out[-1].sku == mention.sku:
                out[-1] = ProductSegment(mention.sku, out[-1].name, out[-1].start, end)
            else:
                out.append(ProductSegment(mention.sku, self.index.name_of(mention.sku), mention.time, end))
        return out
