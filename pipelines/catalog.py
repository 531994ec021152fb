"""The product catalog: the one source of truth for prices, specs, dates and allergens.

Catalogs arrive as CSV (UTF-8 or GBK, any columns; `sku`/`id` is the id, `name`/`名称` the
title) or JSON (a list of objects, or {"products": [...]}). Every column is kept as a field.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.errors import InvalidInput
from pipelines.textio import decode_text

ID_KEYS = ("sku", "id", "SKU", "编号", "商品编号")
NAME_KEYS = ("name", "名称", "商品名称", "title")
# Canonical field names for the well-known columns, so code can ask for "price" whatever the header.
ALIASES = {
    "price": ("price_yuan", "price", "价格", "售价", "团购价"),
    "spec": ("spec", "规格"),
    "unit": ("unit", "单位"),
    "origin": ("origin", "产地"),
    "storage": ("storage", "储存", "保存方式", "储存方式"),
    "allergens": ("allergens", "过敏原"),
    "shelf_life": ("shelf_life", "保质期"),
    "selling_points": ("selling_points", "卖点"),
    "arrival": ("arrival", "到货", "到货时间"),
    "stock": ("stock", "库存"),
    "category": ("category", "分类", "品类"),
}
FIELD_LABELS = {
    "price": "价格", "spec": "规格", "unit": "单位", "origin": "产地", "storage": "储存",
    "allergens": "过敏原", "shelf_life": "保质期", "selling_points": "卖点", "arrival": "到货",
    "stock": "库存", "category": "品类",
}


@dataclass
class Product:
    sku: str
    name: str
    fields: dict[str, str] = field(default_factory=dict)  # every column, as given

    def get(self, key: str, default: str = "") -> str:
        """A field by canonical name (`price`, `allergens`, ...) or by its raw column name."""
        for column in ALIASES.get(key, (key,)):
            value = self.fields.get(column)
            if value not in (None, ""):
                return str(value).strip()
        return default

    @property
    def price(self) -> str:
        return self.get("price")

    @property
    def allergens(self) -> list[str]:
        raw = self.get("allergens")
        return [a.strip() for a in raw.replace("；", ";").replace("、", ";").split(";") if a.strip()]

    def describe(self) -> str:
        """The product as a plain Chinese fact sheet, for indexing and for extractive answers."""
        lines = [f"商品：{self.name}（编号 {self.sku}）"]
        price, unit = self.get("price"), self.get("unit")
        if price:
            lines.append(f"价格：{price}元" + (f"/{unit}" if unit else ""))
        for key in ("spec", "origin", "shelf_life", "storage", "selling_points", "arrival", "category"):
            if value := self.get(key):
                lines.append(f"{FIELD_LABELS[key]}：{value}")
        lines.append(f"过敏原：{'、'.join(self.allergens) if self.allergens else '无'}")
        return "\n".join(lines)


def _first(row: dict[str, str], keys: tuple[str, ...]) -> str:
    return next((str(row[k]).strip() for k in keys if row.get(k) not in (None, "")), "")


def _product(row: dict) -> Product | None:
    row = {str(k).strip(): ("" if v is None else str(v).strip()) for k, v in row.items() if k is not None}
    sku, name = _first(row, ID_KEYS), _first(row, NAME_KEYS)
    return Product(sku=sku, name=name, fields=row) if sku and name else None


def parse_catalog(data: bytes, filename: str = "catalog.csv") -> list[Product]:
    """Parse catalog bytes; rows without an id or a name are skipped."""
    text = decode_text(data, "商品表")
    if filename.lower().endswith(".json"):
        try:
            payload = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InvalidInput(f"catalog JSON is invalid: {exc.msg}") from exc
        rows = payload.get("products", []) if isinstance(payload, dict) else payload
        if not isinstance(rows, list):
            raise InvalidInput("catalog JSON must be a list of products")
    else:
        reader = csv.DictReader(io.StringIO(text))
        if not reader.fieldnames or not any(k in reader.fieldnames for k in ID_KEYS):
            raise InvalidInput("catalog CSV needs a header row with a `sku` or `id` column")
        rows = list(reader)
    return [p for p in (_product(r) for r in rows if isinstance(r, dict)) if p]


def load_catalog(path: Path) -> list[Product]:
    return parse_catalog(Path(path).read_bytes(), Path(path).name)


def looks_like_catalog(filename: str, data: bytes) -> bool:
    """A CSV/JSON upload whose header names an id and a name column is a catalog."""
    if not filename.lower().endswith((".csv", ".json")):
        return False
    try:
        return bool(parse_catalog(data, filename))
    except InvalidInput:
        return False
