import pytest

from pipelines.zh.numerals import canonical, chinese_to_number, to_chinese


@pytest.mark.parametrize(("raw", "value"), [
    ("十", 10), ("十二", 12), ("十五", 15), ("二十五", 25), ("三十六", 36), ("八十九", 89), ("一百零五", 105),
    ("一百一", 110), ("一百二", 120), ("一百二十", 120), ("三百", 300), ("两千五", 2500), ("两千零五", 2005),
    ("一千零一", 1001), ("三万", 30000), ("三万五", 35000), ("三万五千", 35000), ("两万零五", 20005),
    ("一万零五百", 10500), ("十万", 100000), ("十五万", 150000), ("一亿二千万", 120_000_000),
    ("二零二五", 2025), ("五", 5), ("两", 2), ("三点六", 3.6), ("零点三", 0.3),
])
def test_chinese_to_number(raw: str, value: float) -> None:
    assert chinese_to_number(raw) == value


@pytest.mark.parametrize("raw", ["", "点", "一点", "三两", "橄榄", "十分新鲜"])
def test_not_numerals(raw: str) -> None:
    assert chinese_to_number(raw) is None


@pytest.mark.parametrize(("value", "spoken"), [
    (3, "三"), (10, "十"), (30, "三十"), (36, "三十六"), (105, "一百零五"), (120, "一百二十"), (0.3, "零点三"),
    (20000, "二万"), (150000, "十五万"), (10500, "一万零五百"), ("89.0", "八十九"), (-18, "负十八"),
])
def test_to_chinese(value: object, spoken: str) -> None:
    assert to_chinese(value) == spoken


@pytest.mark.parametrize("value", [5, 12, 89, 105, 120, 2005, 35000, 150000])
def test_round_trip(value: int) -> None:
    assert chinese_to_number(to_chinese(value)) == value


@pytest.mark.parametrize(("value", "expected"), [("89.0", "89"), (89, "89"), ("12.80", "12.8"), ("0.3", "0.3"),
                                                 (750, "750"), (1e5, "100000")])
def test_canonical(value: object, expected: str) -> None:
    assert canonical(value) == expected
