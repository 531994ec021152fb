"""Quantities in the catalog's selling unit, and totals per SKU and per building.

A resident writes the unit they think in (2斤, 一箱, 3个); the leader buys in the catalog's unit.
Weights convert through the spec's single weight (带鱼 2斤 of a 1kg pack = 1 pack); a count word
the spec uses for the pieces inside a pack (馒头 10个 per bag) could mean pieces or packs, so it is
counted as packs and flagged for the leader instead of guessed.
"""

from __future__ import annotations

from pipelines.catalog import Product
from pipelines.orders.lines import building_key
from pipelines.orders.models import BuildingTotal, Order, OrderItem, SkuTotal
from pipelines.zh import find_numbers
from pipelines.zh.units import UNITS, WEIGHT

PORTION = "份"  # a portion is whatever the catalog sells as one


def spec_grams(product: Product) -> float | None:
    """The weight of one selling unit when the spec states exactly one weight (500g, 约1kg)."""
    weights = [m for m in find_numbers(product.get("spec")) if m.unit in WEIGHT]
    return weights[0].value * WEIGHT[weights[0].unit] if len(weights) == 1 else None


def _spec_count_words(product: Product) -> set[str]:
    """Count words the spec uses for pieces inside one selling unit: 10个, 约50只, 30枚装."""
    return {m.unit for m in find_numbers(product.get("spec")) if m.unit and m.unit not in WEIGHT}


def to_selling_unit(item: OrderItem, product: Product) -> tuple[float | None, str | None]:
    """(quantity in the catalog's selling unit, a flag for the leader or None)."""
    unit = UNITS.get(item.unit.lower(), item.unit) if item.unit else None
    selling = product.get("unit")
    if unit is None or unit in (PORTION, selling):
        return item.qty, None
    if unit in WEIGHT:
        grams = spec_grams(product)
        if grams:
            return round(item.qty * WEIGHT[unit] / grams, 6), None
        return None, f"按{item.unit}订，商品规格没有单一重量，无法换算成{selling or '份'}"
    if unit in _spec_count_words(product):
        return item.qty, f"{item.unit}可能指单个数，也可能指{selling or '份'}数，请核对"
    return item.qty, None


def convert_items(orders: list[Order], catalog: dict[str, Product]) -> None:
    for order in orders:
        for item in order.items:
            item.selling_qty, item.flag = to_selling_unit(item, catalog[item.sku])


def sku_totals(orders: list[Order], catalog: dict[str, Product]) -> list[SkuTotal]:
    totals: dict[str, SkuTotal] = {}
    for order in orders:
        for sku in dict.fromkeys(i.sku for i in order.items):
            product = catalog[sku]
            total = totals.setdefault(sku, SkuTotal(sku, product.name, 0.0, product.get("unit") or PORTION, 0))
            total.orders += 1
            total.qty = round(total.qty + sum(i.selling_qty or 0 for i in order.items if i.sku == sku), 6)
    return sorted(totals.values(), key=lambda t: t.sku)


def building_totals(orders: list[Order]) -> list[BuildingTotal]:
    groups: dict[str, BuildingTotal] = {}
    for order in orders:
        group = groups.setdefault(building_key(order.building), BuildingTotal(building_key(order.building), 0))
        group.orders += 1
        for item in order.items:
            group.items[item.sku] = round(group.items.get(item.sku, 0.0) + (item.selling_qty or 0), 6)
    return sorted(groups.values(), key=lambda g: _building_order(g.building))


def _building_order(key: str) -> tuple[int, int, str]:
    digits = "".join(c for c in key if c.isdigit())
    return (key == "未写楼号", int(digits) if digits else 10**6, key)
