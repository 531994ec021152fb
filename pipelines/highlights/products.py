"""Find catalog products in spoken text: by full name, by the terms that identify a product
(pipelines.catalog.terms), and by pinyin so an ASR homophone (沙让西红柿, 橄揽油) still counts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from pipelines.catalog import Product, product_terms
from pipelines.zh import normalize, to_pinyin
from pipelines.zh.pinyin import count_pinyin

PINYIN_MIN_CHARS = 3  # two-syllable pinyin matches too many unrelated words


@dataclass(frozen=True)
class ProductTerm:
    sku: str
    term: str
    pinyin: tuple[str, ...]


class ProductMatcher:
    """Counts mentions of each SKU; a name part shared by two products identifies neither."""

    def __init__(self, catalog: list[Product]) -> None:
        self.products = {p.sku: p for p in catalog}
        terms = {(sku, normalize(t)) for sku, ts in product_terms(catalog).items() for t in ts}
        self.terms = [ProductTerm(sku, term, to_pinyin(term)) for sku, term in sorted(terms, key=lambda st: (-len(st[1]), st))]

    def find(self, text: str, *, fuzzy: bool = True) -> Counter[str]:
        """SKU -> mentions in `text` (the best-matching term of each product counts)."""
        norm = normalize(text)
        pinyin = to_pinyin(norm) if fuzzy else ()
        counts: Counter[str] = Counter()
        for term in self.terms:
            hits = norm.count(term.term)
            if not hits and fuzzy and len(term.term) >= PINYIN_MIN_CHARS:
                hits = count_pinyin(pinyin, term.pinyin)
            counts[term.sku] = max(counts[term.sku], hits)
        return +counts

    def name(self, sku: str) -> str:
        return self.products[sku].name
