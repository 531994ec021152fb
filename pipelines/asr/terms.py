"""Glossary terms and hotwords from a catalog: product names and their parts, and origins."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from pipelines.catalog import Product, name_terms

MIN_TERM_CHARS = 2  # two-character terms are only ever matched as exact homophones (see glossary.py)
_HAN = re.compile(r"^[\u3400-\u9fff]+$")
_LIST_SEPARATORS = re.compile(r"[、，,;；/]")


def _is_term(text: str) -> bool:
    return len(text) >= MIN_TERM_CHARS and bool(_HAN.match(text))


def terms_from_names(names: Iterable[str], extra: Sequence[str] = ()) -> list[str]:
    """Glossary terms, longest first: per-request terms as given, catalog names expanded."""
    found = dict.fromkeys(t.strip() for t in extra if _is_term(t.strip()))
    found.update(dict.fromkeys(t for name in names for t in name_terms(name.strip()) if _is_term(t)))
    return sorted(found, key=len, reverse=True)


def catalog_hotwords(products: Iterable[Product]) -> list[str]:
    """Hotwords for transcribe() from a catalog: product names, then the place names of origins
    (西班牙安达卢西亚, 山东寿光), which leaders say aloud and whisper misspells just the same."""
    names = [p.name.strip() for p in products if p.name.strip()]
    origins = [part.strip() for p in products for part in _LIST_SEPARATORS.split(p.get("origin")) if part.strip()]
    return list(dict.fromkeys(names + origins))
