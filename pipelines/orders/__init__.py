"""Orders from a pasted WeChat 接龙: parsing against the catalog, totals, CSV and a printable pick list."""

from pipelines.orders.export import orders_csv, pick_list_html
from pipelines.orders.models import BuildingTotal, JielongResult, Order, OrderItem, SkuTotal, Unreadable
from pipelines.orders.parse import MAX_CHARS, parse_jielong

__all__ = ["MAX_CHARS", "BuildingTotal", "JielongResult", "Order", "OrderItem", "SkuTotal", "Unreadable",
           "orders_csv", "parse_jielong", "pick_list_html"]
