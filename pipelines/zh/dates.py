"""Days a Chinese text names: weekdays (周五, 本周六, 每周二、五, 星期天, 周末) and relative days
(今天, 明天, 下周, 月底). Numbers inside these are days, not quantities (周六 is not 6)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_DAY = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7}
_NUMERAL_BEFORE = r"(?<![零一二两三四五六七八九十\d])"  # 一周一次: a week, then once; not Monday
WEEKDAY_RE = re.compile(
    _NUMERAL_BEFORE + r"(?P<week>本|这|下|上|每)?(?:个)?(?:周|星期|礼拜)"
    r"(?:(?P<days>[一二三四五六日天](?:[、和及与,，/~～至到-]?[一二三四五六日天])*)|(?P<weekend>末))")
# Words for a day relative to when the text is said, longest first.
RELATIVE_DAYS = ("大后天", "后天", "明天", "明日", "明早", "明晚", "今天", "今日", "今晚", "昨天", "前天",
                 "下周", "上周", "这周", "本周", "下个月", "月底", "月初")
_RELATIVE_RE = re.compile("|".join(RELATIVE_DAYS))


@dataclass(frozen=True)
class DayMention:
    start: int
    end: int
    raw: str
    weekdays: frozenset[int] = frozenset()  # 1 = Monday ... 7 = Sunday; empty for a relative day
    week: str = ""  # "" this week or unspecified (本/这), 下 next, 上 last, 每 every
    relative: str | None = None  # 明天, 下周 ... when the mention is a relative day


def _days(spec: str) -> frozenset[int]:
    """一 -> {1}; 二、五 -> {2, 5}; 一到五 -> {1..5}."""
    values = [_DAY[c] for c in spec if c in _DAY]
    if len(values) == 2 and re.search(r"[~～至到-]", spec):
        return frozenset(range(values[0], values[1] + 1))
    return frozenset(values)


def _weekday(match: re.Match[str]) -> DayMention:
    week = {"本": "", "这": ""}.get(match["week"] or "", match["week"] or "")
    days = frozenset({6, 7}) if match["weekend"] else _days(match["days"])
    return DayMention(match.start(), match.end(), match.group(), days, week)


def find_days(text: str) -> list[DayMention]:
    """Weekday and relative-day mentions in text order; a weekday wins over the 下周/本周 inside it."""
    found = [_weekday(m) for m in WEEKDAY_RE.finditer(text)]
    for match in _RELATIVE_RE.finditer(text):
        if not any(d.start <= match.start() < d.end for d in found):
            found.append(DayMention(match.start(), match.end(), match.group(), relative=match.group()))
    return sorted(found, key=lambda d: d.start)
