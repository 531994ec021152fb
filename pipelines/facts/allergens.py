"""The allergen vocabulary (data in allergens.toml): recognise allergy questions and allergen words."""

from __future__ import annotations

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
    return any(w in question for w in _vocab()["triggers"]["words"])


def allergen_words() -> set[str]:
    """Every allergen word; the grounding check asks a cited source to back each one an answer uses."""
    return {w for words in _vocab()["allergens"].values() for w in words if len(w) > 1}


def asked_allergens(question: str) -> list[str]:
    """Catalog allergen names the question mentions, longest words first (麸质 -> 小麦)."""
    found: list[str] = []
    for word in sorted(allergen_words(), key=len, reverse=True):
        if word in question:
            found += [n for n in canonical_names(word) if n not in found]
    return found
