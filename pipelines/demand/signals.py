"""One comment: is it buying (pipelines.intent, narrowed by demand.toml), which product does it
name, is it a question, and does it ask for something the catalog lacks."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

from pipelines.intent import Intent, buying_intent
from pipelines.orders.match import CatalogIndex
from pipelines.qa.message import clean_message
from pipelines.zh import normalize

VOCAB_FILE = Path(__file__).with_name("demand.toml")
BUYING_KINDS = ("join", "order", "interest")  # "ask" (多少钱, 链接) is a question, counted as one
_LEADING_WORD = re.compile(r"^[\u4e00-\u9fff]{1,6}?(?=要|来|留|\+|[0-9一两二三四五六七八九十])")
_TRAILING_WORD = re.compile(r"(?:[0-9一两二三四五六七八九十半]{1,3}[\u4e00-\u9fff])([\u4e00-\u9fff]{1,6})$")


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    data = tomllib.loads(VOCAB_FILE.read_text(encoding="utf-8"))
    data["request_res"] = [re.compile(p) for p in data["request_patterns"]]
    return data


def demand_intent(text: str) -> Intent | None:
    """Buying intent that commits to something: not a stock question, not cooking along."""
    intent = buying_intent(text)
    if intent is None or intent.kind not in BUYING_KINDS:
        return None
    norm = normalize(text)
    if intent.kind == "interest" and any(q in norm for q in vocabulary()["stock_questions"]):
        return None
    if any(f"要{verb}" in norm for verb in vocabulary()["cook_verbs"]) and intent.quantity is None:
        return None
    if intent.quantity and intent.quantity.unit in vocabulary()["eating_units"]:
        return None
    return intent


def named_product(text: str, index: CatalogIndex) -> str | None:
    """The SKU a comment names (牛腩+1, 鸡蛋要一盒, 虾要两份), or None; two products name none."""
    norm = normalize(text)
    found, pos = [], 0
    while pos < len(norm):
        match = index.term_at(norm, pos)
        if match:
            found.append(match.sku)
        pos = match.end if match else pos + 1
    if found:
        return found[0] if len(set(found)) == 1 else None
    words = [m.group(1) if m.groups() else m.group() for m in (_LEADING_WORD.match(norm), _TRAILING_WORD.search(norm))
             if m]  # 虾要两份, 给我留一份虾
    return next((sku for w in words if (sku := index.short_form(w))), None)


def is_question(text: str) -> bool:
    norm = normalize(clean_message(text)).rstrip("~～!！。.")
    vocab = vocabulary()
    return norm.endswith(tuple(vocab["question_endings"])) or any(w in norm for w in vocab["question_words"])


def requested_item(text: str, index: CatalogIndex) -> str | None:
    """A product asked for that the catalog lacks (有没有榴莲卖), or None (a catalog product, or no request)."""
    norm = normalize(text)
    for pattern in vocabulary()["request_res"]:
        match = pattern.search(norm)
        if not match:
            continue
        item = match.group("item").strip("的了呀啊吧点些")
        if len(item) < 2 or _not_a_product(item) or _names_catalog(item, index):
            return None
        return item
    return None


def _not_a_product(item: str) -> bool:
    return any(item == w or (len(w) > 1 and w in item) for w in vocabulary()["not_products"])


def _names_catalog(item: str, index: CatalogIndex) -> bool:
    return any(index.term_at(item, i) for i in range(len(item))) or index.short_form(item) is not None
