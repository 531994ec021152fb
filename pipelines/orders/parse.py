"""A pasted WeChat 接龙 -> orders, the lines that are not orders (each with why), and totals.

Every non-blank line ends up either in an order or in `unreadable`; nothing is dropped silently.
An entry number written again replaces the earlier line (the chain was edited or pasted twice);
identical non-entry lines (a header pasted twice) are reported once. Phone numbers are masked
before anything else reads the text, so no output can carry one.
"""

from __future__ import annotations

from collections.abc import Iterable

from pipelines.catalog import Product
from pipelines.errors import TooLarge
from pipelines.orders.classify import why_not_an_order
from pipelines.orders.items import parse_items, starts_with_product
from pipelines.orders.lines import entry_number, mask_phones, take_address, take_note, take_phone
from pipelines.orders.match import CatalogIndex
from pipelines.orders.models import JielongResult, Order, OrderItem, Unreadable
from pipelines.orders.totals import building_totals, convert_items, sku_totals
from pipelines.zh.normalize import to_half_width_digits

MAX_CHARS = 200_000  # a 2,000-entry chain is about 60,000 characters
MAX_LINE_CHARS = 300


def parse_jielong(text: str, catalog: Iterable[Product]) -> JielongResult:
    """Read a pasted 接龙 against the catalog (see tests/pipelines/orders/jielong/FORMAT.md)."""
    if len(text) > MAX_CHARS:
        raise TooLarge(f"接龙太长：最多 {MAX_CHARS} 个字，请分几次粘贴")
    index = CatalogIndex(catalog)
    lines = [mask_phones(line).strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    latest: dict[int, str] = {}
    for line in lines:
        no, _ = entry_number(line)
        if no is not None and len(line) <= MAX_LINE_CHARS:
            latest[no] = line  # the last line for a number wins
    orders, unreadable = _read_entries(latest, index)
    unreadable = _non_entries(lines, latest, index) + unreadable
    unreadable.sort(key=lambda u: _position(lines, u))
    convert_items(orders, index.products)
    return JielongResult(orders, unreadable, sku_totals(orders, index.products), building_totals(orders), len(lines))


def _position(lines: list[str], item: Unreadable) -> int:
    """Paste order: a non-entry where it first appears, an entry where its final version is."""
    return lines.index(item.text) if item.no is None else len(lines) - 1 - lines[::-1].index(item.text)


def _read_entries(latest: dict[int, str], index: CatalogIndex) -> tuple[list[Order], list[Unreadable]]:
    orders, unreadable = [], []
    for no in sorted(latest):
        order, problem = read_entry(no, latest[no], index)
        if order:
            orders.append(order)
        if problem:
            unreadable.append(Unreadable(no, latest[no], problem))
    return orders, unreadable


def _non_entries(lines: list[str], latest: dict[int, str], index: CatalogIndex) -> list[Unreadable]:
    seen, out = set(), []
    for line in lines:
        no, _ = entry_number(line)
        if no is not None and len(line) <= MAX_LINE_CHARS or line in seen:
            continue
        seen.add(line)
        out.append(Unreadable(None, line, why_not_an_order(line, index, too_long=len(line) > MAX_LINE_CHARS)))
    return out


def read_entry(no: int, line: str, index: CatalogIndex) -> tuple[Order | None, str | None]:
    """One entry line -> (the order or None, why the leader should look at the line or None)."""
    _, body = entry_number(to_half_width_digits(line))
    note, body = take_note(body)
    phone, body = take_phone(body)
    address, body = take_address(body)
    name, rest = _split_name(body, index)
    parsed = parse_items(rest, index)
    if parsed.cancel:
        return None, f"取消：第{no}条作废"
    if not parsed.items:
        return None, f"商品不在目录：{'、'.join(parsed.unknown)}" if parsed.unknown else "没有读到商品"
    items = [OrderItem(i.sku, index.name_of(i.sku), i.qty, i.unit, i.written) for i in parsed.items]
    order = Order(no, name, address.building, address.room, phone, items, note, line)
    return order, (f"商品不在目录：{'、'.join(parsed.unknown)}（其余已计入）" if parsed.unknown else None)


def _split_name(body: str, index: CatalogIndex) -> tuple[str | None, str]:
    """The resident's name is the first word, unless that word already names a product."""
    body = body.strip()
    head, _, rest = body.partition(" ")
    if not head:
        return None, ""
    if starts_with_product(head, index):
        return None, body
    return head.rstrip("：:，,"), rest
