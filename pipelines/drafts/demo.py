"""The cooking demo's key steps, cut from the recipe's own steps into 3-4 short spoken sentences.

Quantities (克数, 秒数, 份数) are left out: they belong to the recipe card, not the talk, and a
number on air must be a catalog fact.
"""

from __future__ import annotations

import re

from pipelines.catalog import Product, head_terms
from pipelines.drafts.models import RecipeRef
from pipelines.drafts.spoken import speakable
from pipelines.zh import find_numbers

# Steps where something happens in the pan or bowl (everyday cooking verbs), rather than washing up.
COOKING_VERBS = re.compile(r"热锅|下锅|倒入|放入|加入|翻炒|炒|煮|蒸|煎|炖|焯|拌|淋|盛|出锅|腌|烤|炸")
CONNECTORS = ("先", "再", "然后", "最后")
MAX_STEPS, MAX_STEP_CHARS, MAX_LISTED = 4, 24, 3


def clean_step(step: str) -> str:
    """The step without markup, asides and quantities, cut at a clause end."""
    step = re.sub(r"\s*`([^`]*)`\s*", r"\1", step)
    step = re.sub(r"[（(][^）)]*[）)]|^可选[:：]\s*|^注意[:：]\s*|[\"“”'‘’]", "", step)
    kept: list[str] = []
    for clause in re.split(r"[，,；;。！!]", speakable(step)):
        clause = shorten_list(clause.strip(" ，。"))
        if not clause or clause.startswith("或") or find_numbers(clause) or re.search(r"\d", clause):
            continue
        if kept and len("，".join([*kept, clause])) > MAX_STEP_CHARS:
            break
        kept.append(clause)
    return "，".join(kept)


def shorten_list(clause: str) -> str:
    """'加入干辣椒面、白芝麻、蒜末、小米椒、盐' -> '加入干辣椒面、白芝麻、蒜末这些': a list is not read out whole."""
    items = clause.split("、")
    if len(items) <= MAX_LISTED:
        return clause
    return "、".join(items[:MAX_LISTED]) + "这些"


def pick_steps(steps: list[str], products: tuple[Product, ...]) -> list[str]:
    """Up to four cooking steps: those that use the products first, then the earliest, in recipe order."""
    terms = [t for p in products for t in head_terms(p.name)]
    cooking = [s for s in steps if COOKING_VERBS.search(s)]
    using = [i for i, s in enumerate(cooking) if any(t in s for t in terms)]
    rest = [i for i in range(len(cooking)) if i not in using]
    return [cooking[i] for i in sorted((using + rest)[:MAX_STEPS])]


def demo_steps(recipe: RecipeRef, products: tuple[Product, ...]) -> list[str]:
    """'先…。再…。然后…。最后…。' from the recipe's steps; [] when it has none usable."""
    cleaned = [c for c in (clean_step(s) for s in recipe.steps) if len(c) >= 3]
    steps = pick_steps(list(dict.fromkeys(cleaned)), products)
    if len(steps) < 2:
        return []
    connectors = CONNECTORS[:len(steps) - 1] + (CONNECTORS[-1],)
    return [f"{word}{step.removeprefix(word)}。" for word, step in zip(connectors, steps)]
