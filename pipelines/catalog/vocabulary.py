"""The catalog's word lists (data files next to this module): food-name modifiers and food aliases."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from pipelines.zh import is_dictionary_word, pos_cut

MODIFIERS_FILE = Path(__file__).with_name("modifiers.toml")
ALIASES_FILE = Path(__file__).with_name("aliases.toml")


@lru_cache(maxsize=1)
def _modifier_data() -> dict:
    return tomllib.loads(MODIFIERS_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def modifiers() -> frozenset[str]:
    """Every modifier word, whatever its group."""
    return frozenset(w for key, words in _modifier_data().items() if key != "claim_prefixes" for w in words)


@lru_cache(maxsize=4096)
def is_modifier(text: str) -> bool:
    """True when `text` only qualifies a product: a listed modifier, a claim (无蔗糖), or a run of them."""
    if not text:
        return True
    if _is_claim(text):
        return True
    return any(text[:i] in modifiers() and is_modifier(text[i:]) for i in range(len(text), 0, -1))


def _is_claim(text: str) -> bool:
    prefixes = _modifier_data()["claim_prefixes"]
    return (len(text) > 2 and text[0] in prefixes and is_dictionary_word(text[1:])
            and not is_dictionary_word(text))


@lru_cache(maxsize=1)
def alias_groups() -> tuple[tuple[str, ...], ...]:
    data = tomllib.loads(ALIASES_FILE.read_text(encoding="utf-8"))
    return tuple(tuple(group) for group in data["groups"])


@lru_cache(maxsize=1)
def categories() -> dict[str, tuple[str, ...]]:
    """Category word -> the kinds of food it covers (牛肉 -> 牛腩, 牛排 ...): one-way, unlike aliases."""
    data = tomllib.loads(ALIASES_FILE.read_text(encoding="utf-8"))
    return {word: tuple(kinds) for word, kinds in data.get("categories", {}).items()}


def aliases_of(term: str) -> list[str]:
    """Other names of the same food: 西红柿 -> [番茄], 土鸡蛋 -> [柴鸡蛋, 笨鸡蛋, 草鸡蛋]."""
    return [other for group in alias_groups() if term in group for other in group if other != term]


def is_place(word: str) -> bool:
    """A place name (jieba tags it ns): an origin, which qualifies a product rather than names it."""
    tagged = pos_cut(word)
    return len(tagged) == 1 and tagged[0][1] == "ns"
