"""The grounding check for drafts: pipelines.facts, scoped per product clause.

Sources are the catalog facts of the products a draft is about, plus numbers the structure
itself states (minutes, vote options) and the leader's own notes. A clause that names a product
is held to that product's facts; otherwise the sentence's named products, otherwise all the
draft's products.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipelines.catalog import Product, product_terms
from pipelines.drafts.facts import catalog_text, name_words
from pipelines.drafts.models import GroundingReport
from pipelines.facts import Problem, check_statement
from pipelines.zh import split_sentences
from pipelines.zh.units import TIMES

# Which plain catalog fact restates a sentence, by the kind of fact it got wrong.
_STORAGE_UNITS = TIMES | {"℃"}


@dataclass(frozen=True)
class Sources:
    products: list[Product]  # what the draft is about
    catalog: list[Product]  # the whole catalog: names that hold numerals, words that name products
    extra_numbers: frozenset[str] = frozenset()  # values the structure or the leader supplies
    evidence: tuple[str, ...] = ()  # other text a draft may quote: the demo's recipe


@dataclass(frozen=True)
class Offense:
    sentence: int  # index into split_sentences(text)
    raw: str
    aspect: str  # which plain fact fixes it: price | storage | arrival | allergens | claim
    skus: tuple[str, ...]  # products the sentence names (empty: none in particular)


@dataclass
class Check:
    checked: list[str] = field(default_factory=list)
    offenses: list[Offense] = field(default_factory=list)

    def report(self) -> GroundingReport:
        return GroundingReport(checked=list(self.checked), unsupported=[o.raw for o in self.offenses])


def aspect(problem: Problem) -> str:
    if problem.kind == "number":
        return "storage" if problem.unit in _STORAGE_UNITS else "price"
    return {"day": "arrival", "allergen": "allergens"}.get(problem.kind, "claim")


def _named(text: str, products: list[Product], terms: dict[str, list[str]]) -> list[Product]:
    return [p for p in products if any(t in text for t in terms[p.sku])]


def _clauses(sentence: str) -> list[str]:
    return [c for c in re.split(r"(?<=[，,；;：:])", sentence) if c]


def check_text(text: str, sources: Sources) -> Check:
    """Every fact in `text` checked against the catalog facts of the products each clause is about."""
    check, masks = Check(), name_words(sources.catalog)
    terms = product_terms(sources.catalog)
    for index, sentence in enumerate(split_sentences(text)):
        in_sentence = _named(sentence, sources.products, terms)
        skus = tuple(p.sku for p in in_sentence)  # a failing sentence is restated for all it names
        for clause in _clauses(sentence):
            about = _named(clause, sources.products, terms) or in_sentence or sources.products
            report = check_statement(clause, [*(catalog_text(p) for p in about), *sources.evidence], masked_words=masks,
                                     allowed_numbers=sources.extra_numbers)
            check.checked += report.checked
            check.offenses += [Offense(index, p.text, aspect(p), skus) for p in report.problems]
    return check


def check_grounding(text: str, sources: Sources) -> GroundingReport:
    return check_text(text, sources).report()
