"""Script conversion, normalisation for comparison, and the clean-up of model output."""

import pytest

from pipelines.zh.llm_text import clean_llm_text, drop_unfinished, first_line, fit, split_sentences
from pipelines.zh.normalize import normalize
from pipelines.zh.script import to_simplified


@pytest.mark.parametrize(("text", "simplified"), [("我們準時開播", "我们准时开播"), ("土雞蛋", "土鸡蛋"), ("", "")])
def test_to_simplified(text: str, simplified: str) -> None:
    assert to_simplified(text) == simplified


@pytest.mark.parametrize(("a", "b"), [("橄欖油 ", "橄榄油"), ("＋１", "+1"), ("iPhone １５", "iphone15"), ("土　鸡蛋", "土鸡蛋")])
def test_normalize_makes_variants_equal(a: str, b: str) -> None:
    assert normalize(a) == normalize(b)


def test_split_keeps_punctuation() -> None:
    assert split_sentences("你好！鸡蛋36元。要吗？") == ["你好！", "鸡蛋36元。", "要吗？"]


@pytest.mark.parametrize(("raw", "clean"), [
    ("好的，以下是开场白：\n大家好！", "大家好！"),
    ("好的，橄榄油89元一瓶。", "橄榄油89元一瓶。"),
    ("**大家好**！今天卖鸡蛋。今天卖鸡蛋。", "大家好！今天卖鸡蛋。"),
    ("“大家好。”", "大家好。"),
    ("1. 鸡蛋36元。\n2. 橄榄油89元。", "鸡蛋36元。橄榄油89元。"),
    ("【橄榄油】89元一瓶[1]", "橄榄油：89元一瓶。"),
    ("回答：冷藏保存【来源：散养土鸡蛋】", "冷藏保存。"),
    ("标题：「橄榄油来了」", "橄榄油来了。"),
])
def test_clean_llm_text(raw: str, clean: str) -> None:
    assert clean_llm_text(raw) == clean


def test_first_line() -> None:
    assert first_line("\n  橄榄油来了\n解释：……") == "橄榄油来了"


@pytest.mark.parametrize(("text", "kept"), [
    ("橄榄油89元一瓶。适合凉拌和沙拉，不建议", "橄榄油89元一瓶。"),
    ("橄榄油89元一瓶。", "橄榄油89元一瓶。"),
    ("好的", "好的"),  # nothing finished to fall back to
])
def test_drop_unfinished(text: str, kept: str) -> None:
    assert drop_unfinished(text) == kept


@pytest.mark.parametrize("limit", [5, 8, 12, 20, 33])
def test_fit_never_cuts_inside_a_number(limit: int) -> None:
    text = "特级初榨橄榄油12345.67元一瓶，凉拌沙拉都好吃。鸡蛋36元一盒。"
    out = fit(text, limit)
    assert len(out) <= limit
    assert "".join(c for c in out if c.isdigit()) in ("", "1234567", "123456736")


@pytest.mark.parametrize(("text", "limit", "expected"), [
    ("鸡蛋36元一盒。橄榄油89元一瓶。", 12, "鸡蛋36元一盒。"),  # whole sentences first
    ("橄榄油89元一瓶，适合凉拌和沙拉，适合凉拌和沙拉", 20, "橄榄油89元一瓶，适合凉拌和沙拉。"),  # then clauses
    ("鸡蛋  36元", 20, "鸡蛋 36元"),
])
def test_fit(text: str, limit: int, expected: str) -> None:
    assert fit(text, limit) == expected


def test_traditional_zhe_becomes_simplified_but_zhu_words_stay() -> None:
    from pipelines.zh import to_simplified

    assert to_simplified("不著急，看著我，睡著了") == "不着急，看着我，睡着了"
    assert to_simplified("著名的显著变化，一本名著") == "著名的显著变化，一本名著"
