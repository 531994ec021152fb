"""Turn whisper's timed words into sentence segments with Chinese punctuation.

Whisper base often writes Mandarin with no punctuation, half-width commas or spaces, and
its segments are 30-second decoding units rather than sentences. Here every word is cleaned
(Simplified, full-width), pauses without punctuation get a comma (or a full stop when long),
and the text is re-split into sentences at 。！？ and long pauses, with over-long sentences
split again at their longest comma pause, so that clips can start and end on a segment.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from pipelines.asr.text import CLAUSE_END, PUNCTUATION, SENTENCE_END, clean_text
from pipelines.transcript import Segment, Word

QUESTION_ENDINGS = "吗么"


@dataclass(frozen=True)
class SentenceRules:
    clause_pause_s: float = 0.35
    sentence_pause_s: float = 0.8
    max_sentence_s: float = 12.0


def clean_words(words: Sequence[Word]) -> list[Word]:
    """Simplified, full-width, stripped words; a space whisper put before a word becomes a comma."""
    texts = [w.word.strip() for w in words]
    joined = clean_text("".join(texts))
    if len(joined) == sum(map(len, texts)):  # convert in context, then cut back into words
        cleaned, pos = [], 0
        for text in texts:
            cleaned.append(joined[pos : pos + len(text)])
            pos += len(text)
    else:
        cleaned = [clean_text(t) for t in texts]
    out: list[Word] = []
    for word, text in zip(words, cleaned):
        if word.word[:1].isspace() and out and out[-1].word[-1:] not in PUNCTUATION:
            out[-1] = replace(out[-1], word=out[-1].word + "，")
        if text and all(ch in PUNCTUATION for ch in text) and out:
            out[-1] = replace(out[-1], word=out[-1].word.rstrip(PUNCTUATION) + text)
        elif text:
            out.append(replace(word, word=text))
    return out


def clamp_times(words: Sequence[Word], duration: float) -> list[Word]:
    """Monotonic word times inside [0, duration]."""
    out, previous_end = [], 0.0
    for w in words:
        start = min(max(w.start, previous_end, 0.0), duration)
        end = min(max(w.end, start), duration)
        out.append(replace(w, start=round(start, 3), end=round(end, 3)))
        previous_end = end
    return out


def _ending(text: str, sentence: bool) -> str:
    if not sentence:
        return "，"
    return "？" if text[-1:] in QUESTION_ENDINGS else "。"


def punctuate(words: Sequence[Word], rules: SentenceRules, breaks: set[int] = frozenset()) -> list[Word]:
    """Add punctuation at pauses; `breaks` are indexes of words that end a whisper segment."""
    out = list(words)
    for i, w in enumerate(out):
        if w.word[-1:] in PUNCTUATION:
            continue
        last = i == len(out) - 1
        gap = 0.0 if last else out[i + 1].start - w.end
        if last or i in breaks or gap >= rules.sentence_pause_s:
            out[i] = replace(w, word=w.word + _ending(w.word, True))
        elif gap >= rules.clause_pause_s:
            out[i] = replace(w, word=w.word + _ending(w.word, False))
    return out


def _split_points(words: Sequence[Word], rules: SentenceRules) -> list[int]:
    """Indexes after which a sentence ends."""
    points = []
    for i, w in enumerate(words[:-1]):
        if w.word[-1] in SENTENCE_END or words[i + 1].start - w.end >= rules.sentence_pause_s:
            points.append(i)
    return points


def _split_long(words: list[Word], rules: SentenceRules) -> list[list[Word]]:
    if len(words) < 2 or words[-1].end - words[0].start <= rules.max_sentence_s:
        return [words]
    candidates = [i for i, w in enumerate(words[:-1]) if w.word[-1] in CLAUSE_END] or list(range(len(words) - 1))
    cut = max(candidates, key=lambda i: (words[i + 1].start - words[i].end, -abs(2 * i + 1 - len(words))))
    return _split_long(words[: cut + 1], rules) + _split_long(words[cut + 1 :], rules)


def to_segment(words: Sequence[Word]) -> Segment:
    text = "".join(w.word for w in words)
    return Segment(start=words[0].start, end=words[-1].end, text=text, words=list(words))


def build_sentences(words: Sequence[Word], rules: SentenceRules) -> list[Segment]:
    """Sentence segments over already cleaned, punctuated, time-clamped words."""
    sentences, start = [], 0
    for point in [*_split_points(words, rules), len(words) - 1]:
        if point >= start:
            sentences.extend(_split_long(list(words[start : point + 1]), rules))
            start = point + 1
    return [to_segment(s) for s in sentences if s]
