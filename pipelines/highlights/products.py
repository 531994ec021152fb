"""Find catalog products in spoken text: by full name, by distinctive parts of the name (jieba),
and by pinyin so an ASR homophone (沙让西红柿, 橄揽油) still counts."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from pipelines.catalog import Product
from pipelines.highlights.lexicon import ProductCues
from pipelines.zh import cut, cut_for_search, normalize, to_pinyin
from pipelines.zh.pinyin import count_pinyin

_BRACKETS = re.compile(r"[（(][^）)]*[）)]")
PINYIN_MIN_CHARS = 3  # two-syllable pinyin matches too many unrelated words


@dataclass(frozen=True)
class ProductTerm:
    sku: str
    term: str
    pinyin: tuple[str, ...]


def _tokens(name: str) -> list[str]:
    return [t for t in cut(name) if t.strip()]


def name_terms(name: str, cues: ProductCues) -> set[str]:
    """The full name plus every run of jieba tokens that holds a non-generic word."""
    core = normalize(_BRACKETS.sub("", name)) or normalize(name)
    tokens = _tokens(core)
    generic = set(cues.generic)
    terms = {normalize(name), core}
    for i in range(len(tokens)):
        for j in range(i + 1, len(tokens) + 1):
            span = tokens[i:j]
            text = "".join(span)
            if len(text) >= cues.min_term_chars and any(t not in generic and len(t) >= 2 for t in span):
                terms.add(text)
    terms.update(t for t in cut_for_search(core) if len(t) >= cues.min_term_chars and t not in generic)
    return terms


class ProductMatcher:
    """Counts mentions of each SKU; a name part shared by two products identifies neither."""

    def __init__(self, catalog: list[Product], cues: ProductCues) -> None:
        self.products = {p.sku: p for p in catalog}
        owners: dict[str, set[str]] = {}
        for product in catalog:
            for term in name_terms(product.name, cues):
                owners.setdefault(term, set()).add(product.sku)
        self.terms = [ProductTerm(next(iter(skus)), term, to_pinyin(term))
                      for term, skus in sorted(owners.items(), key=lambda kv: -len(kv[0])) if len(skus) == 1]

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
