"""Parse catalogs: CSV (UTF-8 or GBK, any columns; `sku`/`id` is the id, `name`/`名称` the title)
or JSON (a list of objects, or {"products": [...]}). Every column is kept as a field."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from pipelines.catalog.models import Product
from pipelines.errors import InvalidInput
from pipelines.textio import decode_text

ID_KEYS = ("sku", "id", "SKU", "编号", "商品编号")
NAME_KEYS = ("name", "名称", "商品名称", "title")


def _first(row: dict[str, str], keys: tuple[str, ...]) -> str:
    return next((str(row[k]).strip() for k in keys if row.get(k) not in (None, "")), "")


# A SKU is the product's document id in the knowledge base: starts with a letter (any script) or digit,
# then those and . _ - /, never ':' (the separator of system ids such as rec:<recording>) nor '..', at most 64.
_SKU = re.compile(r"\w[\w.\-/]{0,63}")


def _product(row: dict) -> Product | None:
    row = {str(k).strip(): ("" if v is None else str(v).strip()) for k, v in row.items() if k is not None}
    sku, name = _first(row, ID_KEYS), _first(row, NAME_KEYS)
    if sku and (not _SKU.fullmatch(sku) or ".." in sku):
        raise InvalidInput(f"商品编号「{sku[:20]}」不合规：只能用字母、数字和 . _ - /，最长 64 个字符",
                           code="invalid_sku")
    return Product(sku=sku, name=name, fields=row) if sku and name else None


def parse_catalog(data: bytes, filename: str = "catalog.csv") -> list[Product]:
    """Parse catalog bytes; rows without an id or a name are skipped."""
    text = decode_text(data, "商品表")
    if filename.lower().endswith(".json"):
        try:
            payload = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InvalidInput(f"catalog JSON is invalid: {exc.msg}") from exc
        except RecursionError as exc:
            raise InvalidInput("catalog JSON is nested too deeply") from exc
        rows = payload.get("products", []) if isinstance(payload, dict) else payload
        if not isinstance(rows, list):
            raise InvalidInput("catalog JSON must be a list of products")
    else:
        reader = csv.DictReader(io.StringIO(text))
        if not reader.fieldnames or not any(k in reader.fieldnames for k in ID_KEYS):
            raise InvalidInput("catalog CSV needs a header row with a `sku` or `id` column")
        try:
            rows = list(reader)
        except csv.Error as exc:  # e.g. a field over the csv module's size limit
            raise InvalidInput(f"catalog CSV is unreadable: {exc}") from exc
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
