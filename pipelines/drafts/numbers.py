"""Find the numbers and weekdays a Chinese text states, normalised so 89 / 89.0 / 八十九 compare equal.

Small words that only look like numbers (一起, 十分, 千万别, 第一次) are not facts and are skipped;
`masked` spans (product names such as 五常稻花香大米, SKU codes) are never read as numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

_FULLWIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN = "零〇一二两三四五六七八九十百千万"
_WEEKDAYS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7}

NUMBER_RE = re.compile(rf"\d+(?:\.\d+)?|[{_CN}]+")
WEEKDAY_RE = re.compile(r"(?:本|这|下|上|每)?(?:周|星期|礼拜)([一二三四五六日天](?:[、和及,，/][一二三四五六日天])*)")
SKU_RE = re.compile(r"[A-Za-z]{1,4}-\d+")
# A small Chinese numeral counts as a fact only before a unit of money or measure.
_SMALL_UNITS = ("元", "块", "斤", "公斤", "克", "千克", "毫升", "升", "折", "度", "℃", "%")
# Words that contain a numeral but state no number.
NOT_NUMBERS = (
    "三文鱼", "五花肉", "五香", "八角", "四季", "五谷", "五味", "十足", "十全十美", "万一", "一五一十",
    "三明治", "千层", "百搭", "七彩", "九层塔", "十三香", "三三两两", "五颜六色", "七上八下", "五常",
    "千岛", "百香果", "万家", "千家万户", "四面八方", "一模一样", "十字花科", "三鲜", "地三鲜",
)


@dataclass(frozen=True)
class Mention:
    value: str  # canonical decimal, e.g. "89", "12.8", "0.3"
    start: int
    end: int
    raw: str


def canonical(value: str | float | Decimal) -> str:
    """89.0 -> '89', '12.80' -> '12.8'."""
    try:
        number = Decimal(str(value)).normalize()
    except InvalidOperation:
        return str(value)
    text = format(number, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def chinese_to_number(text: str) -> int | None:
    """三十六 -> 36, 一百二 -> 120, 两 -> 2, 二零二五 -> 2025; None when it is not a numeral."""
    if not text or any(c not in _CN for c in text):
        return None
    if all(c in _DIGITS for c in text) and len(text) > 1:
        return int("".join(str(_DIGITS[c]) for c in text))
    total, section, digit, last_unit = 0, 0, None, 1
    for char in text:
        if char in _DIGITS:
            digit = _DIGITS[char]
        elif char in _UNITS:
            section += (1 if digit is None else digit) * _UNITS[char]
            digit, last_unit = None, _UNITS[char]
        else:  # 万
            total += (section + (digit or 0)) * 10000
            section, digit, last_unit = 0, None, 10000
    if digit is not None:  # 一百二 means 120: a trailing digit takes the next smaller unit
        section += digit * (last_unit // 10 if last_unit >= 100 and text[-2] in _UNITS else 1)
    return total + section


def normalise(text: str) -> str:
    """Full-width digits to ASCII; the length is kept so positions stay valid."""
    return text.translate(_FULLWIDTH)


def _is_fact_numeral(text: str, run: str, start: int, end: int) -> bool:
    after = text[end:end + 2]
    before = text[start - 1] if start else ""
    if before == "第" or run in ("万", "千", "百", "千万", "万万"):
        return False
    if run.endswith("十") and after.startswith("分") and not after.startswith("分钟"):
        return False  # 十分新鲜
    value = chinese_to_number(run)
    if value is None:
        return False
    return value > 2 or len(run) > 1 or after.startswith(_SMALL_UNITS)


def weekday_mentions(text: str) -> list[tuple[frozenset[int], int, int]]:
    """周五 / 本周六 / 每周二、五 -> ({5}, start, end)."""
    found = []
    for match in WEEKDAY_RE.finditer(normalise(text)):
        days = frozenset(_WEEKDAYS[c] for c in match.group(1) if c in _WEEKDAYS)
        found.append((days, match.start(), match.end()))
    return found


def word_spans(text: str, words: tuple[str, ...] | list[str]) -> list[tuple[int, int]]:
    """Where each of `words` occurs in text."""
    return [m.span() for w in words if w for m in re.finditer(re.escape(w), text)]


def number_mentions(text: str, masked: list[tuple[int, int]] = ()) -> list[Mention]:
    """Every number stated in `text`, Arabic or Chinese, with 十二块八 read as 12.8."""
    text = normalise(text)
    blocked = list(masked) + word_spans(text, NOT_NUMBERS) + [(s, e) for _, s, e in weekday_mentions(text)]
    blocked += [m.span() for m in SKU_RE.finditer(text)]
    mentions: list[Mention] = []
    for match in NUMBER_RE.finditer(text):
        start, end, raw = match.start(), match.end(), match.group()
        if any(s < end and start < e for s, e in blocked):
            continue
        if raw[0].isdigit():
            if start and text[start - 1] == "第":
                continue
            mentions.append(Mention(canonical(raw), start, end, raw))
        elif _is_fact_numeral(text, raw, start, end):
            mentions.append(Mention(canonical(chinese_to_number(raw)), start, end, raw))
    return _join_money(text, mentions)


def _join_money(text: str, mentions: list[Mention]) -> list[Mention]:
    """十二块八 / 9块9 / 2元5: a single digit right after 块 or 元 is the decimal part."""
    joined: list[Mention] = []
    for mention in mentions:
        prev = joined[-1] if joined else None
        if (prev and mention.start == prev.end + 1 and text[prev.end] in "块元" and "." not in prev.value
                and mention.raw[0] in _DIGITS | dict.fromkeys("0123456789")
                and not text[mention.start + 1:mention.start + 2].isdigit()):
            cut = mention.start + 1
            value = canonical(f"{prev.value}.{_DIGITS.get(mention.raw[0], mention.raw[0])}")
            joined[-1] = Mention(value, prev.start, cut, text[prev.start:cut])
            rest = text[cut:mention.end]  # 十二块八一份: 一 is the next word, not part of the price
            if rest and _is_fact_numeral(text, rest, cut, mention.end):
                joined.append(Mention(canonical(chinese_to_number(rest)), cut, mention.end, rest))
        else:
            joined.append(mention)
    return joined


def numbers_in(text: str) -> set[str]:
    """The canonical values of every number in a fact string (ranges like 0-4℃ give 0 and 4)."""
    return {m.value for m in number_mentions(text)}
