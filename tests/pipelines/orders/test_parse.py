"""Entries one at a time: quantity words, aliases, addresses, masking, size and time limits, exports."""

from __future__ import annotations

import time

import pytest

from pipelines.catalog import load_catalog
from pipelines.errors import TooLarge
from pipelines.orders import MAX_CHARS, orders_csv, parse_jielong, pick_list_html
from tests.utils.paths import PRODUCTS_CSV

CATALOG = load_catalog(PRODUCTS_CSV)


def one(line: str):
    result = parse_jielong(line, CATALOG)
    assert len(result.orders) == 1, result.unreadable
    return result.orders[0]


@pytest.mark.parametrize(("line", "qty", "unit"), [
    ("1. 王 3栋 牛腩两份", 2, "份"),
    ("1. 王 3栋 黄桃罐头一箱", 1, "箱"),
    ("1. 王 3栋 菠菜半斤", 0.5, "斤"),
    ("1. 王 3栋 水饺2袋", 2, "袋"),
    ("1. 王 3栋 西红柿×3", 3, None),
    ("1. 王 3栋 西红柿x2", 2, None),
    ("1. 王 3栋 西红柿X2", 2, None),
    ("1. 王 3栋 西红柿*4", 4, None),
    ("1. 王 3栋 玉米 3", 3, None),
    ("1. 王 3栋 菠菜两斤半", 2.5, "斤"),
    ("1. 王 3栋 肋排", 1, None),
    ("1. 王 3栋 要两份鸡翅中", 2, "份"),
])
def test_quantity_words(line: str, qty: float, unit: str | None) -> None:
    item = one(line).items[0]
    assert (item.qty, item.unit) == (qty, unit)


@pytest.mark.parametrize(("written", "sku"), [
    ("西红柿", "WT-005"), ("番茄", "WT-005"), ("鸡翅中", "WT-022"), ("鸡中翅", "WT-022"), ("翅中", "WT-022"),
    ("排骨", "WT-013"), ("饺子", "WT-021"), ("水饺", "WT-021"), ("鲜奶", "WT-011"), ("土鸡蛋", "WT-003"),
])
def test_aliases_name_the_same_product(written: str, sku: str) -> None:
    assert [i.sku for i in one(f"1. 王 3栋 {written}1份").items] == [sku]


def test_each_gives_every_product_the_quantity() -> None:
    items = one("7、Coco 7栋 菠菜、玉米各2份").items
    assert [(i.sku, i.qty, i.unit) for i in items] == [("WT-019", 2, "份"), ("WT-014", 2, "份")]


@pytest.mark.parametrize(("line", "building", "room"), [
    ("1. 王 9栋1203 菠菜", "9栋", "1203"),
    ("1. 王 9栋 1203 菠菜", "9栋", "1203"),
    ("1. 王 7号楼3单元402 菠菜", "7号楼", "3单元402"),
    ("1. 王 二期9幢 菠菜", "二期9幢", None),
    ("1. 王 8-1203 菠菜", "8", "1203"),
    ("1. 王 8-3-1203 菠菜", "8", "3-1203"),
    ("1. 王 菠菜", None, None),
])
def test_building_and_room_as_written(line: str, building: str | None, room: str | None) -> None:
    order = one(line)
    assert (order.building, order.room, order.name) == (building, room, "王")


@pytest.mark.parametrize("phone", ["13912345678", "139 1234 5678", "139-1234-5678", "１３９１２３４５６７８"])
def test_phone_numbers_are_masked_in_every_output(phone: str) -> None:
    text = f"#接龙\n1. 王 {phone} 3栋 菠菜2份\n2. 李 {phone}\n联系 {phone}\n"
    result = parse_jielong(text, CATALOG)
    assert result.orders[0].phone_masked == "139****5678"
    assert [(i.qty, i.unit) for i in result.orders[0].items] == [(2, "份")]  # never a quantity or a room
    assert result.orders[0].room is None
    outputs = [str(result.to_dict()), orders_csv(result), pick_list_html(result)]
    digits = phone.replace(" ", "").replace("-", "")
    assert all(digits not in out and "12345678" not in out and "1234 5678" not in out for out in outputs)


def test_last_line_for_a_number_wins_and_cancel_is_reported() -> None:
    text = "1. 王 3栋 菠菜1份\n2. 李 5栋 玉米1份\n1. 王 3栋 菠菜3份\n2. 李 取消"
    result = parse_jielong(text, CATALOG)
    assert [(o.no, o.items[0].qty) for o in result.orders] == [(1, 3)]
    assert [(u.no, u.text) for u in result.unreadable] == [(2, "2. 李 取消")]


def test_unknown_products_are_reported_never_dropped() -> None:
    result = parse_jielong("1. 王 3栋 榴莲一个\n2. 李 5栋 菠菜1份 山竹2斤", CATALOG)
    assert [o.no for o in result.orders] == [2]
    assert {u.no for u in result.unreadable} == {1, 2}
    assert all("不在目录" in u.why for u in result.unreadable)


def test_totals_convert_weights_to_the_selling_unit() -> None:
    result = parse_jielong("1. 王 3栋 基围虾2斤\n2. 李 5栋 牛腩1斤\n3. 张 5栋 牛腩半斤", CATALOG)
    assert result.totals_by_sku() == {"WT-016": 2, "WT-006": 0.75}  # 500 g and 1 kg packs
    assert {b.building: b.orders for b in result.buildings} == {"3栋": 1, "5栋": 2}


def test_size_is_capped() -> None:
    with pytest.raises(TooLarge):
        parse_jielong("1. 王 3栋 菠菜1份\n" * (MAX_CHARS // 10), CATALOG)


@pytest.mark.parametrize("hostile", ["1" * 150_000, "(" * 150_000, "1. " + "栋" * 100_000, "x" + "1-" * 70_000])
def test_parsing_is_linear_on_hostile_input(hostile: str) -> None:
    start = time.perf_counter()
    result = parse_jielong(hostile, CATALOG)
    assert time.perf_counter() - start < 5
    assert result.unreadable  # reported, not dropped


def test_pick_list_prints_on_a4_and_csv_has_every_item() -> None:
    result = parse_jielong("#接龙\n1. 王 3栋 菠菜1份（放门口）\n2. 李 5栋 玉米2 牛腩1份\n在吗？", CATALOG)
    html = pick_list_html(result)
    assert "size: A4" in html and "有机菠菜" in html and "放门口" in html and "在吗？" in html
    rows = orders_csv(result).lstrip("\ufeff").strip().splitlines()
    assert len(rows) == 1 + 3
