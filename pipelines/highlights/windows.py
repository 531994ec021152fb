"""Candidate windows of whole consecutive sentences, their scores, and a non-overlapping pick."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from pipelines.highlights.lexicon import Lexicon
from pipelines.highlights.models import HighlightOptions
from pipelines.highlights.products import ProductMatcher
from pipelines.highlights.reactions import Reaction, ReactionIndex
from pipelines.highlights.signals import SegmentSignals

# Score weights: cue density is per 10 s of window, so a focused window beats a padded one.
CUE_WEIGHT = 0.35
PRODUCT_BONUS = 0.5
RATE_WEIGHT = 0.6
REACTION_WEIGHT = 0.06
PEAK_RATIO = 1.5  # a comment rate this far above the stream's average is a "peak"


@dataclass
class Candidate:
    first: int  # index of the first segment
    last: int  # index of the last segment (inclusive)
    start: float  # padded
    end: float  # padded
    kind: str = "other"
    raw: float = 0.0
    reasons: list[str] = field(default_factory=list)
    skus: list[str] = field(default_factory=list)

    @property
    def score(self) -> float:
        return round(1.0 - math.exp(-self.raw / 2.0), 3)


def _padded(signals: list[SegmentSignals], first: int, last: int, pad: float, duration: float) -> tuple[float, float]:
    """Pad into the silence around the sentences, at most half of each gap so neighbours never meet."""
    before = signals[first].start - (signals[first - 1].end if first > 0 else 0.0)
    after = (signals[last + 1].start if last + 1 < len(signals) else duration) - signals[last].end
    start = signals[first].start - min(pad, max(before, 0.0) / (2 if first > 0 else 1))
    end = signals[last].end + min(pad, max(after, 0.0) / (2 if last + 1 < len(signals) else 1))
    return max(0.0, start), (min(duration, end) if duration > 0 else end)


def candidate_spans(signals: list[SegmentSignals], options: HighlightOptions,
                    duration: float) -> Iterator[tuple[int, int, float, float]]:
    """(first, last, padded start, padded end) of every window whose padded length fits the bounds."""
    for first in range(len(signals)):
        for last in range(first, len(signals)):
            start, end = _padded(signals, first, last, options.padding_s, duration)
            if end - start > options.max_s:
                break
            if end - start >= options.min_s:
                yield first, last, start, end


def _kind(window: list[SegmentSignals], lexicon: Lexicon) -> tuple[str, float, list[str]]:
    weights = {k: sum(s.cue_weight(k, lexicon) for s in window) for k in lexicon.kinds}
    kind = max(weights, key=weights.get, default="other")
    if not weights or weights[kind] <= 0:
        return "other", 0.0, []
    terms = list(dict.fromkeys(t for s in window for t in s.cues.get(kind, [])))
    return kind, weights[kind], terms


def _reasons(kind: str, terms: list[str], skus: list[str], reaction: Reaction,
             lexicon: Lexicon, matcher: ProductMatcher) -> list[str]:
    reasons = [f"提到 {matcher.name(sku)}" for sku in skus[:3]]
    if kind in lexicon.kinds:
        reasons.append(f"{lexicon.kinds[kind].reason}：{'、'.join(terms[:3])}")
    if reaction.rate_ratio >= PEAK_RATIO:
        reasons.append(f"评论高峰 ×{reaction.rate_ratio:.1f}")
    reasons += [f"评论{label} ×{n}" for label, n in reaction.groups.most_common() if n >= 2]
    return reasons


def score_window(signals: list[SegmentSignals], first: int, last: int, span: tuple[float, float],
                 reactions: ReactionIndex, lexicon: Lexicon, matcher: ProductMatcher,
                 options: HighlightOptions) -> Candidate:
    window = signals[first:last + 1]
    start, end = span
    per_10s = 10.0 / max(end - start, 1e-6)
    kind, cue_weight, terms = _kind(window, lexicon)
    mentions: Counter[str] = sum((s.skus for s in window), Counter())
    skus = [sku for sku, _ in mentions.most_common()]
    reaction = reactions.window(start, end + options.comment_lag_s)
    raw = (CUE_WEIGHT * cue_weight * per_10s + (PRODUCT_BONUS if skus else 0.0)
           + RATE_WEIGHT * max(0.0, reaction.rate_ratio - 1.0) + REACTION_WEIGHT * reaction.weighted * per_10s)
    reasons = _reasons(kind, terms, skus, reaction, lexicon, matcher)
    return Candidate(first, last, start, end, kind, raw, reasons, skus)


def select(candidates: list[Candidate], options: HighlightOptions) -> list[Candidate]:
    """Best first, never sharing a sentence; weak ones only to reach min_count."""
    chosen: list[Candidate] = []
    taken: set[int] = set()
    for cand in sorted(candidates, key=lambda c: (-c.raw, c.start)):
        if len(chosen) >= options.max_count:
            break
        if cand.score < options.min_score and len(chosen) >= options.min_count:
            break
        if taken.isdisjoint(range(cand.first, cand.last + 1)):
            chosen.append(cand)
            taken.update(range(cand.first, cand.last + 1))
    return chosen
