"""What a 接龙 becomes: orders with items, the lines that are not orders (and why), and totals."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class OrderItem:
    sku: str
    name: str  # the catalog name, for the pick list
    qty: float
    unit: str | None  # the measure word as written (份 袋 斤 ...); None for ×3, a bare digit or no quantity
    written: str  # the word the resident used (番茄, 饺子)
    selling_qty: float | None = None  # qty in the catalog's selling unit; None when it cannot be told
    flag: str | None = None  # a reason the leader should check this item


@dataclass
class Order:
    no: int
    name: str | None
    building: str | None
    room: str | None
    phone_masked: str | None
    items: list[OrderItem]
    note: str | None
    line: str  # the entry line as pasted, phone numbers masked


@dataclass(frozen=True)
class Unreadable:
    no: int | None  # the entry number, or None for a line that is not an entry
    text: str  # the line as pasted (trimmed), phone numbers masked
    why: str  # a short reason in Chinese for the leader


@dataclass
class SkuTotal:
    sku: str
    name: str
    qty: float  # in the catalog's selling unit
    unit: str  # the catalog's selling unit
    orders: int


@dataclass
class BuildingTotal:
    building: str  # grouping key for delivery: 8, 8栋 and 8号楼 are one building
    orders: int
    items: dict[str, float] = field(default_factory=dict)  # sku -> qty in selling units


@dataclass
class JielongResult:
    orders: list[Order]
    unreadable: list[Unreadable]
    totals: list[SkuTotal]
    buildings: list[BuildingTotal]
    lines: int  # non-blank lines read

    def totals_by_sku(self) -> dict[str, float]:
        return {t.sku: t.qty for t in self.totals}

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> JielongResult:
        """The inverse of to_dict (a stored parse, read back for an export)."""
        orders = [Order(**{**o, "items": [OrderItem(**i) for i in o["items"]]}) for o in data["orders"]]
        return cls(orders, [Unreadable(**u) for u in data["unreadable"]], [SkuTotal(**t) for t in data["totals"]],
                   [BuildingTotal(**b) for b in data["buildings"]], data["lines"])
