"""Apply the catalog glossary, then the domain pass, to sentence segments, keeping each word's text in
step with its segment; every change is listed as a Correction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from pipelines.asr.domain import correct_text
from pipelines.asr.glossary import Glossary, get_glossary
from pipelines.asr.measures import correct_measures
from pipelines.asr.options import TranscribeOptions
from pipelines.asr.vocabulary import Vocabulary, get_vocabulary
from pipelines.transcript import Correction, Segment, Word


def _respell(words: Sequence[Word], text: str) -> list[Word]:
    """Cut `text` (same length as the words joined) back into the words."""
    out, pos = [], 0
    for w in words:
        out.append(replace(w, word=text[pos : pos + len(w.word)]))
        pos += len(w.word)
    return out


def _with_text(segment: Segment, text: str) -> Segment:
    words = _respell(segment.words, text) if "".join(w.word for w in segment.words) == segment.text else segment.words
    return replace(segment, text=text, words=words)


def correct_segment(segment: Segment, glossary: Glossary) -> tuple[Segment, list[Correction]]:
    text, matches = glossary.correct(segment.text)
    if not matches:
        return segment, []
    corrections = [Correction(start=segment.start, original=m.original, corrected=m.term) for m in matches]
    return _with_text(segment, text), corrections


def correct_domain(segments: Sequence[Segment], vocab: Vocabulary) -> tuple[list[Segment], list[Correction]]:
    """The domain pass (domain.py), then measure words (measures.py), over each sentence; changes are
    listed with reason "domain-lm" or "measure-word"."""
    fixed, corrections = [], []
    for segment in segments:
        text, changes = correct_text(segment.text, vocab)
        text, measures = correct_measures(text)
        fixed.append(_with_text(segment, text) if changes or measures else segment)
        corrections += [Correction(segment.start, c.original, c.corrected, reason="domain-lm") for c in changes]
        corrections += [Correction(segment.start, old, new, reason="measure-word") for _, old, new in measures]
    return fixed, corrections


def correct_segments(segments: Sequence[Segment], glossary: Glossary) -> tuple[list[Segment], list[Correction]]:
    fixed, corrections = [], []
    for segment in segments:
        segment, changes = correct_segment(segment, glossary)
        fixed.append(segment)
        corrections.extend(changes)
    return fixed, corrections


def correct_all(segments: list[Segment], options: TranscribeOptions, hotwords: Sequence[str],
                knowledge: Sequence[str] = ()) -> tuple[list[Segment], list[Correction]]:
    """The catalog pass (product names), then the domain pass (everything else), as options say."""
    corrections: list[Correction] = []
    if options.correct_terms and hotwords and segments:
        segments, corrections = correct_segments(segments, get_glossary(tuple(hotwords), options.correction_threshold))
    if options.correct_domain and segments:
        segments, more = correct_domain(segments, get_vocabulary(tuple(hotwords), tuple(knowledge)))
        corrections += more
    return segments, corrections
