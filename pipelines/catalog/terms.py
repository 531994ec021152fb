"""Product name -> the terms that name it, derived once for every feature.

Chinese product names are head-final compounds (modifiers + the thing): 特级|初榨|橄榄油,
五常|稻花香|大米. jieba splits a name into words; single characters it leaves loose are glued to
their neighbour (a modifier binds to the word after it: 土+鸡蛋; a run of loose characters is one
unknown word: 谷饲). Every run of consecutive units of at least two characters is a term:
橄榄油, 初榨, 土鸡蛋, 五常稻花香, 西红柿.

`name_terms` serves the transcriber's glossary (every part a leader may say). `product_terms`
serves finding products in text: modifiers alone (特级初榨, 散养) are dropped, dictionary words at
the end of a unit join (鲜牛奶 -> 牛奶), everyday aliases join (西红柿 -> 番茄), and a term two
products share identifies neither.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from pipelines.catalog.models import Product
from pipelines.catalog.vocabulary import aliases_of, is_modifier, is_place
from pipelines.zh import cut, cut_for_search, is_dictionary_word

MIN_TERM_CHARS = 2
_BRACKETED = re.compile(r"[（(]([^）)]*)[）)]")
_HAN = re.compile(r"^[\u3400-\u9fff]+$")


def split_name(name: str) -> tuple[str, list[str]]:
    """The name without its bracketed parts, and those parts: 手工水饺（猪肉白菜） -> 手工水饺, [猪肉白菜]."""
    return _BRACKETED.sub("", name).strip(), [p.strip() for p in _BRACKETED.findall(name) if p.strip()]


@lru_cache(maxsize=4096)
def name_units(name: str) -> tuple[str, ...]:
    """jieba words of a name with loose single characters glued to a neighbour."""
    units: list[str] = []
    loose = ""
    for token in cut(name, hmm=False):
        if len(token) == 1:
            loose += token
        elif len(loose) == 1:  # a single modifier binds forward: 土 + 鸡蛋
            units.append(loose + token)
            loose = ""
        else:
            units.extend([loose, token] if loose else [token])
            loose = ""
    if loose:
        if len(loose) == 1 and units:
            units[-1] += loose  # a trailing measure/suffix char binds backward: 基围 + 虾
        else:
            units.append(loose)
    return tuple(units)


def _merge_modifiers(units: tuple[str, ...]) -> tuple[str, ...]:
    """Neighbouring units that together spell one modifier become one unit: 空气|炸锅 -> 空气炸锅."""
    out: list[str] = []
    for unit in units:
        if out and not is_modifier(out[-1]) and not is_modifier(unit) and is_modifier(out[-1] + unit):
            out[-1] += unit
        else:
            out.append(unit)
    return tuple(out)


def _runs(units: tuple[str, ...]) -> list[str]:
    spans = ["".join(units[i:j]) for i in range(len(units)) for j in range(i + 1, len(units) + 1)]
    return [s for s in spans if len(s) >= MIN_TERM_CHARS]


def name_terms(name: str) -> list[str]:
    """The name, then every run of units (2+ characters) of its Chinese parts, bracketed ones too."""
    core, bracketed = split_name(name)
    parts = [p for p in (core, *bracketed) if len(p) >= MIN_TERM_CHARS and _HAN.match(p)]
    return list(dict.fromkeys([name, *(t for p in parts for t in [p, *_runs(name_units(p))])]))


def head_words(unit: str) -> list[str]:
    """Words that end a unit and name the thing it is: 鲜牛奶 -> 牛奶 (inside a dictionary word),
    土鸡蛋 -> 鸡蛋 (after a one-character modifier). 稻花香 gives nothing: 稻 is no modifier."""
    if is_dictionary_word(unit):
        return [w for w in cut_for_search(unit) if len(w) >= MIN_TERM_CHARS and unit.endswith(w) and w != unit]
    if len(unit) > MIN_TERM_CHARS and is_modifier(unit[0]) and is_dictionary_word(unit[1:]):
        return [unit[1:]]
    return []


def _qualifies(term: str, origins: str) -> bool:
    """A modifier (特级初榨) or a place of origin (五常, 云南): it qualifies a product, names none."""
    return is_modifier(term) or term in origins or is_place(term)


@lru_cache(maxsize=4096)
def identifying_terms(name: str, origin: str = "") -> tuple[str, ...]:
    """Terms that can name this product in text, before checking whether other products share them."""
    core, _ = split_name(name)
    units = _merge_modifiers(name_units(core)) if _HAN.match(core or "-") else ()
    terms = [t for t in _runs(units) if not _qualifies(t, origin)] + [w for u in units for w in head_words(u)]
    terms += [a for t in terms for a in aliases_of(t)]
    return tuple(dict.fromkeys(t for t in [name, core, *terms] if t))


def product_terms(products: Iterable[Product]) -> dict[str, list[str]]:
    """sku -> the terms that name that product and no other in `products`, longest first."""
    found = {p.sku: identifying_terms(p.name, p.get("origin")) for p in products}
    names = {p.sku: p.name for p in products}
    owners: dict[str, set[str]] = {}
    for sku, terms in found.items():
        for term in terms:
            owners.setdefault(term, set()).add(sku)
    return {sku: sorted((t for t in terms if owners[t] == {sku} or t == names[sku]), key=lambda t: (-len(t), t))
            for sku, terms in found.items()}


def tail_terms(products: Iterable[Product]) -> dict[str, list[str]]:
    """sku -> the last two or three characters of its name's core, where jieba has no word for them (老卤鸭脖 is
    老|卤鸭|脖 to it; residents say 鸭脖, 豆干, 白茶): Chinese food names are head-final, so the tail names the food.
    Only tails no other product's name holds and that are no modifier; the caller checks that the question has
    them as whole words (一条鸭子 holds 条鸭 of 白条鸭 across words)."""
    products = list(products)
    cores = {p.sku: split_name(p.name)[0] for p in products}
    found: dict[str, list[str]] = {}
    for sku, core in cores.items():
        tails = [core[-k:] for k in (3, 2) if len(core) > k and not is_modifier(core[-k:])]
        found[sku] = [t for t in tails if not any(t in other for o, other in cores.items() if o != sku)]
    return found


def within_modifier(word: str, name: str) -> bool:
    """`word` lies inside a modifier of the name (空气 of 空气炸锅鸡翅中): it says how the thing is cooked or kept,
    not what it is."""
    units = _merge_modifiers(name_units(split_name(name)[0]))
    return any(word in u and is_modifier(u) for u in units)


def head_terms(name: str) -> list[str]:
    """Words for what the product is, without its leading word: 特级初榨橄榄油 -> 初榨橄榄油, 橄榄油;
    酸梅汤原料包 -> 酸梅汤 (the rest only packs it)."""
    units = _merge_modifiers(name_units(split_name(name)[0]))
    tail = [u for u in units[1:] if not is_modifier(u)] and units[1:] or units[:1]
    terms = [t for i in range(len(tail)) for t in ["".join(tail[i:]), tail[i], *head_words(tail[i])]]
    terms = [t for t in terms if len(t) >= MIN_TERM_CHARS and not is_modifier(t)]
    return list(dict.fromkeys(terms + [a for t in terms for a in aliases_of(t)]))
