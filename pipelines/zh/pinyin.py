"""Pinyin of text, one syllable per character, and how alike two syllables sound."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pypinyin import Style, lazy_pinyin, pinyin

CLOSE = 0.75  # an initial or final from a commonly confused pair counts this much of a match
# Pairs Mandarin speakers (and whisper) confuse: flat/retroflex, n/l, f/h, r/l, aspiration, nasal endings.
_CLOSE_INITIALS = [{"z", "zh"}, {"c", "ch"}, {"s", "sh"}, {"n", "l"}, {"f", "h"}, {"r", "l"},
                   {"b", "p"}, {"d", "t"}, {"g", "k"}, {"j", "q", "x"}]
_CLOSE_FINALS = [{"an", "ang"}, {"en", "eng"}, {"in", "ing"}, {"ian", "iang"}, {"uan", "uang"},
                 {"eng", "ong"}, {"o", "uo"}]


@dataclass(frozen=True)
class Syllable:
    initial: str
    final: str
    tone: str  # "1".."5"; "" for a character without pinyin

    @property
    def toneless(self) -> str:
        return self.initial + self.final


def _no_pinyin(chars: str) -> list[list[str]]:
    return [[""] for _ in chars]


def syllables(text: str) -> list[Syllable]:
    """One Syllable per character of `text` (empty parts for non-Chinese characters)."""
    initials = pinyin(text, style=Style.INITIALS, strict=False, errors=_no_pinyin)
    finals = pinyin(text, style=Style.FINALS, strict=False, errors=_no_pinyin)
    tones = pinyin(text, style=Style.TONE3, neutral_tone_with_five=True, errors=_no_pinyin)
    return [Syllable(i[0], f[0], t[0][-1:] if t[0] else "") for i, f, t in zip(initials, finals, tones)]


@lru_cache(maxsize=4096)
def to_pinyin(text: str) -> tuple[str, ...]:
    """Toneless pinyin, one item per Chinese character (a run of other characters is one item)."""
    return tuple(lazy_pinyin(text))


def _part_similarity(a: str, b: str, pairs: list[set[str]]) -> float:
    if a == b:
        return 1.0
    return CLOSE if any(a in p and b in p for p in pairs) else 0.0


def syllable_similarity(a: Syllable, b: Syllable) -> float:
    """1.0 for the same sound ignoring tone; partial credit for a shared or confusable initial/final."""
    return _sound_similarity(a.initial, a.final, b.initial, b.final)


@lru_cache(maxsize=65536)
def _sound_similarity(initial_a: str, final_a: str, initial_b: str, final_b: str) -> float:
    if not final_a or not final_b:
        return 0.0
    if (initial_a, final_a) == (initial_b, final_b):
        return 1.0
    return 0.5 * _part_similarity(initial_a, initial_b, _CLOSE_INITIALS) + 0.5 * _part_similarity(
        final_a, final_b, _CLOSE_FINALS
    )


def same_tones(a: list[Syllable], b: list[Syllable]) -> bool:
    return [(s.toneless, s.tone) for s in a] == [(s.toneless, s.tone) for s in b]


def count_pinyin(haystack: tuple[str, ...], needle: tuple[str, ...]) -> int:
    """How often the syllable sequence `needle` occurs in `haystack`."""
    n = len(needle)
    return sum(1 for i in range(len(haystack) - n + 1) if haystack[i:i + n] == needle)
