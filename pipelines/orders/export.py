"""A parsed 接龙 as a spreadsheet (CSV, opens in Excel/WPS) and as a printable A4 pick list (HTML).

Both are built from the parse result, which already carries masked phone numbers only.
"""

from __future__ import annotations

import csv
import io
from html import escape

from pipelines.orders.lines import building_key
from pipelines.orders.models import JielongResult, Order
from pipelines.zh import canonical

CSV_HEADER = ["接龙号", "姓名", "楼号", "房号", "电话", "商品编号", "商品", "数量", "单位", "折合", "备注", "提醒"]


def orders_csv(result: JielongResult) -> str:
    """One row per item; UTF-8 with BOM so Excel on Windows reads the Chinese."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    for order in result.orders:
        for item in order.items:
            writer.writerow([order.no, order.name or "", order.building or "", order.room or "",
                             order.phone_masked or "", item.sku, item.name, canonical(item.qty), item.unit or "",
                             "" if item.selling_qty is None else canonical(item.selling_qty), order.note or "",
                             item.flag or ""])
    return "\ufeff" + out.getvalue()


_STYLE = """
@page { size: A4; margin: 12mm; }
body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; font-size: 11pt; color: #000; }
h1 { font-size: 16pt; margin: 0 0 4mm; } h2 { font-size: 13pt; margin: 6mm 0 2mm; break-after: avoid; }
table { width: 100%; border-collapse: collapse; margin-bottom: 4mm; }
th, td { border: 1px solid #444; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
th { background: #eee; } td.n { text-align: right; white-space: nowrap; } td.box { width: 8mm; }
tr { break-inside: avoid; } section.building { break-inside: avoid; }
.warn { color: #a00; } .muted { color: #555; font-size: 9pt; }
"""


def _qty(value: float | None) -> str:
    return "?" if value is None else canonical(value)


def _sku_table(result: JielongResult) -> str:
    rows = "".join(f"<tr><td class=box>□</td><td>{escape(t.name)}</td><td class=muted>{escape(t.sku)}</td>"
                   f"<td class=n>{_qty(t.qty)} {escape(t.unit)}</td><td class=n>{t.orders}</td></tr>"
                   for t in result.totals)
    return ("<h2>备货总数</h2><table><tr><th></th><th>商品</th><th>编号</th><th>数量</th><th>单数</th></tr>"
            f"{rows}</table>")


def _order_row(order: Order) -> str:
    items = "、".join(f"{escape(i.name)} {_qty(i.qty)}{escape(i.unit or '份')}"
                     + (f" <span class=warn>（{escape(i.flag)}）</span>" if i.flag else "") for i in order.items)
    phone = f"<br><span class=muted>{escape(order.phone_masked)}</span>" if order.phone_masked else ""
    return (f"<tr><td class=box>□</td><td class=n>{order.no}</td><td>{escape(order.name or '')}{phone}</td>"
            f"<td>{escape(order.room or '')}</td><td>{items}</td><td>{escape(order.note or '')}</td></tr>")


def _building_sections(result: JielongResult) -> str:
    parts = []
    for group in result.buildings:
        orders = [o for o in result.orders if building_key(o.building) == group.building]
        rows = "".join(_order_row(o) for o in orders)
        parts.append(f"<section class=building><h2>{escape(group.building)}（{group.orders} 单）</h2><table>"
                     "<tr><th></th><th>号</th><th>姓名</th><th>房号</th><th>商品</th><th>备注</th></tr>"
                     f"{rows}</table></section>")
    return "".join(parts)


def _unreadable(result: JielongResult) -> str:
    if not result.unreadable:
        return ""
    rows = "".join(f"<tr><td class=n>{u.no or ''}</td><td>{escape(u.text)}</td><td>{escape(u.why)}</td></tr>"
                   for u in result.unreadable)
    return f"<h2>没有计入的行（请核对）</h2><table><tr><th>号</th><th>原文</th><th>原因</th></tr>{rows}</table>"


def pick_list_html(result: JielongResult, title: str = "接龙分拣单") -> str:
    """A self-contained page that prints on A4: stock totals, then orders by building, then the
    lines that were not counted, so nothing is missed when packing."""
    return (f"<!doctype html><html lang=zh-CN><head><meta charset=utf-8><title>{escape(title)}</title>"
            f"<style>{_STYLE}</style></head><body><h1>{escape(title)}</h1>"
            f"<p class=muted>共 {len(result.orders)} 单，{len(result.unreadable)} 行没有计入</p>"
            f"{_sku_table(result)}{_building_sections(result)}{_unreadable(result)}</body></html>")
