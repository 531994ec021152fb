"""Glossary terms from catalog product names: the full name plus the sub-terms people say.

Chinese product names are head-final compounds (modifiers + the thing): 特级|初榨|橄榄油,
五常|稻花香|大米. jieba splits a name into words; single characters it leaves loose are
glued to their neighbour (a modifier binds to the word after it: 土+鸡蛋; a run of loose
characters is one unknown word: 谷饲). Every run of consecutive units of at least
MIN_TERM_CHARS characters is a sub-term: 橄榄油, 初榨, 土鸡蛋, 五常稻花香, 西红柿.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from pipelines.catalog import Product
from pipelines.zh import cut

MIN_TERM_CHARS = 2  # two-character terms are only ever matched as exact homophones (see glossary.py)
_BRACKETED = re.compile(r"[（(]([^）)]*)[）)]")
_HAN = re.compile(r"^[\u3400-\u9fff]+$")
_LIST_SEPARATORS = re.compile(r"[、，,;；/]")


def _units(name: str) -> list[str]:
    """jieba words with loose single characters glued to a neighbour."""
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
    return units


def subterms(name: str) -> list[str]:
    """The name and every run of its units of at least MIN_TERM_CHARS characters."""
    units = _units(name)
    spans = ["".join(units[i:j]) for i in range(len(units)) for j in range(i + 1, len(units) + 1)]
    return list(dict.fromkeys([name] + [s for s in spans if len(s) >= MIN_TERM_CHARS]))


def terms_from_names(names: Iterable[str], extra: Sequence[str] = ()) -> list[str]:
    """Glossary terms, longest first: per-request terms as given, catalog names expanded."""
    found: dict[str, None] = {}
    for term in extra:
        term = term.strip()
        if len(term) >= 2 and _HAN.match(term):
            found[term] = None
    for name in names:
        for part in [_BRACKETED.sub("", name), *_BRACKETED.findall(name)]:
            part = part.strip()
            if len(part) >= 2 and _HAN.match(part):
                found.update(dict.fromkeys(subterms(part)))
    return sorted(found, key=len, reverse=True)


def catalog_hotwords(products: Iterable[Product]) -> list[str]:
    """Hotwords for transcribe() from a catalog: product names, then the place names of origins
    (西班牙安达卢西亚, 山东寿光), which leaders say aloud and whisper misspells just the same."""
    names = [p.name.strip() for p in products if p.name.strip()]
    origins = [part.strip() for p in products for part in _LIST_SEPARATORS.split(p.get("origin")) if part.strip()]
    return list(dict.fromkeys(names + origins))
