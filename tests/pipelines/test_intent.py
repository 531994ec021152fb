"""Buying intent in residents' messages, from how WeChat group buying works."""

import pytest

from pipelines.intent import Intent, buying_intent, is_buying
from pipelines.zh import Quantity


@pytest.mark.parametrize(("text", "intent"), [
    ("+1", Intent("join", bare=True)), ("＋１", Intent("join", bare=True)), ("+1+1", Intent("join", bare=True)),
    ("扣1", Intent("join", bare=True)), ("扣个1", Intent("join", bare=True)), ("接龙", Intent("join", bare=True)),
    ("接龙了！", Intent("join", bare=True)), ("拼一个", Intent("join", bare=True)), ("拼团", Intent("join", bare=True)),
    ("橄榄油+1", Intent("join")),
    ("要两份", Intent("order", Quantity(2, "份"))), ("来一份", Intent("order", Quantity(1, "份"))),
    ("给我留一袋", Intent("order", Quantity(1, "袋"))), ("帮我订两箱鸡蛋", Intent("order", Quantity(2, "箱"))),
    ("3栋2单元501 两份", Intent("order", Quantity(2, "份"))), ("5号楼 2份", Intent("order", Quantity(2, "份"))),
    ("3-501 两份", Intent("order", Quantity(2, "份"))), ("12. 6栋 王姐 一箱", Intent("order", Quantity(1, "箱"))),
    ("2份", Intent("order", Quantity(2, "份"), bare=True)), ("一袋", Intent("order", Quantity(1, "袋"), bare=True)),
    ("两箱", Intent("order", Quantity(2, "箱"), bare=True)),
    ("已拍", Intent("order", bare=True)), ("下单了", Intent("order", bare=True)),
    ("想要", Intent("interest", bare=True)), ("我也要", Intent("interest", bare=True)),
    ("还有吗", Intent("interest", bare=True)), ("多少钱", Intent("ask", bare=True)), ("链接发一下", Intent("ask")),
])
def test_buying_intent(text: str, intent: Intent) -> None:
    assert buying_intent(text) == intent


@pytest.mark.parametrize("text", [
    "主播晚上好", "鸡蛋好嫩", "好吃", "2", "投2", "拼多多上更便宜", "一起来", "这个价格八十九元", "放一天会坏吗",
    "冷藏3天", "", "  ",
])
def test_no_buying_intent(text: str) -> None:
    assert buying_intent(text) is None and not is_buying(text)
