"""Buying intent in a resident's message: joining the group order (+1, 接龙), ordering a quantity
(要两份, 3栋2单元 两份, 一袋), wanting it (想要, 还有吗) or asking how to buy (多少钱, 链接).

Highlights count buying comments as audience reaction; drafts group them for the next stream.
The vocabulary is data (intent.toml); quantities are read by pipelines.zh.numbers.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pipelines.zh import NumberMention, Quantity, find_numbers, normalize

VOCAB_FILE = Path(__file__).with_name("intent.toml")
IntentKind = Literal["join", "order", "interest", "ask"]
_TRAILING = re.compile(r"[了啦哈呀哦～~!！。.,，\s]+$")
_VOTE_LIKE = re.compile(r"^\d$")  # a bare digit answers a vote; it orders nothing
_DOOR = re.compile(r"\d+-\d+(?:-\d+)?")  # building-door as residents type it in a sign-up list: 3-501, 5-2-301


@dataclass(frozen=True)
class Intent:
    kind: IntentKind
    quantity: Quantity | None = None
    bare: bool = False  # the message is nothing but the signal (+1, 接龙, 两份)


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, tuple[str, ...]]:
    data = tomllib.loads(VOCAB_FILE.read_text(encoding="utf-8"))
    return {key: tuple(sorted(words, key=len, reverse=True)) for key, words in data.items()}


def _counted(text: str) -> list[NumberMention]:
    """Quantities of things (份, 袋, 箱 ...): not money, weights of a spec, days or addresses."""
    skip = {*vocabulary()["address_units"], "元", "天", "日", "月", "年", "小时", "分钟", "℃", "%", "折"}
    return [m for m in find_numbers(text) if m.unit and m.unit not in skip and "栋" not in m.unit]


def _order(text: str) -> Intent | None:
    counted = _counted(text)
    if counted:
        first = counted[0]
        before = text[:first.start]
        by_verb = any(before.endswith(v) for v in vocabulary()["order_verbs"])
        by_address = (any(m.unit in ("栋", "单元", "室") for m in find_numbers(before)) or before.strip() == ""
                      or bool(_DOOR.search(before)))
        if by_verb or by_address:
            bare = first.start == 0 and first.unit_end == len(text)
            return Intent("order", Quantity(first.value, first.unit), bare)
    if any(w in text for w in vocabulary()["order_words"]):
        return Intent("order", None, text in vocabulary()["order_words"])
    return None


def buying_intent(text: str) -> Intent | None:
    """The buying intent a message shows, strongest first (join, order, interest, ask), or None."""
    norm = _TRAILING.sub("", normalize(text))
    if not norm or _VOTE_LIKE.match(norm):
        return None
    if norm in vocabulary()["join"] or re.fullmatch(r"\+1+|(\+1)+", norm):
        return Intent("join", bare=True)
    if intent := _order(norm):
        return intent
    if any(w in norm for w in vocabulary()["join"] if len(w) > 1 and not w.isascii()) or "+1" in norm:
        return Intent("join")
    for kind in ("interest", "ask"):
        if any(w in norm for w in vocabulary()[kind]):
            return Intent(kind, bare=norm in vocabulary()[kind])
    return None


def is_buying(text: str) -> bool:
    return buying_intent(text) is not None
