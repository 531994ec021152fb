"""How many times a step is done (炸几遍, 冷水加几次): the recipe's sentences and section headings that count
repetitions of the asked action (重复此步骤两次, 第三次, 加三次水, 复炸出成品)."""

from __future__ import annotations

import re

from pipelines.qa.recipe_text import (
    NOTE_HEADINGS,
    cooking_verbs,
    dish_name,
    join_parts,
    split_sentences,
    verb_family,
)
from pipelines.retrieval import Hit

# How a recipe counts repetitions: a number of times (两次, 3 遍), 重复, the nth time (第三次), and the
# frying words for the first and second fry (初炸, 复炸, 再炸: how Chinese recipes name double frying).
# The action right before 几次 (加几次, 点几次: 点水 is adding a splash of cold water to a boiling pot).
_COUNTED = re.compile(r"([\u4e00-\u9fff])(?:几|多少)\s*[遍次回]")
_ADDING = ("加", "点", "倒", "放", "兑")
_REPEATED = re.compile(r"[0-9一二两三四五六七八九十]+\s*[遍次回]|重复|再次|第[0-9一二三四五六七八九十]+[遍次回]|[初复再]炸")


def count_answer(chunks: list[Hit], question: str, title: str) -> str:
    """The sentences (and headings) counting repetitions of the action asked (at most three, recipe order);
    '' when none does."""
    rest = question.replace(dish_name(title), " ")
    counted_verb = (m.group(1) if (m := _COUNTED.search(rest)) else "")
    if counted_verb in _ADDING:
        family = set(_ADDING)  # 冷水点几次: adding, whatever else the message cooks (煮饺子)
    elif counted_verb and cooking_verbs(counted_verb) == [counted_verb]:
        family = set(verb_family(counted_verb) or (counted_verb,))  # 酸菜要冲几遍: 冲洗 2 ～ 3 遍
    else:
        family = {f for v in cooking_verbs(rest) for f in (verb_family(v) or (v,))}
    headings = [(c.meta.get("heading") or "").rpartition(" > ")[2] for c in chunks]
    said = list(dict.fromkeys(headings + split_sentences([x for c in chunks for x in c.body.splitlines()])))
    counted = [s for s in said if s and _REPEATED.search(s) and (not family or any(f in s for f in family))]
    pairs = {rest[i:i + 2] for i in range(len(rest) - 1)}
    actions = [v for v in cooking_verbs(rest) if len(v) == 1]  # 煮的时候: the 煮饺子 section
    shared = [sum(p in h for p in pairs) + sum(v in h for v in actions) for h in headings]
    best = {i for i, n in enumerate(shared) if n and n == max(shared)}
    kept = set(split_sentences([x for i, (c, h) in enumerate(zip(chunks, headings)) if i in best or _is_note(h)
                                for x in c.body.splitlines()])) | {headings[i] for i in best}
    counted = [s for s in counted if s in kept] or counted  # 煮饺子…加几次: that section's and the notes', not the dough's
    return join_parts(counted[:3], 160)


def _is_note(heading: str) -> bool:
    return any(h in heading for h in NOTE_HEADINGS)
