"""The cue lexicons (cues.toml) as a validated model; texts are matched after pipelines.zh.normalize."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel

CUES_PATH = Path(__file__).with_name("cues.toml")


class KindCues(BaseModel):
    reason: str
    weight: float = 1.0
    title: str
    terms: list[str]


class OtherCues(BaseModel):
    reason: str
    title: str


class ReactionCues(BaseModel):
    label: str
    weight: float = 1.0
    terms: list[str] = []
    intent: bool = False
    """Match buying intent (pipelines.intent) instead of `terms`."""


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


@lru_cache(maxsize=4)
def load_lexicon(path: Path = CUES_PATH) -> Lexicon:
    return Lexicon(**tomllib.loads(path.read_text(encoding="utf-8")))


def find_terms(text: str, terms: list[str]) -> list[str]:
    """Every occurrence of every term in already-normalised text (repeats count)."""
    return [term for term in terms for _ in range(text.count(term.lower()))]
