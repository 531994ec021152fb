"""The product part of an entry -> items: `西红柿×2`, `牛腩1份 玉米2`, `鸡翅两份+饺子一袋`,
`花生酱、芝麻酱各一瓶`, `前腿肉半斤`. One left-to-right pass: at each position a catalog term, a
quantity, a separator or a character of an unknown word. Quantities are read by pipelines.zh."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipelines.orders.match import CatalogIndex
from pipelines.zh import parse_number
from pipelines.zh.units import DATE_PARTS, MEASURES, MONEY, TIMES, UNITS, WEIGHT

WORDS_FILE = Path(__file__).with_name("words.toml")
_NOT_ORDER_UNITS = {MONEY, "℃", "%", "折", "栋", "单元", "楼", "层", "室", "次", "种", "样", "步", "位", "人",
                    "家", "户", "单", "日", "月"}
_SEPARATORS = set(" \t+＋、，,；;/|&")


@lru_cache(maxsize=1)
def words() -> dict[str, tuple[str, ...]]:
    data = tomllib.loads(WORDS_FILE.read_text(encoding="utf-8"))
    return {key: tuple(value) for key, value in data.items()}


@lru_cache(maxsize=1)
def _quantity_re() -> re.Pattern[str]:
    """各? then ×3 / x2 / *2, or a number with an optional measure word: 2份 两袋 半斤 1.5kg 2."""
    order_units = [u for u, norm in UNITS.items()
                   if norm in WEIGHT or norm not in (_NOT_ORDER_UNITS | MEASURES | TIMES | DATE_PARTS)]
    units = "|".join(sorted({re.escape(u) for u in order_units}, key=len, reverse=True))
    return re.compile(
        rf"(?P<each>各)?\s{{0,2}}(?:(?P<times>[×xX*＊])\s{{0,2}}(?P<n1>\d{{1,4}}(?:\.\d{{1,2}})?)"
        rf"|(?P<n2>\d{{1,4}}(?:\.\d{{1,2}})?|[零一二两三四五六七八九十半]{{1,3}})\s{{0,2}}(?P<unit>{units})?(?P<half>半)?)")


@dataclass
class Token:
    kind: str  # product | qty | word
    text: str
    sku: str | None = None
    qty: float | None = None
    unit: str | None = None
    each: bool = False


@dataclass
class ParsedItem:
    sku: str
    written: str
    qty: float
    unit: str | None


@dataclass
class ItemsResult:
    items: list[ParsedItem]
    unknown: list[str]  # words that look like a product the catalog lacks
    cancel: bool  # a withdrawal word and no product


def _quantity_at(text: str, pos: int) -> Token | None:
    match = _quantity_re().match(text, pos)
    if not match or match.end() == pos:
        return None
    raw = match.group("n1") or match.group("n2")
    if raw is None or (not raw[0].isdigit() and not match.group("unit")):
        return None  # a Chinese numeral with no measure word is part of a word (五花肉, 一品)
    value = float(raw) if raw[0].isdigit() else (0.5 if raw == "半" else parse_number(raw))
    if value is None or value <= 0:
        return None
    value += 0.5 if match.group("half") else 0.0
    return Token("qty", match.group(), qty=value, unit=match.group("unit"), each=bool(match.group("each")))


def tokenize(text: str, index: CatalogIndex) -> list[Token]:
    tokens: list[Token] = []
    word_start, pos = None, 0
    while pos < len(text):
        found = index.term_at(text, pos)
        token = Token("product", found.written, sku=found.sku) if found else _quantity_at(text, pos)
        if token is None and text[pos] not in _SEPARATORS:
            word_start = pos if word_start is None else word_start
            pos += 1
            continue
        if word_start is not None:
            tokens.append(Token("word", text[word_start:pos]))
            word_start = None
        if token is not None:
            tokens.append(token)
            pos = found.end if found else pos + len(token.text)
        else:
            pos += 1
    if word_start is not None:
        tokens.append(Token("word", text[word_start:]))
    return tokens


def _resolve_words(tokens: list[Token], index: CatalogIndex) -> tuple[list[Token], list[str], bool]:
    """Unknown words become products (short forms), filler, a cancellation, or unknown products."""
    out, unknown, cancel = [], [], False
    for token in tokens:
        if token.kind != "word":
            out.append(token)
            continue
        word = token.text.strip("~～!！。.…-—_:：\"'“”")
        if any(word.startswith(c) or word.endswith(c) for c in words()["cancel"]):
            cancel = True
        elif not word or word in words()["filler"]:
            continue
        elif sku := index.short_form(word):
            out.append(Token("product", word, sku=sku))
        elif _is_food_word(word):
            unknown.append(word)
    return out, unknown, cancel


def _is_food_word(word: str) -> bool:
    """A run of Chinese characters that is not filler: worth reporting as a product we lack."""
    han = "".join(c for c in word if "\u3400" <= c <= "\u9fff")
    return len(han) >= 2 and han not in words()["filler"] and han == word


def _assemble(tokens: list[Token]) -> list[ParsedItem]:
    items: list[ParsedItem] = []
    open_items: list[int] = []  # items since the last quantity: 各 gives each of them the quantity
    pending: Token | None = None  # a quantity written before its product (两份鸡翅)
    for token in tokens:
        if token.kind == "product":
            qty, unit = (pending.qty, pending.unit) if pending else (None, None)
            items.append(ParsedItem(token.sku, token.text, qty, unit))
            open_items = [len(items) - 1] if pending else [*open_items, len(items) - 1]
            pending = None
        elif token.kind == "qty":
            targets = [i for i in open_items if items[i].qty is None]
            targets = targets if token.each else targets[-1:]
            for i in targets:
                items[i].qty, items[i].unit = token.qty, token.unit
            pending = None if targets else token
            open_items = [] if targets else open_items
    for item in items:
        item.qty = 1.0 if item.qty is None else item.qty  # no quantity written -> one
    return items


def parse_items(text: str, index: CatalogIndex) -> ItemsResult:
    tokens, unknown, cancel = _resolve_words(tokenize(text, index), index)
    items = _assemble(tokens)
    return ItemsResult(items, unknown, cancel and not items)


def starts_with_product(word: str, index: CatalogIndex) -> bool:
    """Whether a word opens with a product: a catalog term, or a short form right before its quantity
    (鸡翅两份). A bare short form is more likely a nickname (小米, 虾虾) than an order."""
    if index.term_at(word, 0):
        return True
    tokens = tokenize(word, index)
    return (len(tokens) >= 2 and tokens[0].kind == "word" and tokens[1].kind == "qty"
            and index.short_form(tokens[0].text) is not None)
