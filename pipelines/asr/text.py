"""Text clean-up for whisper's Mandarin output: Simplified script and full-width punctuation."""

from __future__ import annotations

import re

from pipelines.zh import to_simplified

SENTENCE_END = "。！？"
CLAUSE_END = "，、；："
PUNCTUATION = SENTENCE_END + CLAUSE_END
# Half-width marks whisper emits in Chinese text, and their full-width forms.
_FULL_WIDTH = {",": "，", "?": "？", "!": "！", ";": "；", ":": "：", "、": "、"}
_CJK = r"[\u3400-\u9fff]"
_DOT_AFTER_CJK = re.compile(rf"(?<={_CJK})\.(?!\d)|(?<=[\u3400-\u9fff\d])\.(?=\s*$)")
_SPACE_BETWEEN_CJK = re.compile(rf"(?<={_CJK})\s+(?={_CJK})")


def to_full_width(text: str) -> str:
    """'好,重点来了.' -> '好，重点来了。' while keeping decimals such as 0.3 and Latin text intact."""
    text = _DOT_AFTER_CJK.sub("。", text)
    out = []
    for i, ch in enumerate(text):
        if ch in _FULL_WIDTH and not _between_digits(text, i):
            out.append(_FULL_WIDTH[ch])
        else:
            out.append(ch)
    return _SPACE_BETWEEN_CJK.sub("", "".join(out))


def _between_digits(text: str, i: int) -> bool:
    # 1,000 and 10:30 keep their half-width separators.
    return 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()


def clean_text(text: str) -> str:
    return to_full_width(to_simplified(text))


def ends_with_punctuation(text: str) -> bool:
    return bool(text) and text[-1] in PUNCTUATION
