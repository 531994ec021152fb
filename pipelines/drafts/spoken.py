"""Catalog fields said the way a leader says them: a hook, a way to eat it, a price, an arrival day.

Every phrase is cut from the product's own fields; nothing here adds a fact.
"""

from __future__ import annotations

import re

from pipelines.catalog import Product
from pipelines.drafts.moves import uses_by_tag
from pipelines.zh import canonical

# Clauses of the selling points that say how to eat or use the product, not what it is.
USE_CLAUSE = re.compile(r"适合|可以|可帮|用来|做成|直接|切片|煮|炒|拌|蒸|煎|炖|泡|冲|蘸|涮|烤|即可")
# Symbols a leader reads out as words.
SPOKEN_SYMBOLS = {"≤": "不超过", "≥": "不低于", "＜": "不到", "<": "不到", "＞": "超过", ">": "超过", "～": "到", "~": "到"}
# Where the maker rather than a place is the origin (本小区李奶奶手工, 本地烘焙坊).
MAKER_WORDS = ("手工", "阿姨", "奶奶", "师傅", "大姐", "农场", "烘焙坊", "乳品厂")
MAX_POINT_CHARS = 32


def speakable(text: str) -> str:
    text = re.sub(r"(?<![\d.])-(?=\d)", "零下", text)  # -18℃ is said 零下18℃
    for symbol, word in SPOKEN_SYMBOLS.items():
        text = text.replace(symbol, word)
    return text


def clauses(text: str) -> list[str]:
    return [c.strip() for c in re.split(r"[，,；;。]", text) if c.strip()]


def hook_point(product: Product) -> str:
    """What makes it different, from its selling points (the clauses that are not about use)."""
    points = [c for c in clauses(product.get("selling_points")) if not USE_CLAUSE.search(c)]
    kept: list[str] = []
    for point in points:
        if len("，".join([*kept, point])) > MAX_POINT_CHARS and kept:
            break
        kept.append(point)
    return speakable("，".join(kept))


def use_clause(product: Product) -> str:
    """The selling points' own words on use ('适合凉拌和沙拉，不建议高温爆炒'), if any."""
    return "，".join(speakable(c) for c in clauses(product.get("selling_points")) if USE_CLAUSE.search(c))


def tag_uses(product: Product) -> str:
    """How to eat or use it at home, in the everyday phrasings of its tags ('' when none applies)."""
    uses = uses_by_tag()
    found = [uses[t.strip()] for t in product.get("tags").replace("；", ";").split(";") if t.strip() in uses]
    return "、".join(dict.fromkeys(found[:2]))


def use_phrase(product: Product) -> str:
    """How to eat or use it: the tags' phrasings, else the selling points' own words."""
    return tag_uses(product) or use_clause(product) or "买回去自己家里用"


def is_made_by_someone(product: Product) -> bool:
    return any(w in product.get("origin") for w in MAKER_WORDS)


def price_slots(product: Product) -> dict[str, str]:
    """price / unit / spec / arrival slots for the price moves ('' for a field the catalog lacks)."""
    price = product.get("price")
    return {"name": product.name, "price": canonical(price) if price else "", "unit": product.get("unit") or "份",
            "spec": product.get("spec") or product.get("unit") or "一份", "arrival": arrival_phrase(product)}


def arrival_phrase(product: Product) -> str:
    arrival = product.get("arrival")
    if not arrival:
        return "到货时间我在群里通知"
    return "现货，下单就能拿" if arrival == "现货" else f"{arrival}到货"


def storage_phrase(product: Product) -> str:
    storage = product.get("storage")
    return speakable(storage.rstrip("。")) if storage else "按包装上的说明保存"
