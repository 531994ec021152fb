"""The grounding check, in code: every number, date and allergen an answer states must appear
in a cited source. 89, 89.0, 89元 and 八十九 are the same number."""

from __future__ import annotations

import re

from pipelines.qa.allergens import allergen_words, canonical_names

_ARABIC = re.compile(r"\d+(?:\.\d+)?")
_CHINESE = re.compile(r"[零一二两三四五六七八九十百千万]+")
_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
_WEEKDAY = re.compile(r"(?:周|星期|礼拜)([一二三四五六日天])")
_RELATIVE_DAYS = ("今天", "明天", "后天", "昨天", "下周", "上周", "月底", "月初")


def chinese_number(text: str) -> float | None:
    """八十九 -> 89, 十五 -> 15, 两 -> 2, 三百 -> 300; None when it is not a number."""
    total, current = 0, 0
    for ch in text:
        if ch in _DIGITS:
            current = current * 10 + _DIGITS[ch] if current and not total else _DIGITS[ch]
        elif ch in _UNITS:
            total += (current or 1) * _UNITS[ch]
            current = 0
        else:
            return None
    return float(total + current)


def numbers(text: str) -> set[float]:
    """Every number in the text, Arabic or Chinese; a lone 一 is left out (一下, 一起 are not counts)."""
    text = _WEEKDAY.sub(" ", text)  # 周六 is a day, not the number 6
    found = {float(m) for m in _ARABIC.findall(text)}
    for run in _CHINESE.findall(text):
        if run == "一":
            continue
        value = chinese_number(run)
        if value is not None:
            found.add(value)
    return found


def weekdays(text: str) -> set[str]:
    return {"日" if d == "天" else d for d in _WEEKDAY.findall(text)}


def unsupported_facts(answer: str, sources: list[str]) -> list[str]:
    """The numbers, dates and allergens of `answer` that no source backs (empty: grounded)."""
    corpus = "\n".join(sources)
    known = numbers(corpus)
    bad = [f"{n:g}" for n in sorted(numbers(answer)) if not any(abs(n - k) < 1e-6 for k in known)]
    bad += [f"周{d}" for d in sorted(weekdays(answer) - weekdays(corpus))]
    bad += [w for w in _RELATIVE_DAYS if w in answer and w not in corpus]
    for word in sorted(allergen_words()):
        if word in answer and word not in corpus and not any(n in corpus for n in canonical_names(word)):
            bad.append(word)
    return bad
