"""pipelines/adlaw.py (kept with the drafts tests, its only caller so far)."""

import pytest

from pipelines.adlaw import check_adlaw, clean_adlaw, load_lexicon, rewrite_adlaw


@pytest.mark.parametrize(("text", "terms"), [
    ("这是最好的橄榄油", ["最好"]),
    ("销量第一，品质顶级", ["第一", "顶级"]),
    ("国家级认证，100%纯天然", ["国家级", "100%", "纯天然"]),
    ("全网最低价，绝对划算", ["全网最低价", "绝对"]),
    ("万能调料，NO.1好货", ["万能", "NO.1"]),
    ("吃了能降血压，还能防癌抗癌", ["降血压", "防癌", "抗癌"]),
    ("增强免疫力，帮助减肥", ["增强免疫力", "减肥"]),
    ("能治疗失眠", ["治疗"]),
    # no claim: ordinals, advice, processing terms
    ("第一次买的邻居，第一步先洗干净", []),
    ("开封后最好三天内吃完，最好冷藏", []),
    ("巴氏杀菌，保留更多活性蛋白", []),
    ("最低温度不要低于零度", []),
    ("邻居们都说好吃", []),
])
def test_flags_terms(text: str, terms: list[str]) -> None:
    assert [f.term for f in check_adlaw(text)] == terms


def test_flags_carry_positions_reason_and_suggestion() -> None:
    text = "这是最好的橄榄油，能治疗高血压。"
    best, cure = check_adlaw(text)
    assert (best.start, best.end, text[best.start:best.end]) == (2, 4, "最好")
    assert (cure.start, cure.end, text[cure.start:cure.end]) == (10, 12, "治疗")
    assert best.category == "absolute" and best.suggestion == "很好" and "广告法" in best.reason
    assert cure.category == "medical" and cure.suggestion


@pytest.mark.parametrize(("text", "expected"), [
    ("这是最好的橄榄油，能治疗高血压。", "这是很好的橄榄油。"),
    ("吃了能降血压，还能减肥。鸡蛋很新鲜。", "鸡蛋很新鲜。"),
    ("全网最低价！销量第一。", "优惠价！销量数一数二。"),
    ("收货当天食用最佳", "收货当天食用口感更好"),
    ("第一次买的邻居别错过", "第一次买的邻居别错过"),
])
def test_clean_rewrites_and_keeps_flags(text: str, expected: str) -> None:
    cleaned, flags = clean_adlaw(text)
    assert cleaned == expected
    assert check_adlaw(cleaned) == []
    assert all(text[f.start:f.end] == f.term for f in flags)


def test_no_suggestion_is_itself_banned() -> None:
    for category in load_lexicon():
        for suggestion in category.suggestions.values():
            assert check_adlaw(suggestion) == [], suggestion


def test_rewrite_without_flags_is_identity() -> None:
    assert rewrite_adlaw("鸡蛋很新鲜。", []) == "鸡蛋很新鲜。"
