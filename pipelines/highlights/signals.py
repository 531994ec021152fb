"""Per-sentence signals: the sentence's role evidence (roles.py) and the catalog products it names."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from pipelines.highlights.lexicon import Lexicon
from pipelines.highlights.products import ProductMatcher
from pipelines.highlights.roles import Roles, mask_products, sentence_roles
from pipelines.transcript import Transcript
from pipelines.zh import normalize

SCALE_FLOOR = 2.5  # a stream whose best line of a role is weaker than this is not inflated
STRENGTH_UNIT = 3.0
ALONE = 0.5


@dataclass
class SegmentSignals:
    start: float
    end: float
    text: str
    roles: Roles = field(default_factory=Roles)
    skus: Counter[str] = field(default_factory=Counter)

    strength: dict[str, float] = field(default_factory=dict)  # role score against the stream's best

    def role_score(self, kind: str) -> float:
        return self.roles.scores.get(kind, 0.0)

    def role_strength(self, kind: str) -> float:
        return self.strength.get(kind, 0.0)

    def role_terms(self, kind: str) -> list[str]:
        return self.roles.terms.get(kind, [])


def transcript_signals(transcript: Transcript, matcher: ProductMatcher, lexicon: Lexicon) -> list[SegmentSignals]:
    """Signals of every non-empty segment, in time order; a sentence after a question may answer it."""
    segments = sorted((s for s in transcript.segments if s.text.strip() and s.end > s.start), key=lambda s: s.start)
    product_terms = [t.term for t in matcher.terms]
    signals: list[SegmentSignals] = []
    after_question = False
    for segment in segments:
        text = mask_products(normalize(segment.text), product_terms)
        roles = sentence_roles(text, lexicon, after_question=after_question)
        signals.append(SegmentSignals(segment.start, segment.end, segment.text, roles, matcher.find(segment.text)))
        after_question = roles.is_question
    return rate_strength(signals, lexicon)


def _in_sequence(signals: list[SegmentSignals], i: int, kind: str) -> bool:
    return any(0 <= j < len(signals) and signals[j].role_score(kind) for j in (i - 1, i + 1))


def rate_strength(signals: list[SegmentSignals], lexicon: Lexicon) -> list[SegmentSignals]:
    """Each sentence's role score against the stream's own best sentence of that role (never less
    than SCALE_FLOOR), times STRENGTH_UNIT: a stream's best tasting line counts as much as its best
    demo line, though a cooking step has more words to hit than a bite has. A sentence of a
    `sequence` kind with no neighbour of that kind counts half."""
    kinds = {k for s in signals for k in s.roles.scores}
    scale = {k: max(SCALE_FLOOR, max(s.role_score(k) for s in signals)) for k in kinds}
    for i, s in enumerate(signals):
        s.strength = {k: STRENGTH_UNIT * v / scale[k] * (ALONE if lexicon.kinds[k].sequence
                                                          and not _in_sequence(signals, i, k) else 1.0)
                      for k, v in s.roles.scores.items()}
    return signals
