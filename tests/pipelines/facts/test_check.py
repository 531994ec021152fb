"""The one fact check, on a product fact sheet and on recipe and FAQ text."""

import pytest

from pipelines.facts import Quantity, check_statement

OLIVE_OIL = "商品：特级初榨橄榄油（编号 WT-001）\n价格：89.0元/瓶\n规格：750ml\n保质期：24个月\n" \
            "储存：阴凉避光处密封保存，开封后3个月内用完\n卖点：冷压初榨，酸度≤0.3%，适合凉拌和沙拉，不建议高温爆炒\n" \
            "到货：本周五\n过敏原：无"
MILK = "商品：低温鲜牛奶\n价格：16.8元/瓶\n规格：950ml\n保质期：冷藏7天\n储存：2-6℃冷藏，开封后48小时内喝完\n" \
       "卖点：每100ml含蛋白质3.6g\n到货：每周二、五\n过敏原：乳制品"
TOMATO = "商品：沙瓤西红柿\n价格：12.8元/份\n规格：2.5kg\n储存：常温避光保存，不要冷藏以免影响口感\n到货：本周五"


def problems(text: str, evidence: str, **kwargs) -> list[tuple[str, str]]:
    return [(p.kind, p.text) for p in check_statement(text, [evidence], **kwargs).problems]


@pytest.mark.parametrize("answer", [
    "橄榄油89元一瓶，本周五到～", "橄榄油八十九元一瓶", "89.0元/瓶，750ml", "一瓶89块，周五到货", "一瓶0.75升，八十九块",
    "保质期二十四个月，开封后三个月内用完", "保质期两年", "不建议高温爆炒，适合凉拌", "酸度不超过0.3%",
    "这款没有过敏原", "今天下单，周五到", "买两瓶更划算", "放一天没问题吗？不会的",
])
def test_olive_oil_answers_that_hold(answer: str) -> None:
    assert problems(answer, OLIVE_OIL) == []


@pytest.mark.parametrize(("answer", "expected"), [
    ("橄榄油79元一瓶", [("number", "79")]),
    ("橄榄油七十九元一瓶", [("number", "七十九")]),
    ("500ml一瓶", [("number", "500")]),
    ("保质期18个月", [("number", "18")]),
    ("保质期24天", [("number", "24")]),  # 24 is there, but in months
    ("打八折", [("number", "八")]),
    ("周六到货", [("day", "周六")]),
    ("下周五到货", [("day", "下周五")]),
    ("明天就到", [("day", "明天")]),
    ("不含花生，放心吃", [("negation", "不含花生"), ("allergen", "花生")]),
    ("可以高温爆炒", [("polarity", "可以高温爆炒")]),
    ("开封后不用冷藏", [("negation", "不用冷藏")]),
])
def test_olive_oil_answers_that_do_not(answer: str, expected: list[tuple[str, str]]) -> None:
    assert problems(answer, OLIVE_OIL) == expected


@pytest.mark.parametrize(("answer", "evidence", "expected"), [
    ("每周二和周五到", MILK, []),
    ("周五到", MILK, []),  # every Friday covers this Friday
    ("每周三到", MILK, [("day", "每周三")]),
    ("2到6度冷藏，开封后两天内喝完", MILK, [("number", "两")]),
    ("开封后48小时内喝完，每100毫升含3.6克蛋白质", MILK, []),
    ("含乳制品，对牛奶过敏的邻居别喝", MILK, []),
    ("十六块八一瓶", MILK, []),
    ("十六块五一瓶", MILK, [("number", "十六块五")]),
    ("西红柿不要放冰箱冷藏", TOMATO, []),
    ("西红柿可以冷藏保存", TOMATO, [("polarity", "可以冷藏保存")]),
    ("西红柿五斤一份", TOMATO, []),  # 2.5kg
    ("西红柿三斤一份", TOMATO, [("number", "三")]),
])
def test_units_days_and_polarity(answer: str, evidence: str, expected: list[tuple[str, str]]) -> None:
    assert problems(answer, evidence) == expected


@pytest.mark.parametrize(("allowed", "expected"), [
    ((), [("number", "89")]),
    ((Quantity(89, "元"),), []),  # a structured catalog value
    ((Quantity(89, "个"),), [("number", "89")]),
    ((89,), []),  # a bare number is allowed in any unit
    (("89",), []),
])
def test_callers_pass_structured_values(allowed: tuple, expected: list) -> None:
    assert problems("只要89元", "价格：89.0", allowed_numbers=allowed) == expected


def test_a_bare_number_in_the_evidence_does_not_back_a_unit() -> None:
    assert problems("保质期18个月", "编号18") == [("number", "18")]
    assert problems("十八", "保质期18个月") == []  # a bare number is backed by the value in any unit


def test_masked_words_are_not_numbers() -> None:
    assert problems("五常稻花香大米今天到", "大米") == [("number", "五")]
    assert problems("五常稻花香大米今天到", "大米", masked_words=["五常稻花香大米"]) == []


def test_checked_lists_what_was_read() -> None:
    report = check_statement("橄榄油89元，周五到，不含花生", [OLIVE_OIL])
    assert report.checked == ["89", "周五", "花生", "不含花生"]
    assert report.unsupported == ["不含花生", "花生"] and not report.ok


@pytest.mark.parametrize("text", ["大家好，欢迎来到直播间", "不用担心，不要错过哦", "第一次买的邻居十分欢迎", "一起来看看"])
def test_patter_states_no_fact(text: str) -> None:
    report = check_statement(text, [OLIVE_OIL])
    assert report.ok and report.checked == []


@pytest.mark.parametrize(("answer", "expected"), [
    ("含鸡蛋白，对鸡蛋过敏别吃", []),  # 鸡蛋白 stands for the catalog's 鸡蛋; 鸡蛋 inside it is read once
    ("含麸质", [("allergen", "麸质")]),
    ("含蛋黄", []),
])
def test_allergens_by_their_catalog_names(answer: str, expected: list) -> None:
    assert problems(answer, "过敏原：鸡蛋") == expected
