"""The grounding check: every price, number and date in a draft must come from its sources.

Sources are the catalog facts of the products a draft is about, plus numbers the structure
itself states (minutes, vote options) and the leader's own notes. A sentence that names a
product must use that product's numbers. `repair` replaces each failing sentence with the
catalog fact stated plainly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipelines.catalog import Product
from pipelines.drafts.facts import catalog_text, name_words, plain_fact, product_terms
from pipelines.drafts.models import GroundingReport, Replacement
from pipelines.drafts.numbers import number_mentions, numbers_in, weekday_mentions, word_spans
from pipelines.drafts.text import split_sentences

_STORAGE_UNITS = ("天", "个月", "月", "年", "℃", "度", "小时", "分钟")


@dataclass(frozen=True)
class Sources:
    products: list[Product]  # what the draft is about
    catalog: list[Product]  # the whole catalog: names that hold numerals, words that name products
    extra_numbers: frozenset[str] = frozenset()  # canonical values the structure or the leader supplies


@dataclass(frozen=True)
class Offense:
    sentence: int  # index into split_sentences(text)
    raw: str
    aspect: str  # which plain fact fixes it: price | storage | arrival
    skus: tuple[str, ...]  # products the sentence names (empty: none in particular)


@dataclass
class Check:
    checked: list[str] = field(default_factory=list)
    offenses: list[Offense] = field(default_factory=list)

    def report(self) -> GroundingReport:
        return GroundingReport(checked=list(self.checked), unsupported=[o.raw for o in self.offenses])


def _weekdays(products: list[Product]) -> set[int]:
    return {d for p in products for days, _, _ in weekday_mentions(p.get("arrival")) for d in days}


def _named(sentence: str, sources: Sources) -> list[Product]:
    terms = product_terms(sources.products, sources.catalog)
    return [p for p in sources.products if any(t in sentence for t in terms[p.sku])]


def _aspect(sentence: str, end: int) -> str:
    return "storage" if sentence[end:end + 2].startswith(_STORAGE_UNITS) else "price"


def _clauses(sentence: str) -> list[str]:
    return [c for c in re.split(r"(?<=[，,；;：:])", sentence) if c]


def check_text(text: str, sources: Sources) -> Check:
    """Read every number and weekday in `text` and note those the sources do not support.

    A clause that names a product is held to that product's facts; otherwise the sentence's
    named products, otherwise all the draft's products.
    """
    check, masks = Check(), name_words(sources.catalog)
    for index, sentence in enumerate(split_sentences(text)):
        in_sentence = _named(sentence, sources)
        skus = tuple(p.sku for p in in_sentence)  # a failing sentence is restated for all it names
        for clause in _clauses(sentence):
            about = _named(clause, sources) or in_sentence or sources.products
            for raw, aspect in _unsupported(clause, about, sources, masks, check.checked):
                check.offenses.append(Offense(index, raw, aspect, skus))
    return check


def _unsupported(clause: str, about: list[Product], sources: Sources, masks: list[str],
                 checked: list[str]) -> list[tuple[str, str]]:
    allowed = set(sources.extra_numbers).union(*(numbers_in(catalog_text(p)) for p in about))
    found: list[tuple[str, str]] = []
    for mention in number_mentions(clause, word_spans(clause, masks)):
        checked.append(mention.raw)
        if mention.value not in allowed:
            found.append((mention.raw, _aspect(clause, mention.end)))
    days = _weekdays(about)
    for weekdays, start, end in weekday_mentions(clause):
        checked.append(clause[start:end])
        if not weekdays <= days:
            found.append((clause[start:end], "arrival"))
    return found


def check_grounding(text: str, sources: Sources) -> GroundingReport:
    return check_text(text, sources).report()


def _replacement(offenses: list[Offense], sources: Sources) -> str:
    by_sku = {p.sku: p for p in sources.products}
    skus = offenses[0].skus or ((sources.products[0].sku,) if len(sources.products) == 1 else ())
    aspects = dict.fromkeys(o.aspect for o in offenses)
    return "".join(plain_fact(by_sku[s], a) for s in skus for a in aspects)


def repair(text: str, sources: Sources) -> tuple[str, list[Replacement]]:
    """Replace each sentence that fails the check with the catalog fact (or drop it)."""
    check = check_text(text, sources)
    sentences = split_sentences(text)
    replaced: list[Replacement] = []
    for index in sorted({o.sentence for o in check.offenses}):
        offenses = [o for o in check.offenses if o.sentence == index]
        new = _replacement(offenses, sources)
        if new and any(new in s for s in sentences):
            new = ""  # the fact is stated already
        reason = "、".join(o.raw for o in offenses) + " 不在商品目录里"
        replaced.append(Replacement(sentences[index].strip(), new, reason))
        sentences[index] = new
    return "".join(sentences).strip(), replaced
