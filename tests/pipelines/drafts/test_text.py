import pytest

from pipelines.drafts.text import clean_model_text, split_sentences, trim_text


def test_split_keeps_punctuation() -> None:
    assert split_sentences("你好！鸡蛋36元。要吗？") == ["你好！", "鸡蛋36元。", "要吗？"]


@pytest.mark.parametrize(("raw", "clean"), [
    ("好的，以下是开场白：\n大家好！", "大家好！"),
    ("**大家好**！今天卖鸡蛋。今天卖鸡蛋。", "大家好！今天卖鸡蛋。"),
    ("“大家好。”", "大家好。"),
    ("1. 鸡蛋36元。\n2. 橄榄油89元。", "鸡蛋36元。橄榄油89元。"),
])
def test_clean_model_text(raw: str, clean: str) -> None:
    assert clean_model_text(raw) == clean


@pytest.mark.parametrize("limit", [5, 8, 12, 20, 33])
def test_trim_never_cuts_inside_a_number(limit: int) -> None:
    text = "特级初榨橄榄油12345.67元一瓶，凉拌沙拉都好吃。鸡蛋36元一盒。"
    out = trim_text(text, limit)
    assert len(out) <= limit
    digits = "".join(c for c in out if c.isdigit())
    assert digits in ("", "1234567", "123456736")


def test_trim_prefers_whole_sentences() -> None:
    assert trim_text("鸡蛋36元一盒。橄榄油89元一瓶。", 12) == "鸡蛋36元一盒。"
