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

# Score weights: role evidence is per 10 s of window, so a focused window beats a padded one.
ROLE_WEIGHT = 0.35
MIN_ROLE = 1.0  # less evidence than one plain cue word: the window has no role
PRODUCT_BONUS = 0.5
RATE_WEIGHT = 0.6
REACTION_WEIGHT = 0.06
PEAK_RATIO = 1.5  # a comment rate this far above the stream's average is a "peak"
REPEAT_KIND = 0.6  # a kind already picked scores this much less: a leader wants varied clips


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
    """The window's kind is that of its strongest sentence (a clip is named after its peak, not
    after the talk around it); its evidence is all that kind's strength in the window."""
    mass = {k: cues.weight * sum(s.role_strength(k) for s in window) for k, cues in lexicon.kinds.items()}
    peak = {k: cues.weight * max(s.role_strength(k) for s in window) for k, cues in lexicon.kinds.items()}
    kind = max(mass, key=lambda k: (peak[k], mass[k]), default="other")
    if not mass or sum(s.role_score(kind) for s in window) < MIN_ROLE:
        return "other", 0.0, []
    terms = list(dict.fromkeys(t for s in window for t in s.role_terms(kind)))
    return kind, mass[kind], terms


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
    kind, role_mass, terms = _kind(window, lexicon)
    mentions: Counter[str] = sum((s.skus for s in window), Counter())
    skus = [sku for sku, _ in mentions.most_common()]
    reaction = reactions.window(start + options.comment_lag_s, end + options.comment_lag_s)  # the same words, heard late
    # The product counts where the moment is about it (a price next to a catalog product), not for
    # a name said in passing at the window's edge.
    about_product = any(s.skus and s.role_score(kind) for s in window)
    raw = (ROLE_WEIGHT * role_mass * per_10s + (PRODUCT_BONUS if about_product else 0.0)
           + RATE_WEIGHT * max(0.0, reaction.rate_ratio - 1.0) + REACTION_WEIGHT * reaction.weighted * per_10s)
    reasons = _reasons(kind, terms, skus, reaction, lexicon, matcher)
    return Candidate(first, last, start, end, kind, raw, reasons, skus)


def select(candidates: list[Candidate], options: HighlightOptions) -> list[Candidate]:
    """Best first, never sharing a sentence, a kind already picked counting less; weak ones only
    to reach min_count or to add a kind of moment not yet picked (a stream's only tasting is worth
    a clip however quiet). Scores never rise down the list (the discount only grows)."""
    chosen: list[Candidate] = []
    taken: set[int] = set()
    pool = sorted(candidates, key=lambda c: (-c.raw, c.start))
    while pool and len(chosen) < options.max_count:
        kinds = Counter(c.kind for c in chosen if c.kind != "other")
        best = max(pool, key=lambda c: (c.raw * REPEAT_KIND ** kinds[c.kind], -c.start))
        new_kind = best.kind != "other" and not kinds[best.kind]
        if best.score < options.min_score and len(chosen) >= options.min_count and not new_kind:
            break
        best.raw *= REPEAT_KIND ** kinds[best.kind]  # its score as the n-th clip of its kind
        chosen.append(best)
        taken.update(range(best.first, best.last + 1))
        pool = [c for c in pool if taken.isdisjoint(range(c.first, c.last + 1))]
    return chosen
