"""The role and reaction vocabularies (cues.toml) as a validated model; texts are matched after
pipelines.zh.normalize."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel

from pipelines.zh import to_pinyin

CUES_PATH = Path(__file__).with_name("cues.toml")
SOUND_MIN_CHARS = 2


class TermGroup(BaseModel):
    weight: float = 1.0
    terms: list[str]
    requires: list[str] = []
    """Count this group only in a sentence where one of these groups of the same kind also hit."""
    after_question: bool = False
    """Count this group only in the sentence right after a question (an answer opens)."""
    marks_question: bool = False
    """A hit makes the sentence a question, so the next one may answer it."""
    in_question: bool = False
    """Count this group only in a sentence that asks something (a question word or mark)."""


class KindCues(BaseModel):
    reason: str
    title: str
    weight: float = 1.0
    """How much a clip of this kind is worth against the others, at equal evidence."""
    sequence: bool = False
    """A sentence of this kind counts half unless a neighbouring sentence is of it too (steps)."""
    groups: dict[str, TermGroup]


class OtherCues(BaseModel):
    reason: str
    title: str


class ReactionCues(BaseModel):
    label: str
    weight: float = 1.0
    terms: list[str] = []
    intent: bool = False
    """Match buying intent (pipelines.intent) instead of `terms`."""
    question: bool = False
    """Match a viewer's question (a question mark or a question particle) instead of `terms`."""


class TitleRules(BaseModel):
    forbidden: list[str] = []
    min_chars: int = 4


class Lexicon(BaseModel):
    kinds: dict[str, KindCues]
    other: OtherCues
    reactions: dict[str, ReactionCues]
    titles: TitleRules

    def title_template(self, kind: str) -> str:
        return self.kinds[kind].title if kind in self.kinds else self.other.title

    def label(self, kind: str) -> str:
        return self.kinds[kind].reason if kind in self.kinds else self.other.reason

    def vocabulary(self) -> list[str]:
        """Every term of every kind's groups, each once."""
        return list(dict.fromkeys(t for k in self.kinds.values() for g in k.groups.values() for t in g.terms))


@lru_cache(maxsize=4)
def load_lexicon(path: Path = CUES_PATH) -> Lexicon:
    return Lexicon(**tomllib.loads(path.read_text(encoding="utf-8")))


@lru_cache(maxsize=8192)
def _sounds(text: str) -> tuple[str, ...]:
    """One toneless syllable per character (a non-Chinese character stands for itself)."""
    return tuple(to_pinyin(ch)[0] if "\u3400" <= ch <= "\u9fff" else ch for ch in text)


class _Sounded:
    """A text and its syllables joined as "|a|b|c|", so a run of syllables is one str.find."""

    def __init__(self, text: str) -> None:
        self.text = text
        syllables = _sounds(text)
        self.joined = "|" + "|".join(syllables) + "|"
        offsets, pos = {}, 0
        for i, syllable in enumerate(syllables):
            offsets[pos] = i
            pos += len(syllable) + 1
        self.offsets = offsets  # position of "|" before a syllable in `joined` -> character index

    def positions(self, term: str) -> list[int]:
        """Where `term` starts: by spelling, or for a term of SOUND_MIN_CHARS or more, by sound
        (whisper writes 接龙 as 揭笼 and 自提 as 字体; to the ear the words are the same)."""
        hits = set(_find_all(self.text, term))
        if len(term) >= SOUND_MIN_CHARS:
            needle = "|" + "|".join(_sounds(term)) + "|"
            hits.update(self.offsets[p] for p in _find_all(self.joined, needle) if p in self.offsets)
        return sorted(hits)


def _find_all(haystack: str, needle: str) -> list[int]:
    found, pos = [], haystack.find(needle)
    while needle and pos >= 0:
        found.append(pos)
        pos = haystack.find(needle, pos + 1)
    return found


def find_terms(text: str, terms: list[str]) -> list[str]:
    """Every occurrence of every term in already-normalised text (repeats count); a term inside a
    longer matched term of the same list counts once (尝 inside 品尝)."""
    found: list[str] = []
    covered = [False] * len(text)
    sounded = _Sounded(text)
    for term in sorted((t.lower() for t in terms if t), key=len, reverse=True):
        for pos in sounded.positions(term):
            end = pos + len(term)
            if not any(covered[pos:end]):
                covered[pos:end] = [True] * len(term)
                found.append(term)
    return found
