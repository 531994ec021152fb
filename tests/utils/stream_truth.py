"""Real transcripts for detection tests, built from the stream's own sentence timings."""

from __future__ import annotations

import json

from pipelines.transcript import Segment, Transcript, Word
from tests.utils.paths import MEDIA

STREAM_DIR = MEDIA / "stream"
SCRIPT_TRUTH = STREAM_DIR / "script_truth.json"
COMMENTS_JSONL = STREAM_DIR / "comments.jsonl"
STREAM_DURATION = 104.0


def truth_sentences() -> list[dict]:
    return json.loads(SCRIPT_TRUTH.read_text(encoding="utf-8"))


def segment_from_sentence(sentence: dict) -> Segment:
    """A segment whose words split the sentence's time evenly over its characters."""
    start, end, text = sentence["start"], sentence["end"], sentence["text"]
    step = (end - start) / len(text)
    words = [Word(round(start + i * step, 3), round(start + (i + 1) * step, 3), ch) for i, ch in enumerate(text)]
    return Segment(start, end, text, words)


def truth_transcript() -> Transcript:
    from pipelines.media import probe
    from tests.utils.paths import STREAM_MP4

    segments = [segment_from_sentence(s) for s in truth_sentences()]
    return Transcript("zh", probe(STREAM_MP4).duration_s, segments)
