"""Apply the glossary to sentence segments, keeping each word's text in step with its segment."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from pipelines.asr.glossary import Glossary
from pipelines.transcript import Correction, Segment, Word


def _respell(words: Sequence[Word], text: str) -> list[Word]:
    """Cut `text` (same length as the words joined) back into the words."""
    out, pos = [], 0
    for w in words:
        out.append(replace(w, word=text[pos : pos + len(w.word)]))
        pos += len(w.word)
    return out


def correct_segment(segment: Segment, glossary: Glossary) -> tuple[Segment, list[Correction]]:
    text, matches = glossary.correct(segment.text)
    if not matches:
        return segment, []
    words = _respell(segment.words, text) if "".join(w.word for w in segment.words) == segment.text else segment.words
    corrections = [Correction(start=segment.start, original=m.original, corrected=m.term) for m in matches]
    return replace(segment, text=text, words=words), corrections


def correct_segments(segments: Sequence[Segment], glossary: Glossary) -> tuple[list[Segment], list[Correction]]:
    fixed, corrections = [], []
    for segment in segments:
        segment, changes = correct_segment(segment, glossary)
        fixed.append(segment)
        corrections.extend(changes)
    return fixed, corrections
