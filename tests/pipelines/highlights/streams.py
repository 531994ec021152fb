"""The two dev streams, their ground truth (used only to evaluate) and the checks on highlights."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from pipelines.comments import Comment, parse_comments
from pipelines.highlights import Highlight
from pipelines.media import probe
from pipelines.transcript import Transcript
from tests.utils.paths import MEDIA, REPO
from tests.utils.stream_truth import segment_from_sentence

SEED_CATALOG = REPO / "knowledge" / "seed" / "catalog.csv"
COVER = 0.6  # a highlight "holds" a moment when it covers this much of the moment's span
TOP = 4
KINDS = ("demo", "tasting", "offer")


@dataclass(frozen=True)
class DevStream:
    name: str
    comments_file: str

    @property
    def dir(self) -> Path:
        return MEDIA / self.name

    @property
    def mp4(self) -> Path:
        return self.dir / "stream.mp4"

    def sentences(self) -> list[dict]:
        return json.loads((self.dir / "script_truth.json").read_text(encoding="utf-8"))

    def span(self, kind: str) -> tuple[float, float]:
        """First start to last end of the sentences the script marks as `kind`."""
        spans = [(s["start"], s["end"]) for s in self.sentences() if s["kind"] == kind]
        return spans[0][0], spans[-1][1]

    def comments(self) -> list[Comment]:
        path = self.dir / self.comments_file
        return parse_comments(path.read_bytes(), path.name).comments

    def truth_transcript(self) -> Transcript:
        return Transcript("zh", probe(self.mp4).duration_s, [segment_from_sentence(s) for s in self.sentences()])


STREAMS = {"stream": DevStream("stream", "comments.jsonl"), "stream3": DevStream("stream3", "comments.csv")}


def rank_of(highlights: list[Highlight], kind: str, span: tuple[float, float]) -> int | None:
    """1-based rank of the first highlight of `kind` covering COVER of `span`, or None."""
    for rank, h in enumerate(highlights, 1):
        overlap = min(h.end, span[1]) - max(h.start, span[0])
        if h.kind == kind and overlap >= COVER * (span[1] - span[0]):
            return rank
    return None


def missing_from_top(highlights: list[Highlight], stream: DevStream) -> list[str]:
    """The kinds of KINDS with no holding highlight among the first TOP."""
    return [k for k in KINDS if (r := rank_of(highlights, k, stream.span(k))) is None or r > TOP]


def sentence_bounded(h: Highlight, transcript: Transcript, padding: float) -> bool:
    """Starts at a sentence's start and ends at a sentence's end (within padding), cutting none."""
    segments = transcript.segments
    starts_ok = any(0 <= s.start - h.start <= padding + 1e-6 for s in segments)
    ends_ok = any(0 <= h.end - s.end <= padding + 1e-6 for s in segments)
    uncut = all(s.end <= h.start or s.start >= h.end or (h.start <= s.start and s.end <= h.end) for s in segments)
    return starts_ok and ends_ok and uncut


def describe(highlights: list[Highlight]) -> list[tuple[str, float, float, float]]:
    return [(h.kind, h.start, h.end, h.score) for h in highlights]
