import pytest

from pipelines.drafts.numbers import canonical, chinese_to_number, number_mentions, weekday_mentions


@pytest.mark.parametrize(("raw", "value"), [
    ("十", 10), ("十二", 12), ("三十六", 36), ("八十九", 89), ("一百二", 120), ("一百零五", 105),
    ("两千五", 2500), ("二零二五", 2025), ("三万", 30000), ("五", 5),
])
def test_chinese_numerals(raw: str, value: int) -> None:
    assert chinese_to_number(raw) == value


@pytest.mark.parametrize(("value", "expected"), [("89.0", "89"), (89, "89"), ("12.80", "12.8"), ("0.3", "0.3"), ("750", "750")])
def test_canonical(value: object, expected: str) -> None:
    assert canonical(value) == expected


@pytest.mark.parametrize(("text", "values"), [
    ("特级初榨橄榄油89元/瓶，750ml", ["89", "750"]),
    ("只要八十九块", ["89"]),
    ("十二块八一份", ["12.8"]),
    ("9块9包邮", ["9.9"]),
    ("两块五", ["2.5"]),
    ("三十六元一盒30枚", ["36", "30"]),
    ("０-４℃冷藏，-18℃冷冻", ["0", "4", "18"]),
    ("酸度≤0.3%", ["0.3"]),
    ("保质期二十四个月", ["24"]),
    ("一斤", ["1"]),
    # words that only look like numbers
    ("一起来看看，十分新鲜，第一次买，第3步", []),
    ("买两盒，放一天", []),
    ("五花肉和三文鱼，五常大米", []),
    ("编号WT-001", []),
    ("本周五到货，每周二、五送", []),
])
def test_number_mentions(text: str, values: list[str]) -> None:
    assert [m.value for m in number_mentions(text)] == values


def test_mention_positions_point_at_the_number() -> None:
    text = "鸡蛋三十六元，橄榄油89元"
    assert [text[m.start:m.end] for m in number_mentions(text)] == ["三十六", "89"]


@pytest.mark.parametrize(("text", "days"), [
    ("本周五到货", [{5}]), ("周六", [{6}]), ("星期天自提", [{7}]), ("每周二、五", [{2, 5}]), ("下礼拜三", [{3}]), ("现货", []),
])
def test_weekdays(text: str, days: list[set[int]]) -> None:
    assert [set(d) for d, _, _ in weekday_mentions(text)] == days
