"""A message that asks about several things (手工酸菜多少钱一袋，做猪肉烩酸菜要多久; 可乐鸡翅和西红柿炒鸡蛋分别要做多久)
split into questions that each ask about one subject, so each is answered by its own source.

A clause that asks nothing (我家娃花生过敏) is context and stays with the question after it; a question
that names no product or dish (煮几分钟) is about the subject named before it and stays with that question,
whose answer reads all of its clauses with their context (要先解冻吗: the frozen pack's cooking time).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pipelines.catalog.vocabulary import modifiers
from pipelines.qa.attributes import CATALOG_ONLY, asked_attributes, asks_how_it_cooks, is_yes_no, recipe_part
from pipelines.qa.choices import choice_options
from pipelines.qa.message import asks
from pipelines.zh import pos_cut

_BREAK = re.compile(r"[，,。；;？?！!]+")
# 和/跟/与/还有 between two dish names, and 分别/各 asking of each: removed with the other dish.
_JOINERS = re.compile(r"^(和|跟|与|还有|以及|、)|(和|跟|与|还有|以及|、)$")
_EACH = re.compile(r"分别|各自|各")

_FOLLOW_UP = re.compile(r"(那|那么|还有)?(?P<thing>[\u4e00-\u9fff]{2,8}?)(的)?呢")  # 大米呢, 那花生米呢
_COUNTERS = frozenset(("份", "人", "个", "次", "话"))  # 一份, 几个人: how much, not of what
Namer = Callable[[str], list[tuple[str, bool]]]  # the subjects a text names: (product term or dish name, is a dish)


def question_units(question: str, subjects_of: Namer) -> list[str]:
    """The questions the message asks, each with its context and subject; [question] when it asks one thing."""
    clauses = [c for c in _BREAK.split(question) if c.strip()]
    units: list[str] = []
    context = ""
    for clause in clauses:
        if _asks(clause):
            units.append(context + clause)
            context = ""
        else:
            context += clause + "，"
    if context and units:
        units[-1] += "，" + context.rstrip("，")
    if len(units) < 2:
        return [question]
    own: list[str] = []
    subject, before = "", []
    for unit in units:
        named = [(n, dish) for n, dish in subjects_of(unit) if dish or n not in subject]  # 酸奶 after 酸奶意式奶冻
        products = [n for n, dish in before if not dish]
        if named:
            if products and all(dish for _, dish in named) and recipe_part(unit) in ("amount", "servings") and not _things(unit, named):
                unit = products[0] + unit  # 芝麻酱开盖后能放多久？拌凉面一份用多少: how much 芝麻酱 the dish takes
            subject, before = "和".join(n for n, _ in named), named
            own.append(unit)
        elif products and len(products) < len(before) and (_MADE.search(unit) or _WAIT_TO_EAT.search(unit)):  # 拿酸奶做…
            own.append(next(n for n, dish in before if dish) + unit)  # the dish made, not the pack
        elif products and len(products) < len(before) and _asks_the_pack(unit):  # 买了基围虾准备做白灼虾，…？
            own.append(products[0] + unit)  # 虾能放到明天吗: the pack's keeping, not the dish's
        elif products and len(products) == len(before) and _cooks_something_else(unit):
            own.append(unit)  # 土猪前腿肉能包饺子不？包饺子的面要醒多久: the dough is no part of the pack
        elif own:
            own[-1] += "，" + unit  # 手工水饺要先解冻吗，煮几分钟: one subject, its own answer reads both
        else:
            return [question]  # a question before anything is named: the message reads as one
    return own if len(own) > 1 else [question]


def with_follow_ups(question: str, subjects_of: Namer) -> str:
    """A clause that only names a thing and asks 呢 (土鸡蛋一盒多少钱，大米呢; 烤麸要泡多久，花生米呢) asks the clause
    before it of that thing: written out, so it is answered like any question."""
    clauses = [c for c in _BREAK.split(question) if c.strip()]
    if len(clauses) < 2 or not any(_FOLLOW_UP.fullmatch(c) for c in clauses[1:]):
        return question
    out = clauses[:1]
    for clause in clauses[1:]:
        follow = _FOLLOW_UP.fullmatch(clause)
        if follow and not _names_a_thing(follow.group("thing"), subjects_of):
            follow = None  # 猕猴桃还硬着呢: a state told, not another thing asked about
        asked = out[-1]
        replaced = _asked_thing(asked, subjects_of) if follow else ""
        out.append(_replace_last(asked, replaced, follow.group("thing")) if replaced else clause)
    return "，".join(out)


def _names_a_thing(thing: str, subjects_of: Namer) -> bool:
    """The words before 呢 name a thing: a product or dish, or nouns only (大米, 那个花生米)."""
    return bool(subjects_of(thing)) or all(flag.startswith(("n", "r", "m", "q")) for _, flag in pos_cut(thing))


def _asked_thing(clause: str, subjects_of: Namer) -> str:
    """What the clause asks about: its product, or the last thing named after its dish (四喜烤麸的烤麸: 烤麸)."""
    named = subjects_of(clause)
    products = [n for n, dish in named if not dish]
    if products:
        return products[-1]
    rest = clause
    for name, _ in named:
        rest = rest.replace(name, "　")
    nouns = [w for w, flag in pos_cut(rest) if flag.startswith("n") and len(w) > 1 and w not in _COUNTERS]
    return nouns[-1] if nouns else ""


def _replace_last(text: str, old: str, new: str) -> str:
    at = text.rfind(old)
    return text[:at] + new + text[at + len(old):]


def per_dish(question: str, dishes: list[str]) -> list[str]:
    """A question asking the same of several dishes (A和B分别要做多久): one question per dish."""
    if len(dishes) < 2 or recipe_part(question) == "any":
        return [question]
    out = []
    for dish in dishes:
        text = question
        for other in dishes:
            if other != dish:
                text = text.replace(other, "　")
        text = "".join(_JOINERS.sub("", p) for p in text.split("　"))
        out.append(_EACH.sub("", text))
    return out


def _things(unit: str, named: list[tuple[str, bool]]) -> list[str]:
    """What the unit asks about besides the subjects it names (自己做酸菜鱼要加多少水: 水)."""
    for name, _ in named:
        unit = unit.replace(name, " ")
    return [w for w, flag in pos_cut(unit) if flag.startswith("n") and len(w) > 0 and w not in _COUNTERS]


def _cooks_something_else(unit: str) -> bool:
    """A cooking question (a time, an amount, a temperature) about a thing of its own and no catalog fact:
    手工水饺要先解冻吗，煮几分钟 asks of the pack, 包饺子的面要醒多久 of a dough the pack never was."""
    return (recipe_part(unit) in ("time", "amount", "servings", "temperature", "count")
            and not [a for a in asked_attributes(unit) if a != "how_to_eat"]  # 煮白粥…放多少米: cooking, no pack fact
            and any(len(w) > 1 and w[-1] not in "前后时" and not _POT_MOVE.fullmatch(w)  # 下锅: a move, no thing
                    and not any(w in m and m in unit for m in modifiers())
                    for w in _things(unit, [])))  # 水开后再煮: a moment, no thing; 空气炸锅调几度: the pot (a modifier)


_POT_MOVE = re.compile(r"[下出起入回开揭进]锅")
# The dish made (做好了, 蒸完后) or a wait before it is eaten (冷藏几个钟头能吃): of a dish the message makes, not the pack.
_MADE = re.compile(r"(?<![是已])[做弄包煎炸煮蒸烤炖焖卤炒烧拌][好完](了|的|后|以后|之后)")
_WAIT_TO_EAT = re.compile(r"(多久|多长时间|几个?钟头|几个?小时)[^，。？?]{0,3}(能吃|再吃|才能吃|可以吃|就能吃)")


def _asks_the_pack(unit: str) -> bool:
    if asks_how_it_cooks(unit):
        return False  # 切多大块, 火候, 炒到什么样: the cooking, never the pack's size
    return any(a in CATALOG_ONLY or a == "storage" for a in asked_attributes(unit))


def _asks(clause: str) -> bool:
    """A clause with a question word asks; 我麸质过敏 (an attribute, no question) tells."""
    return asks(clause) or is_yes_no(clause) or bool(choice_options(clause) or _EITHER.search(clause))  # A还是B


# 是A还是B closing the clause (是直接切了生吃还是得煎熟), whatever the options' length.
_EITHER = re.compile(r"是[^，,。？?！!；;]{1,10}还是[^，,。？?！!；;]{1,8}$")
