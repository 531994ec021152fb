from __future__ import annotations

import pytest

from pipelines.qa.grounding import chinese_number, numbers, unsupported_facts

SOURCE = "商品：特级初榨橄榄油\n价格：89.0元/瓶\n规格：750ml\n到货：本周五\n过敏原：无"


@pytest.mark.parametrize("text, value", [
    ("八十九", 89), ("十五", 15), ("两", 2), ("三百", 300), ("一百零五", 105), ("二十五", 25), ("十", 10),
])
def test_chinese_numbers(text, value):
    assert chinese_number(text) == value


@pytest.mark.parametrize("answer", [
    "橄榄油89元一瓶，本周五到～", "橄榄油八十九元一瓶", "89.0元/瓶，750ml", "一瓶89块，周五到货",
])
def test_supported_answers_pass(answer):
    assert unsupported_facts(answer, [SOURCE]) == []


@pytest.mark.parametrize("answer, bad", [
    ("橄榄油79元一瓶", "79"), ("橄榄油七十九元一瓶", "79"), ("周六到货", "周六"), ("明天就到", "明天"),
    ("不含花生，放心吃", "花生"), ("500ml一瓶", "500"), ("打八折", "8"),
])
def test_unsupported_facts_are_caught(answer, bad):
    assert bad in unsupported_facts(answer, [SOURCE])


def test_weekday_is_not_a_number():
    assert 6.0 not in numbers("周六到货") and 5.0 in numbers("5元")
