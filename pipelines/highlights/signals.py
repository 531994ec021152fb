"""Per-sentence signals: which cue terms of each kind and which catalog products a segment has."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from pipelines.highlights.lexicon import Lexicon, find_terms
from pipelines.highlights.products import ProductMatcher
from pipelines.transcript import Segment, Transcript
from pipelines.zh import normalize


@dataclass
class SegmentSignals:
    start: float
    end: float
    text: str
    cues: dict[str, list[str]] = field(default_factory=dict)  # kind -> matched terms
    skus: Counter[str] = field(default_factory=Counter)

    def cue_weight(self, kind: str, lexicon: Lexicon) -> float:
        return lexicon.kinds[kind].weight * len(self.cues.get(kind, []))


def segment_signals(segment: Segment, matcher: ProductMatcher, lexicon: Lexicon) -> SegmentSignals:
    norm = normalize(segment.text)
    cues = {kind: hits for kind, cue in lexicon.kinds.items() if (hits := find_terms(norm, cue.terms))}
    return SegmentSignals(segment.start, segment.end, segment.text, cues, matcher.find(segment.text))


def transcript_signals(transcript: Transcript, matcher: ProductMatcher, lexicon: Lexicon) -> list[SegmentSignals]:
    """Signals of every non-empty segment, in time order."""
    segments = sorted((s for s in transcript.segments if s.text.strip() and s.end > s.start), key=lambda s: s.start)
    return [segment_signals(s, matcher, lexicon) for s in segments]
