"""The allergen vocabulary (data in allergens.toml): recognise allergy questions and allergen words."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

VOCAB_FILE = Path(__file__).with_name("allergens.toml")


@lru_cache(maxsize=1)
def _vocab() -> dict:
    return tomllib.loads(VOCAB_FILE.read_text(encoding="utf-8"))


def canonical_names(word: str) -> list[str]:
    """The catalog allergen names a resident's word stands for (麸质 -> 小麦); [] if none."""
    return [name for name, words in _vocab()["allergens"].items() if word in words]


def is_allergy_question(question: str) -> bool:
    triggers = _vocab()["triggers"]
    return any(w in question for w in (*triggers["words"], *triggers["reactions"]))


@lru_cache(maxsize=1)
def reaction_pattern() -> re.Pattern[str]:
    """Words saying the resident reacts to a food (过敏, 不耐受, 起疹子): the question asks for allergens."""
    return re.compile("|".join(map(re.escape, _vocab()["triggers"]["reactions"])))


def allergen_words() -> set[str]:
    """Every allergen word; the grounding check asks a cited source to back each one an answer uses."""
    return {w for words in _vocab()["allergens"].values() for w in words if len(w) > 1}


def asked_allergens(question: str) -> list[str]:
    """Catalog allergen names the question mentions (麸质 -> 小麦), in the order it names them: the same every run."""
    found: list[str] = []
    words = [w for w in allergen_words() if w in question]
    for word in sorted(words, key=lambda w: (question.find(w), -len(w), w)):  # question order, one order every run
        found += [n for n in canonical_names(word) if n not in found]
    return found


def allergen_mentions(text: str) -> list[str]:
    """The allergen words a free text names (芝麻 and 杏仁 in 海苔夹芝麻和杏仁片), longest first, skipping a
    word negated just before it (不掺花生酱, 无麸质: Chinese negates by prefix) or inside a longer one found."""
    found: list[str] = []
    for word in sorted(allergen_words(), key=lambda w: (-len(w), w)):
        at = text.find(word)
        while at >= 0 and any(ch in _NEGATIONS for ch in text[max(0, at - 2):at]):
            at = text.find(word, at + 1)
        if at >= 0 and not any(word in f for f in found):
            found.append(word)
    return found


def named_allergens(text: str) -> list[str]:
    """Catalog allergen names a free text names (a listed "含麸质" -> 小麦, "核桃" -> 坚果)."""
    return list(dict.fromkeys(n for word in allergen_mentions(text) for n in canonical_names(word)))


_NEGATIONS = frozenset("不无没非未免")
