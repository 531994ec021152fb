"""Audience reaction in a time window: comment rate against the stream's own baseline, and the
comments that say "I want it" (buying intent, pipelines.intent), "that looks good" or ask something."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from pipelines.comments import Comment
from pipelines.highlights.lexicon import ReactionCues
from pipelines.intent import is_buying
from pipelines.zh import normalize

_QUESTION = re.compile(r"[?？]|吗|呢$|怎么|能不能|可不可以|多久|多少|几")


@dataclass
class Reaction:
    count: int = 0
    rate_ratio: float = 0.0  # comments per second in the window / the stream's average
    groups: Counter[str] = field(default_factory=Counter)  # reaction label -> matching comments
    weighted: float = 0.0  # sum of the groups' weights over matching comments


class ReactionIndex:
    """Comments sorted by time, each tagged with the reaction groups it belongs to."""

    def __init__(self, comments: list[Comment], duration: float, cues: dict[str, ReactionCues]) -> None:
        ordered = sorted(comments, key=lambda c: c.time)
        self.times = [c.time for c in ordered]
        self.tags = [self._tag(c.text, cues) for c in ordered]
        self.baseline = len(ordered) / duration if duration > 0 else 0.0
        self.weights = {cue.label: cue.weight for cue in cues.values()}

    @staticmethod
    def _tag(text: str, cues: dict[str, ReactionCues]) -> list[str]:
        norm = normalize(text)
        return [cue.label for cue in cues.values()
                if (cue.intent and is_buying(text)) or (cue.question and _QUESTION.search(norm))
                or any(normalize(term) in norm for term in cue.terms)]

    def window(self, start: float, end: float) -> Reaction:
        lo, hi = bisect.bisect_left(self.times, start), bisect.bisect_right(self.times, end)
        count = hi - lo
        if not count or self.baseline <= 0:
            return Reaction()
        groups = Counter(label for tags in self.tags[lo:hi] for label in tags)
        ratio = (count / max(end - start, 1e-6)) / self.baseline
        weighted = sum(self.weights[label] * n for label, n in groups.items())
        return Reaction(count=count, rate_ratio=ratio, groups=groups, weighted=weighted)
