"""Domain-aware correction: respell a misheard span as a word of the tenant or of group buying when
it sounds the same or nearly so and the sentence becomes far more probable.

A noisy-channel decision per span. For every span of 2-8 Chinese characters, the vocabulary's words
of the same length and a confusable sound are candidates (揭笼 -> 接龙, 团够加 -> 团购价, 自体点 ->
自提点). A candidate replaces the span only when

    word-model gain + CHAR_WEIGHT x character-model gain - channel cost > MARGIN

where the word model is jieba's dictionary with the tenant's and the domain's words added, the
character model is trained on the tenant's knowledge, and the channel cost grows with each tone,
confusable sound or nasal ending the two spellings differ in. Spans that already spell one of the
tenant's terms are left alone; changes never overlap, the largest gain wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pipelines.asr.channel import sound_key, span_cost
from pipelines.asr.vocabulary import MAX_WORD_CHARS, Vocabulary
from pipelines.zh import Syllable, is_dictionary_word, syllables

MARGIN = 3.0  # nats: the corrected sentence must be about 20 times more probable, after the channel cost
WORD_MARGIN = 6.0  # a span that is a dictionary word (三样 -> 散养), or whose every syllable changes, needs more
NUMERALS = frozenset("零〇一二两三四五六七八九十百千万亿")
CHAR_WEIGHT = 0.5  # the knowledge-base character model is small; it informs, the word prior leads
CONTEXT_CHARS = 6  # the models see this many characters either side of a span


@dataclass(frozen=True)
class DomainChange:
    start: int
    end: int
    original: str
    corrected: str
    gain: float


@lru_cache(maxsize=65536)
def _sounds(word: str) -> tuple[Syllable, ...]:
    return tuple(syllables(word))


def _is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff"


def _protected(text: str, vocab: Vocabulary) -> list[bool]:
    """Characters inside an exact spelling of a tenant term: the catalog pass already decided them."""
    keep = [False] * len(text)
    for term in vocab.terms:
        start = text.find(term)
        while start >= 0:
            keep[start:start + len(term)] = [True] * len(term)
            start = text.find(term, start + 1)
    return keep


def _score(vocab: Vocabulary, text: str) -> float:
    return vocab.words.score(text) + CHAR_WEIGHT * vocab.chars.score(text)


def _gain(vocab: Vocabulary, text: str, start: int, end: int, word: str) -> float:
    lo, hi = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
    before = text[lo:hi]
    after = text[lo:start] + word + text[end:hi]
    return _score(vocab, after) - _score(vocab, before)


def _max_changed(length: int, named: bool) -> int:
    """How many syllables may differ in sound (not only tone): one in a short word, two from four;
    a tenant term or lexicon word may differ in every syllable of two (零军 for 邻居)."""
    return 2 if length >= 4 or named and length == 2 else 1


def _every_sound_differs(span: str, word: str) -> bool:
    return all(a.toneless != b.toneless for a, b in zip(_sounds(span), _sounds(word)))


def _in_number(text: str, i: int) -> bool:
    """A numeral character that states a number: 零 alone is often 邻 or 灵 misheard, so it needs a
    numeral beside it (一百零五)."""
    if i < 0 or text[i] not in NUMERALS:
        return False
    return text[i] != "零" or any(c in NUMERALS or c.isdigit() for c in text[max(0, i - 1):i] + text[i + 1:i + 2])


def _plausible(text: str, start: int, word: str, vocab: Vocabulary) -> bool:
    """Guards that hold whatever the models say:
    - a word only from the knowledge base (a general word such as 可以) needs the same sounds;
    - numerals and the character after a numeral (its unit: 五百克) are never respelled here;
    - an unchanged first character that forms a commoner word with the one before it (这个|刃) stays put."""
    span = text[start:start + len(word)]
    if word not in vocab.named and any(a.toneless != b.toneless for a, b in zip(_sounds(span), _sounds(word))):
        return False
    for i, (old, new) in enumerate(zip(span, word)):
        if old != new and (_in_number(text, start + i) or new in NUMERALS or _in_number(text, start + i - 1)):
            return False
    before = text[start - 1:start + 1] if start > 0 and span[0] == word[0] else ""
    return not before or vocab.words.frequency(before) <= vocab.words.frequency(word)


def _span_changes(text: str, sounds: list[Syllable], keys: list[str], start: int, length: int,
                  vocab: Vocabulary) -> list[DomainChange]:
    end = start + length
    span = text[start:end]
    fluent = is_dictionary_word(span)
    found = []
    for word in vocab.candidates(" ".join(keys[start:end]), length):
        cost = span_cost(sounds[start:end], _sounds(word), _max_changed(length, word in vocab.named))
        cost = cost if word != span else None
        if cost is None or not _plausible(text, start, word, vocab):
            continue
        gain = _gain(vocab, text, start, end, word) - cost
        if gain > (WORD_MARGIN if fluent or _every_sound_differs(span, word) else MARGIN):
            found.append(DomainChange(start, end, span, word, gain))
    return found


def find_changes(text: str, vocab: Vocabulary) -> list[DomainChange]:
    """Non-overlapping changes worth making, in text order."""
    sounds = syllables(text)
    keys = [sound_key(s) if _is_han(c) else "" for c, s in zip(text, sounds)]
    keep = _protected(text, vocab)
    candidates: list[DomainChange] = []
    for length in range(2, MAX_WORD_CHARS + 1):
        for start in range(len(text) - length + 1):
            if all(keys[start:start + length]) and not any(keep[start:start + length]):
                candidates += _span_changes(text, sounds, keys, start, length, vocab)
    chosen: list[DomainChange] = []
    for change in sorted(candidates, key=lambda c: -c.gain):
        if all(change.end <= c.start or change.start >= c.end for c in chosen):
            chosen.append(change)
    return sorted(chosen, key=lambda c: c.start)


def correct_text(text: str, vocab: Vocabulary) -> tuple[str, list[DomainChange]]:
    """The text with its changes applied (same length), and the changes."""
    changes = find_changes(text, vocab)
    chars = list(text)
    for change in changes:
        chars[change.start:change.end] = change.corrected
    return "".join(chars), changes
