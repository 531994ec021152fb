"""The hand-written 接龙 set (jielong/*.txt with expected parses, see jielong/FORMAT.md): the parse
rate, unreadable-line recall and totals, scored the way FORMAT.md's "Judging" section says."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from pipelines.catalog import Product, load_catalog
from pipelines.orders import JielongResult, parse_jielong
from tests.utils.paths import PRODUCTS_CSV, REPO

SET = Path(__file__).with_name("jielong")
CASES = sorted(p.name.removesuffix(".expected.json") for p in SET.glob("*.expected.json"))
CATALOGS = {"shared": PRODUCTS_CSV, "seed": REPO / "knowledge" / "seed" / "catalog.csv"}


@lru_cache(maxsize=2)
def catalog(name: str) -> tuple[Product, ...]:
    return tuple(load_catalog(CATALOGS[name]))


def run_case(case: str) -> tuple[dict, JielongResult]:
    expected = json.loads((SET / f"{case}.expected.json").read_text(encoding="utf-8"))
    text = (SET / f"{case}.txt").read_text(encoding="utf-8")
    return expected, parse_jielong(text, catalog(expected["catalog"]))


def order_key(order) -> tuple:
    items = sorted((i.sku, i.qty, i.unit) for i in order.items)
    return order.name, order.building, order.room, order.phone_masked, order.note, items


def expected_key(order: dict) -> tuple:
    items = sorted((i["sku"], i["qty"], i["unit"]) for i in order["items"])
    return order["name"], order["building"], order["room"], order["phone_masked"], order["note"], items


def exact_orders(expected: dict, result: JielongResult) -> int:
    """Expected orders parsed exactly; an order invented for an unreadable line cancels one."""
    got = {o.no: order_key(o) for o in result.orders}
    exact = sum(got.get(e["no"]) == expected_key(e) for e in expected["orders"])
    invented = len(set(got) - {e["no"] for e in expected["orders"]})
    return exact - invented


def test_the_set_has_enough_entries_and_non_orders() -> None:
    expected = [run_case(c)[0] for c in CASES]
    assert sum(len(e["orders"]) for e in expected) >= 40
    assert sum(1 for e in expected for u in e["unreadable"] if u["no"] is None) >= 10


def test_parse_rate_is_at_least_95_percent() -> None:
    results = [run_case(c) for c in CASES]
    exact = sum(exact_orders(e, r) for e, r in results)
    total = sum(len(e["orders"]) for e, _ in results)
    assert exact / total >= 0.95, f"{exact}/{total}"


@pytest.mark.parametrize("case", CASES)
def test_every_unreadable_line_is_reported(case: str) -> None:
    expected, result = run_case(case)
    reported = {(u.no, u.text) for u in result.unreadable}
    missing = [u for u in expected["unreadable"] if (u["no"], u["text"]) not in reported]
    assert missing == []
    assert all(u.why for u in result.unreadable)


@pytest.mark.parametrize("case", CASES)
def test_totals_per_sku(case: str) -> None:
    expected, result = run_case(case)
    got = result.totals_by_sku()
    assert set(got) == set(expected["totals"])
    assert all(got[sku] == pytest.approx(qty, abs=1e-6) for sku, qty in expected["totals"].items())


@pytest.mark.parametrize("case", CASES)
def test_no_line_is_dropped(case: str) -> None:
    """Every distinct non-blank line is an order's final line, an unreadable line, or a line an
    entry number written again replaced."""
    _, result = run_case(case)
    text = (SET / f"{case}.txt").read_text(encoding="utf-8")
    accounted = {o.line for o in result.orders} | {u.text for u in result.unreadable}
    replaced_numbers = {o.no for o in result.orders} | {u.no for u in result.unreadable if u.no}
    for line in {line.strip() for line in text.splitlines() if line.strip()}:
        number = line.split(".")[0].split("、")[0].split(" ")[0]
        assert line in accounted or (number.isdigit() and int(number) in replaced_numbers), line
