import pytest

from pipelines.zh.numbers import Quantity, find_numbers, parse_number, parse_quantity


@pytest.mark.parametrize(("text", "value"), [
    ("十五万", 150000), ("一百二", 120), ("两千零五", 2005), ("三点六", 3.6), ("九块九", 9.9), ("十六块八", 16.8),
    ("一块五", 1.5), ("五毛", 0.5), ("八毛五", 0.85), ("两块五", 2.5), ("2元5", 2.5), ("89.0", 89), ("1,000", 1000),
    ("1.5万", 15000), ("89元", 89), ("两斤半", 2.5), ("半斤", 0.5), ("一斤二两", 1.2), ("十五万元", 150000),
])
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "橄榄油", "一下", "周六", "89元一瓶"])
def test_parse_number_needs_one_whole_number(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(("text", "quantity"), [
    ("两份", Quantity(2, "份")), ("一箱", Quantity(1, "箱")), ("半斤", Quantity(0.5, "斤")), ("2袋", Quantity(2, "袋")),
    ("×3", Quantity(3)), ("x2", Quantity(2)), ("两斤半", Quantity(2.5, "斤")), ("三两", Quantity(3, "两")),
    ("1.5kg", Quantity(1.5, "公斤")), ("3千克", Quantity(3, "公斤")), ("30枚", Quantity(30, "枚")),
    ("一个半小时", Quantity(1.5, "小时")), ("五毛钱", Quantity(0.5, "元")), ("一块五毛钱", Quantity(1.5, "元")),
])
def test_parse_quantity(text: str, quantity: Quantity) -> None:
    assert parse_quantity(text) == quantity


@pytest.mark.parametrize("text", ["橄榄油", "两瓶橄榄油", "一起"])
def test_not_a_quantity(text: str) -> None:
    assert parse_quantity(text) is None


def mentions(text: str, masked: tuple[str, ...] = ()) -> list[tuple[str, float, str | None]]:
    return [(m.raw, m.value, m.unit) for m in find_numbers(text, masked)]


@pytest.mark.parametrize(("text", "expected"), [
    ("特级初榨橄榄油89元/瓶，750ml", [("89", 89, "元"), ("750", 750, "毫升")]),
    ("只要八十九块", [("八十九", 89, "元")]),
    ("十二块八一份", [("十二块八", 12.8, "元"), ("一", 1, "份")]),
    ("9块9包邮", [("9块9", 9.9, "元")]),
    ("一块五毛钱", [("一块五毛", 1.5, "元")]),
    ("三十六元一盒30枚", [("三十六", 36, "元"), ("一", 1, "盒"), ("30", 30, "枚")]),
    ("０-４℃冷藏，-18℃冷冻", [("0", 0, "℃"), ("4", 4, "℃"), ("-18", -18, "℃")]),
    ("2-6℃冷藏，开封后48小时内喝完", [("2", 2, "℃"), ("6", 6, "℃"), ("48", 48, "小时")]),
    ("零下18度", [("18", -18, "℃")]),
    ("酸度≤0.3%", [("0.3", 0.3, "%")]),
    ("保质期二十四个月", [("二十四", 24, "个月")]),
    ("冷藏3到5天", [("3", 3, "天"), ("5", 5, "天")]),
    ("每100ml含蛋白质3.6g", [("100", 100, "毫升"), ("3.6", 3.6, "克")]),
    ("1.5kg", [("1.5", 1.5, "公斤")]),
    ("5包装（每包煮2L）", [("5", 5, "包"), ("2", 2, "升")]),
    ("100g×6杯", [("100", 100, "克"), ("6", 6, "杯")]),
    ("两斤半", [("两斤半", 2.5, "斤")]),
    ("三两", [("三", 3, "两")]),
    ("打八折", [("八", 8, "折")]),
    ("12月8日之前", [("12", 12, "月"), ("8", 8, "日")]),
    ("煮十分钟", [("十", 10, "分钟")]),
    ("买两盒，放一天", [("两", 2, "盒"), ("一", 1, "天")]),
    ("3栋2单元501两份", [("3", 3, "栋"), ("2", 2, "单元"), ("501", 501, None), ("两", 2, "份")]),
    # numerals that state no number
    ("一起来看看，十分新鲜，第一次买，第3步", []),
    ("稍等一下，一点点就好", []),
    ("两人一起吃", [("两", 2, "人")]),  # 两 counts people; 一起 is a word
    ("本周五到货，每周二、五送，星期六休息", []),
    ("五花肉和三文鱼，千万别错过", []),
    ("编号WT-001，零添加", []),
])
def test_find_numbers(text: str, expected: list) -> None:
    assert mentions(text) == [(raw, pytest.approx(value), unit) for raw, value, unit in expected]


def test_masked_names_are_not_numbers() -> None:
    assert mentions("五常稻花香大米") == [("五", 5, None)]
    assert mentions("五常稻花香大米79元", ("五常稻花香大米",)) == [("79", 79, "元")]


def test_positions_point_at_the_number() -> None:
    text = "鸡蛋三十六元，橄榄油89元"
    assert [text[m.start:m.end] for m in find_numbers(text)] == ["三十六", "89"]
    assert [text[m.start:m.unit_end] for m in find_numbers(text)] == ["三十六元", "89元"]
