"""Numbers a Chinese text states, with their units: prices (89元, 九块九, 五毛), weights (两斤半,
1.5kg, 三两), volumes, temperatures (0-4℃), shares, durations, dates and counts (30枚, 两份).

A numeral is read only where it states a number: a lone 一/二/两 needs a unit (一下, 一起 and 两人
are words), a numeral after 第 is an ordinal, and weekdays (周六), idioms and food names that
contain numerals (十分, 五花肉, 三文鱼) are skipped, as are spans the caller masks (product names).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from pipelines.zh.dates import find_days
from pipelines.zh.normalize import to_half_width_digits
from pipelines.zh.numerals import DIGITS, NUMERAL_CHARS, chinese_to_number
from pipelines.zh.units import LATIN_UNITS, MONEY, UNITS

# Words that contain a numeral but state no number: idioms, set phrases and food names
# (from everyday usage; product names are masked by the caller instead).
NOT_NUMBERS = (
    "一五一十", "三三两两", "五颜六色", "七上八下", "乱七八糟", "四面八方", "千家万户", "十全十美", "一模一样",
    "千万别", "千万不要", "万一", "三明治", "五花肉", "五香", "八角", "十三香", "四季豆", "四季",
    "三文鱼", "千层", "百香果", "九层塔", "七彩", "五谷", "五味", "三鲜", "十字花科", "百搭", "万家",
)
_NUMERAL_RE = re.compile(rf"-?\d+(?:,\d{{3}})+(?:\.\d+)?|-?\d+(?:\.\d+)?|[{NUMERAL_CHARS}]+(?:点[{''.join(DIGITS)}]+)?|半")
_UNIT_RE = re.compile("|".join(sorted(map(re.escape, UNITS), key=len, reverse=True)))
_RANGE = "-~～至到"
_MULTIPLIERS = {"万": 10_000, "亿": 100_000_000, "千": 1000}
_SMALL = ("一", "二", "两")
_LONE = (*_SMALL, "半", "零", "〇")  # without a unit these are words: 一下, 两人, 半天, 零食
_NOT_A_MEASURE = ("包邮", "个人", "样子", "种类", "次性")  # 九块九包邮: 包 is not a unit here


@dataclass(frozen=True)
class NumberMention:
    start: int
    end: int
    raw: str  # the number as written; it includes a unit only where the unit changes the value (九块九, 五毛, 两斤半)
    value: float
    unit: str | None = None  # normalised: 元, 斤, 公斤, 克, 毫升, ℃, %, 个月, 份 ... (units.py)
    unit_end: int = 0  # where the unit after the number ends (== end when there is none)


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str | None = None


def _blocked(text: str, masked: Iterable[str]) -> list[tuple[int, int]]:
    spans = [(d.start, d.end) for d in find_days(text)]
    for word in (*NOT_NUMBERS, *masked):
        spans += [m.span() for m in re.finditer(re.escape(word), text)] if word else []
    return spans


def _unit_at(text: str, pos: int) -> tuple[str | None, int]:
    """The unit written at `pos` and where it ends, or (None, pos)."""
    match = _UNIT_RE.match(text.lower(), pos)
    if not match or text.startswith(_NOT_A_MEASURE, pos):
        return None, pos
    if match.group() in LATIN_UNITS and text[match.end():match.end() + 1].isascii() and text[match.end():match.end() + 1].isalpha():
        return None, pos  # 5G, 3Lite: Latin words, not units
    return UNITS[match.group()], match.end()


def _digit_value(char: str) -> float | None:
    return float(char) if char.isdigit() and char.isascii() else (float(DIGITS[char]) if char in DIGITS else None)


def _money_tail(text: str, pos: int) -> tuple[float, int]:
    """After 块/元: 九块九 (one more digit is tenths), 一块五毛, 三块钱; returns (tenths value, new end)."""
    digit = _digit_value(text[pos:pos + 1]) if pos < len(text) else None
    follower = text[pos + 1:pos + 2]
    if digit is None or (follower and (_digit_value(follower) is not None and follower not in _SMALL)):
        return 0.0, pos
    unit, _ = _unit_at(text, pos + 1)
    if unit and unit != MONEY and not text.startswith(("毛", "角"), pos + 1):
        return 0.0, pos  # 36元一盒: 一 counts the next thing
    end = pos + 1 + (text[pos + 1:pos + 2] in ("毛", "角"))
    return digit / 10, end


Reading = tuple[float, str | None, int, int]  # value, unit, end of the raw number, end of its unit


def _read_mao(text: str, end: int, value: float) -> Reading | None:
    """五毛 = 0.5元, 八毛五 = 0.85元 (毛 and 角 are tenths of a 元)."""
    if not text.startswith(("毛", "角"), end):
        return None
    digit = _digit_value(text[end + 1:end + 2]) if end + 1 < len(text) else None
    stop = end + 1 + (digit is not None)
    return round(value / 10 + (digit or 0) / 100, 4), MONEY, stop, stop + text.startswith("钱", stop)


def _read_and_a_half(text: str, end: int, value: float) -> Reading | None:
    """一个半小时 = 1.5小时, 一个半月 = 1.5个月."""
    if not text.startswith("个半", end):
        return None
    unit, unit_end = _unit_at(text, end + 2)
    if unit not in ("小时", "月", "个月"):
        return None
    return value + 0.5, "个月" if unit == "月" else unit, end + 2, unit_end


def _read_written_unit(text: str, end: int, value: float) -> Reading:
    """A unit after the number; 九块九 and 两斤半 take the digit or 半 after the unit too."""
    unit, unit_end = _unit_at(text, end)
    if unit is None and text.startswith("两", end) and text[end - 1:end] in DIGITS:
        unit, unit_end = "两", end + 1  # 三两: a unit of weight after a number
    if unit == MONEY and (tail := _money_tail(text, unit_end))[0]:
        tenths, stop = tail
        return round(value + tenths, 4), MONEY, stop, stop + text.startswith("钱", stop)
    if unit == "斤" and text.startswith("半", unit_end):
        return value + 0.5, "斤", unit_end + 1, unit_end + 1
    return value, unit, end, unit_end


def _read_unit(text: str, end: int, value: float) -> Reading:
    return _read_mao(text, end, value) or _read_and_a_half(text, end, value) or _read_written_unit(text, end, value)


def _numeral_value(raw: str) -> float | None:
    if raw == "半":
        return 0.5
    if raw[0].isdigit() or raw[0] == "-":
        return float(raw.replace(",", ""))
    return chinese_to_number(raw)


def _skip(text: str, start: int, raw: str, unit: str | None) -> bool:
    """Numerals that state no number: ordinals, a lone 一/两 or 半 without a unit, 十分 (very)."""
    if text[start - 1:start] == "第" or raw in ("万", "千", "百", "亿", "千万", "万万"):
        return True
    if raw[0].isascii() and text[start - 1:start].isascii() and text[start - 1:start].isalpha():
        return True  # WT-001, iPhone15: part of a code or a name
    if unit is None and (raw in _LONE or raw.endswith("十") and text.startswith("分", start + len(raw))):
        return True
    return False


def _trim(text: str, match: re.Match[str]) -> tuple[int, str]:
    """The numeral proper inside a match: 三千克 is 3 千克, 三两 is 3 两, and 0-4 is a range."""
    start, raw = match.start(), match.group()
    if len(raw) > 1 and (raw.endswith("千") and text.startswith("克", match.end()) or
                         raw.endswith("两") and raw[-2] in DIGITS):
        raw = raw[:-1]
    if raw.startswith("-") and start and (text[start - 1].isdigit() or text[start - 1] in _RANGE):
        raw, start = raw[1:], start + 1
    return start, raw


def find_numbers(text: str, masked: Iterable[str] = ()) -> list[NumberMention]:
    """Every number stated in `text`, in order, with its normalised unit (ranges share a unit: 0-4℃)."""
    text = to_half_width_digits(text)
    blocked = _blocked(text, masked)
    found: list[NumberMention] = []
    pos = 0
    while match := _NUMERAL_RE.search(text, pos):
        start, raw = _trim(text, match)
        pos = match.end()
        if any(s < start + len(raw) and start < e for s, e in blocked):
            continue
        mention = _mention(text, start, raw)
        if mention and not _skip(text, start, raw, mention.unit):
            found.append(mention)
            pos = mention.unit_end  # 十二块八一份: 八 was the price's tenths, 一份 is read next
    return _share_range_units(text, _join_jin_and_liang(text, found))


def _mention(text: str, start: int, raw: str) -> NumberMention | None:
    value = _numeral_value(raw)
    if value is None:
        return None
    end = start + len(raw)
    if raw[-1].isascii() and text[end:end + 1] in _MULTIPLIERS and not text.startswith("千克", end):
        value *= _MULTIPLIERS[text[end]]  # 1.5万
        end += 1
    if text[max(0, start - 2):start] == "零下":
        value = -value
    value, unit, raw_end, unit_end = _read_unit(text, end, value)
    if raw == "半" and unit is None:
        return None
    return NumberMention(start, raw_end, text[start:raw_end], value, unit, max(unit_end, raw_end))


def _join_jin_and_liang(text: str, found: list[NumberMention]) -> list[NumberMention]:
    """一斤二两 = 1.2斤: a number of 两 right after a number of 斤 is its tenths."""
    out: list[NumberMention] = []
    for mention in found:
        prev = out[-1] if out else None
        if prev and prev.unit == "斤" and mention.unit == "两" and mention.start == prev.unit_end:
            out[-1] = NumberMention(prev.start, mention.unit_end, text[prev.start:mention.unit_end],
                                    prev.value + mention.value / 10, "斤", mention.unit_end)
        else:
            out.append(mention)
    return out


def _share_range_units(text: str, found: list[NumberMention]) -> list[NumberMention]:
    """0-4℃, 3到5天: the first number of a range takes the unit written after the second."""
    out = list(found)
    for i, (a, b) in enumerate(zip(found, found[1:])):
        if a.unit is None and b.unit and b.start - a.end == 1 and text[a.end] in _RANGE:
            out[i] = NumberMention(a.start, a.end, a.raw, a.value, b.unit, a.unit_end)
    return out


def parse_number(text: str) -> float | None:
    """The value of a text that is one number: '十五万' -> 150000, '九块九' -> 9.9, '1,000' -> 1000."""
    text = text.strip()
    mentions = find_numbers(text)
    if len(mentions) == 1 and mentions[0].start == 0 and len(text) in (mentions[0].end, mentions[0].unit_end):
        return mentions[0].value
    return chinese_to_number(text) if text else None


def parse_quantity(text: str) -> Quantity | None:
    """'两份' -> Quantity(2, '份'), '半斤' -> (0.5, '斤'), '×3' / 'x2' -> (3, None); None when not a quantity."""
    text = text.strip().lstrip("×xX*＊").strip()
    mentions = find_numbers(text)
    if len(mentions) != 1 or mentions[0].start != 0 or mentions[0].unit_end != len(text):
        value = parse_number(text)
        return Quantity(value) if value is not None else None
    return Quantity(mentions[0].value, mentions[0].unit)



