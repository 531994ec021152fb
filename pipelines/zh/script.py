"""Traditional -> Simplified Chinese: the one OpenCC converter in the process."""

from __future__ import annotations

import re
from functools import lru_cache

from opencc import OpenCC

# OpenCC's t2s keeps 著 (a Simplified character too, zhù: 著名, 显著), so a Traditional 著 (zhe/zháo:
# 著急, 看著, 睡著) survives it. Its tw2s config converts these but also turns 什么 into 什幺, so 著 is
# decided here from the words it makes with its neighbours in jieba's dictionary.
_ZHE = re.compile("著")


@lru_cache(maxsize=1)
def _converter() -> OpenCC:
    return OpenCC("t2s")


def _keeps_zhu(text: str, i: int) -> bool:
    """True when 著 at `i` forms a word that is written 著 in Simplified (著名, 显著, 名著)."""
    from pipelines.zh.tokenize import word_frequency  # jieba loads only when a 著 is seen

    pairs = [text[i - 1:i + 1] if i else "", text[i:i + 2] if i + 1 < len(text) else ""]
    return any(len(p) == 2 and word_frequency(p) > word_frequency(p.replace("著", "着")) for p in pairs)


def fix_zhe(text: str) -> str:
    """著 -> 着 wherever it is the Traditional form of 着 (不著急 -> 不着急); same length."""
    return _ZHE.sub(lambda m: "著" if _keeps_zhu(text, m.start()) else "着", text)


def to_simplified(text: str) -> str:
    """Whisper and some residents write Traditional characters; everything downstream reads Simplified."""
    if not text:
        return text
    text = _converter().convert(text)
    return fix_zhe(text) if "著" in text else text


@lru_cache(maxsize=1)
def _to_traditional() -> OpenCC:
    return OpenCC("s2t")


def to_traditional(text: str) -> str:
    """Simplified -> Traditional: how a resident on a Traditional-script phone writes (robustness checks)."""
    return _to_traditional().convert(text) if text else text
