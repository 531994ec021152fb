"""Which numbers and days a statement claims, and whether the evidence backs each one.

A number is backed by the same value in the same unit (after conversion: 1.5公斤 = 3斤 = 1500克,
2年 = 24个月): "18个月" needs 18个月 or 十八个月 in the evidence, not a bare 18 elsewhere. A
number written without a unit is backed by that value in any unit. A lone 一/两 before a count
(买两盒, 放一天) is phrasing, not a fact; before money, weights and the like (一斤, 两块) it is one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from pipelines.zh import DayMention, NumberMention, Quantity, find_days, find_numbers, parse_quantity
from pipelines.zh.units import MEASURES, TIMES, in_base_unit

DEICTIC_DAYS = ("今天", "今日", "今晚", "这周", "本周")  # the speaker's now: not a fact to source
_SMALL = ("一", "二", "两")
_THESE_DAYS = "这那前近过头"  # 这两天, 前两天: "a couple of days", not two
NumberValue = Quantity | float | int | str


@dataclass(frozen=True)
class Backing:
    """What the evidence states: numbers in base units, values the caller allows in any unit, days, text."""

    numbers: frozenset[tuple[float, str | None]]  # in base units: 1.5公斤 is (1500, 克)
    values: frozenset[float]  # as written, whatever the unit
    any_unit: frozenset[float]
    days: tuple[DayMention, ...]
    text: str


def is_number_claim(mention: NumberMention, text: str) -> bool:
    if mention.unit in MEASURES or mention.raw not in _SMALL:
        return True
    if mention.unit in TIMES and mention.raw != "一":
        before = text[mention.start - 1] if mention.start else ""
        return not before or before not in _THESE_DAYS
    return False


def number_claims(text: str, masked: Iterable[str] = ()) -> list[NumberMention]:
    return [m for m in find_numbers(text, masked) if is_number_claim(m, text)]


def day_claims(text: str) -> list[DayMention]:
    return [d for d in find_days(text) if d.relative not in DEICTIC_DAYS]


def _base(value: float, unit: str | None) -> tuple[float, str | None]:
    base, unit = in_base_unit(value, unit)
    return round(base, 4), unit


def read_backing(texts: Iterable[str], allowed: Iterable[NumberValue] = ()) -> Backing:
    """The evidence read once. `allowed` adds structured values: a Quantity backs its value in its
    unit (the catalog's price 89.0 as Quantity(89, "元")); a bare number backs its value in any unit."""
    texts = list(texts)
    given = [q for q in map(_as_quantity, allowed) if q is not None]
    stated = given + [q for t in texts for q in _quantities(t)]
    return Backing(frozenset(_base(q.value, q.unit) for q in stated), frozenset(round(q.value, 4) for q in stated),
                   frozenset(round(q.value, 4) for q in given if q.unit is None),
                   tuple(d for t in texts for d in find_days(t)), "\n".join(texts))


@lru_cache(maxsize=1024)
def _quantities(text: str) -> tuple[Quantity, ...]:
    """Every number in an evidence text (catalog facts are read again for every clause of a draft)."""
    return tuple(Quantity(m.value, m.unit) for m in find_numbers(text))


def _as_quantity(value: NumberValue) -> Quantity | None:
    if isinstance(value, Quantity):
        return value
    return Quantity(float(value)) if isinstance(value, int | float) else parse_quantity(str(value))


def number_is_backed(mention: NumberMention, backing: Backing) -> bool:
    value, unit = _base(mention.value, mention.unit)
    if unit is None:
        return round(mention.value, 4) in backing.values
    return (value, unit) in backing.numbers or round(mention.value, 4) in backing.any_unit


def day_is_backed(day: DayMention, backing: Backing) -> bool:
    if day.relative:
        return day.relative in backing.text
    return any(day.weekdays <= e.weekdays and (day.week == e.week or (day.week, e.week) == ("", "每"))
               for e in backing.days if not e.relative)
