"""Text normalised for comparison (never for display): the same words compare equal however typed."""

from __future__ import annotations

import re
import unicodedata

from pipelines.zh.script import to_simplified

_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Simplified, NFKC (full-width Latin, digits and marks to ASCII), lower-case, no spaces."""
    return _SPACE.sub("", to_simplified(unicodedata.normalize("NFKC", text)).lower())


def to_half_width_digits(text: str) -> str:
    """Full-width digits and number marks to ASCII, one character for one, so positions stay valid."""
    return text.translate(_HALF_WIDTH)


_HALF_WIDTH = str.maketrans("０１２３４５６７８９．％＋－，：", "0123456789.%+-,:")
