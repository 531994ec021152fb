"""Traditional -> Simplified Chinese: the one OpenCC converter in the process."""

from __future__ import annotations

from functools import lru_cache

from opencc import OpenCC


@lru_cache(maxsize=1)
def _converter() -> OpenCC:
    return OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Whisper and some residents write Traditional characters; everything downstream reads Simplified."""
    return _converter().convert(text) if text else text
