"""Catalog-aware phonetic correction: fix near-homophones of glossary terms in transcript text.

Whisper base hears 橄榄油 as 干烂油 and 西红柿 as 西红室: right sounds, wrong characters.
A span of the transcript is rewritten to a glossary term of the same length when their
pinyin is close over the whole term. Guards against false matches, none tied to a word list:
- every syllable is scored (tone-insensitive, partial credit for confusable initials/finals);
  the mean must reach `threshold` and weak syllables are allowed only in long terms;
- the first and last syllables must sound (nearly) the same, since a span's edges are free
  (倒入鸡蛋液 must not become 倒土鸡蛋液);
- a two-character term needs the exact sound with tones, and never replaces a dictionary word;
- a longer span that is already fluent Chinese (all dictionary words, e.g. 三样 vs 散养) is
  only replaced by a true homophone (same pinyin *and* tones);
- longer terms win over shorter ones, and a span that already spells a term is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from pipelines.asr.terms import terms_from_names
from pipelines.zh import Syllable, cut, is_dictionary_word, same_tones, syllable_similarity, syllables
from pipelines.zh.pinyin import CLOSE

WEAK = 0.5  # a syllable scoring below this is a weak match
ANCHOR = CLOSE  # the first and last syllables must sound (nearly) the same: a span's edges are free
_HAN = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class Match:
    start: int  # character offsets in the text
    end: int
    original: str
    term: str
    score: float


@dataclass(frozen=True)
class _Term:
    text: str
    sounds: tuple[Syllable, ...]


def is_fluent(text: str) -> bool:
    """True when `text` reads as ordinary words: every piece is a dictionary word of 2+ characters."""
    return all(len(w) >= 2 and is_dictionary_word(w) for w in cut(text, hmm=False))


def score(heard: Sequence[Syllable], term: Sequence[Syllable]) -> float:
    """Mean syllable similarity, or 0.0 when the match is not close over the whole term."""
    if len(term) <= 2:
        return 1.0 if same_tones(list(heard), list(term)) else 0.0
    allowed_weak = 1 if len(term) >= 5 else 0
    total, weak = 0.0, 0
    for a, b in zip(heard, term):
        sim = syllable_similarity(a, b)
        weak += sim < WEAK
        if weak > allowed_weak:
            return 0.0
        total += sim
    anchored = min(syllable_similarity(heard[0], term[0]), syllable_similarity(heard[-1], term[-1])) >= ANCHOR
    return total / len(term) if anchored else 0.0


class Glossary:
    """Terms to correct towards, with their pinyin computed once."""

    def __init__(self, terms: Iterable[str], *, threshold: float = 0.8) -> None:
        self.threshold = threshold
        self.terms = [_Term(t, tuple(syllables(t))) for t in sorted(set(terms), key=len, reverse=True)]

    @classmethod
    def from_names(cls, names: Iterable[str], extra: Sequence[str] = (), *, threshold: float = 0.8) -> Glossary:
        return cls(terms_from_names(names, extra), threshold=threshold)

    def __len__(self) -> int:
        return len(self.terms)

    def _candidates(self, text: str) -> list[Match]:
        sounds = syllables(text)
        found = []
        for term in self.terms:
            size = len(term.text)
            for start in range(len(text) - size + 1):
                span = text[start : start + size]
                if span == term.text:
                    found.append(Match(start, start + size, span, term.text, 1.0))
                elif len(_HAN.findall(span)) == size:
                    heard = sounds[start : start + size]
                    value = score(heard, term.sounds)
                    if value >= self.threshold and self._safe(span, heard, term):
                        found.append(Match(start, start + size, span, term.text, value))
        return found

    @staticmethod
    def _safe(span: str, heard: list[Syllable], term: _Term) -> bool:
        if not is_fluent(span):
            return True
        return len(span) > 2 and same_tones(heard, list(term.sounds))

    def find(self, text: str) -> list[Match]:
        """Non-overlapping matches, longest term first, then best score; exact spellings included."""
        chosen: list[Match] = []
        for m in sorted(self._candidates(text), key=lambda m: (-(m.end - m.start), -m.score, m.start)):
            if all(m.end <= c.start or m.start >= c.end for c in chosen):
                chosen.append(m)
        return sorted(chosen, key=lambda m: m.start)

    def correct(self, text: str) -> tuple[str, list[Match]]:
        """The text with near-homophones replaced (same length), and the changes made."""
        changes = [m for m in self.find(text) if m.original != m.term]
        chars = list(text)
        for m in changes:
            chars[m.start : m.end] = m.term
        return "".join(chars), changes


@lru_cache(maxsize=16)
def get_glossary(names: tuple[str, ...], threshold: float = 0.8) -> Glossary:
    """A glossary per distinct hotword list, built once (pinyin of every term is precomputed)."""
    return Glossary.from_names(names, threshold=threshold)
