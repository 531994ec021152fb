import pytest

from pipelines.zh.dates import find_days


@pytest.mark.parametrize(("text", "days"), [
    ("本周五到货", [({5}, "")]), ("周六", [({6}, "")]), ("星期天自提", [({7}, "")]), ("每周二、五", [({2, 5}, "每")]),
    ("下礼拜三", [({3}, "下")]), ("周一到周五", [({1}, ""), ({5}, "")]), ("周末见", [({6, 7}, "")]),
    ("一周一次", []), ("两周内", []), ("现货", []),
])
def test_weekdays(text: str, days: list) -> None:
    assert [(set(d.weekdays), d.week) for d in find_days(text) if not d.relative] == days


@pytest.mark.parametrize(("text", "relative"), [
    ("明天就到", ["明天"]), ("今天下单，后天到", ["今天", "后天"]), ("下周见", ["下周"]), ("月底前", ["月底"]),
    ("下周五到", []),  # a weekday, not the bare 下周
])
def test_relative_days(text: str, relative: list[str]) -> None:
    assert [d.relative for d in find_days(text) if d.relative] == relative
