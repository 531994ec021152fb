"""Words in an entry -> catalog SKUs: the catalog's own terms first (names, sub-terms, aliases from
pipelines.catalog), then the short forms residents type for a product the catalog names in full.

Short forms follow from Chinese product names being head-final compounds (terms.py): a resident
drops modifiers and origins and keeps part of the name (带鱼 for 舟山带鱼段, 麻酱 for 老北京芝麻酱),
or only the kind of thing with a different qualifier (东北大米 for 东北珍珠米: 米; 橙子 for 赣南脐橙:
橙, after the noun suffix 子). Each short form must point at exactly one product, else it names none.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pipelines.catalog import Product, head_terms, product_terms
from pipelines.catalog.terms import split_name

NOUN_SUFFIX = "子"  # 橙子, 桔子, 李子: the suffix adds no meaning to the food word
MAX_SHORT_FORM = 6  # longer unknown runs are phrases, not a product's short name


@dataclass(frozen=True)
class Match:
    sku: str
    start: int
    end: int
    written: str


class CatalogIndex:
    """The catalog's terms by first character, for a longest-match scan in one pass over a line."""

    def __init__(self, products: Iterable[Product]) -> None:
        self.products = {p.sku: p for p in products}
        self._by_first: dict[str, list[tuple[str, str]]] = {}
        for sku, terms in product_terms(self.products.values()).items():
            for term in terms:
                self._by_first.setdefault(term[:1], []).append((term, sku))
        for entries in self._by_first.values():
            entries.sort(key=lambda e: -len(e[0]))
        self._cores = {sku: split_name(p.name)[0] for sku, p in self.products.items()}
        self._heads = _head_chars(self.products.values())

    def term_at(self, text: str, pos: int) -> Match | None:
        """The longest catalog term starting at `pos`."""
        for term, sku in self._by_first.get(text[pos:pos + 1], ()):
            if text.startswith(term, pos):
                return Match(sku, pos, pos + len(term), term)
        return None

    def terms(self) -> list[tuple[str, str]]:
        """Every (term, sku), longest first."""
        return sorted((e for entries in self._by_first.values() for e in entries), key=lambda e: -len(e[0]))

    def short_form(self, word: str) -> str | None:
        """The one SKU a resident's short word names, or None (unknown or ambiguous)."""
        if not word or len(word) > MAX_SHORT_FORM:
            return None
        if len(word) >= 2 and (sku := _only(s for s, core in self._cores.items() if word in core)):
            return sku
        stem = word[:-1] if len(word) >= 2 and word.endswith(NOUN_SUFFIX) else word
        if stem != word and (sku := _only(s for s, core in self._cores.items() if stem in core)):
            return sku
        return _only(s for s, head in self._heads.items() if head == stem[-1])

    def name_of(self, sku: str) -> str:
        return self.products[sku].name


def _head_chars(products: Iterable[Product]) -> dict[str, str]:
    """sku -> the last character of what the product is (酸梅汤原料包 -> 汤: 原料包 only packs it)."""
    heads = {}
    for product in products:
        terms = head_terms(product.name) or [split_name(product.name)[0]]
        head = min(terms, key=len) if terms else ""
        if head:
            heads[product.sku] = head[-1]
    return heads


def _only(skus: Iterable[str]) -> str | None:
    found = set(skus)
    return found.pop() if len(found) == 1 else None
