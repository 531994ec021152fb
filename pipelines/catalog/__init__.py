"""The product catalog: products and their fields, parsing, and the terms that name a product."""

from pipelines.catalog.models import FIELD_COLUMNS, FIELD_LABELS, Product
from pipelines.catalog.parse import ID_KEYS, NAME_KEYS, load_catalog, looks_like_catalog, parse_catalog
from pipelines.catalog.terms import head_terms, name_terms, product_terms

__all__ = ["FIELD_COLUMNS", "FIELD_LABELS", "ID_KEYS", "NAME_KEYS", "Product", "head_terms", "load_catalog",
           "looks_like_catalog", "name_terms", "parse_catalog", "product_terms"]
