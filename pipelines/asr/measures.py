"""Measure words after a number, as a leader says them: 九十分 -> 九十份, 一代 -> 一袋, 三十每 -> 三十枚.

After a number, whisper often writes a homophone of the measure word (分 for 份, 代 for 袋, 和 for
盒). A character right after a numeral that is not a unit itself becomes the measure word that
sounds the same (tone aside) when the number reads as a count there: the next character ends the
phrase (punctuation, another number) or the numeral with the measure word is the likelier word
(一只 is less likely than 一直, so 一直 stays). 十分 (very) and words such as 分钟 are left alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipelines.zh import syllables, word_frequency
from pipelines.zh.units import UNITS

# Measure words of group buying, most used first (from how leaders state portions and packages);
# a sound shared by two of them goes to the first.
MEASURE_WORDS = "份袋盒箱斤瓶包桶罐提个只枚根条串颗块片杯碗套件双粒扎捆"
NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万0123456789"
NUMERALS_SET = frozenset(NUMERAL_CHARS)
_AFTER_NUMERAL = re.compile(f"(?<=[{NUMERAL_CHARS}])[\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def _by_sound() -> dict[str, str]:
    found: dict[str, str] = {}
    for char in MEASURE_WORDS:
        found.setdefault(syllables(char)[0].toneless, char)
    return found


def _numeral_before(text: str, i: int) -> str:
    start = i
    while start > 0 and text[start - 1] in NUMERALS_SET:
        start -= 1
    return text[start:i]


def _is_count(text: str, i: int, measure: str) -> bool:
    numeral, char, following = _numeral_before(text, i), text[i], text[i + 1:i + 2]
    if numeral == "十" and char == "分" or word_frequency(char + following) > 0:
        return False
    ends = not following or not following.isalnum() or following in NUMERALS_SET
    last = numeral[-1]
    return ends or word_frequency(last + char) < word_frequency(last + measure)


def correct_measures(text: str) -> tuple[str, list[tuple[int, str, str]]]:
    """The text with misheard measure words fixed (same length), and (position, old, new) for each."""
    sound = _by_sound()
    chars, changes = list(text), []
    for match in _AFTER_NUMERAL.finditer(text):
        i, char = match.start(), match.group()
        measure = sound.get(syllables(char)[0].toneless)
        if measure and char != measure and char not in UNITS and _is_count(text, i, measure):
            chars[i] = measure
            changes.append((i, char, measure))
    return "".join(chars), changes
