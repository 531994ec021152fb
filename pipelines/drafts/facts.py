"""Catalog facts for drafts: which products, which of their fields, stated plainly."""

from __future__ import annotations

from pipelines.catalog import Product, name_terms
from pipelines.drafts.models import Fact
from pipelines.errors import InvalidInput
from pipelines.zh import canonical

PRODUCT_FIELDS = ("price", "spec", "origin", "storage", "shelf_life", "allergens", "selling_points", "arrival")
# Fields whose text names a thing rather than states a quantity (五常, 古田): masked when reading numbers.
NAME_FIELDS = ("origin", "category")


def resolve_products(skus: list[str], catalog: list[Product]) -> list[Product]:
    """The catalog products for `skus`, in order; unknown SKUs -> InvalidInput naming them."""
    by_sku = {p.sku: p for p in catalog}
    unknown = [s for s in skus if s not in by_sku]
    if unknown:
        raise InvalidInput(f"这些商品编号不在商品目录里：{', '.join(unknown)}", code="unknown_sku")
    return [by_sku[s] for s in dict.fromkeys(skus)]


def price_text(product: Product) -> str:
    price, unit = product.get("price"), product.get("unit")
    if not price:
        return ""
    return f"{canonical(price)}元" + (f"/{unit}" if unit else "")


def field_value(product: Product, name: str) -> str:
    if name == "price":
        return price_text(product)
    if name == "allergens":
        return "、".join(product.allergens) or "无"
    return product.get(name)


def product_facts(product: Product, fields: tuple[str, ...] = PRODUCT_FIELDS) -> list[Fact]:
    return [Fact(product.sku, f, v) for f in fields if (v := field_value(product, f))]


def catalog_text(product: Product) -> str:
    """Every fact of a product in one string: what a draft about it may state."""
    return " ".join([product.name, *(field_value(product, f) for f in PRODUCT_FIELDS), product.get("stock")])


def name_words(catalog: list[Product]) -> list[str]:
    """Names and place names in the catalog, which may contain numerals that are no numbers."""
    words = [t for p in catalog for t in name_terms(p.name)] + [p.get(f) for p in catalog for f in NAME_FIELDS]
    return sorted({w for w in words if w}, key=len, reverse=True)
