"""How many times a step is done (炸几遍, 冷水加几次): the recipe's sentences and section headings that count
repetitions of the asked action (重复此步骤两次, 第三次, 加三次水, 复炸出成品)."""

from __future__ import annotations

import re

from pipelines.qa.recipe_text import cooking_verbs, dish_name, join_parts, split_sentences, verb_family
from pipelines.retrieval import Hit

# How a recipe counts repetitions: a number of times (两次, 3 遍), 重复, the nth time (第三次), and the
# frying words for the first and second fry (初炸, 复炸, 再炸: how Chinese recipes name double frying).
_REPEATED = re.compile(r"[0-9一二两三四五六七八九十]+\s*[遍次回]|重复|再次|第[0-9一二三四五六七八九十]+[遍次回]|[初复再]炸")


def count_answer(chunks: list[Hit], question: str, title: str) -> str:
    """The sentences (and headings) counting repetitions of the action asked (at most three, recipe order);
    '' when none does."""
    rest = question.replace(dish_name(title), " ")
    family = {f for v in cooking_verbs(rest) for f in (verb_family(v) or (v,))}
    headings = [(c.meta.get("heading") or "").rpartition(" > ")[2] for c in chunks]
    said = list(dict.fromkeys(headings + split_sentences([x for c in chunks for x in c.body.splitlines()])))
    counted = [s for s in said if s and _REPEATED.search(s) and (not family or any(f in s for f in family))]
    return join_parts(counted[:3], 160)
