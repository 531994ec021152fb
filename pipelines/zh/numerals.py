"""Chinese numerals as values and back: 十五万 -> 150000, 一百二 -> 120, 两千零五 -> 2005, 三点六 -> 3.6;
120 -> 一百二十. Only the numeral itself: units, money and quantities are read in numbers.py."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)
_READ_DIGITS = "零一二三四五六七八九"


def _section(text: str, previous_unit: int) -> int:
    """A numeral below 万 (十五, 一百二, 两千零五); a bare trailing digit takes the next lower unit
    (一百二 = 120, and after 三万, 五 = 5000) unless a 零 came before it."""
    value, digit, unit, zero = 0, None, previous_unit, False
    for char in text:
        if char in SMALL_UNITS:
            value += (1 if digit is None else digit) * SMALL_UNITS[char]
            digit, unit, zero = None, SMALL_UNITS[char], False
        elif DIGITS[char] == 0:
            zero = True
        elif digit is not None:
            raise ValueError(f"two digits in a row: {text}")  # 三两 is 3 两 (a weight), not a numeral
        else:
            digit = DIGITS[char]
    if digit is not None:
        value += digit * (unit // 10 if unit >= 10 and not zero and text[-1] in DIGITS else 1)
    return value


def _integer(text: str) -> int:
    if len(text) > 1 and all(c in DIGITS and c != "两" for c in text):
        return int("".join(str(DIGITS[c]) for c in text))  # 二零二五 reads digit by digit
    total, rest, unit = 0, text, 1
    for big, size in sorted(BIG_UNITS.items(), key=lambda kv: -kv[1]):
        head, found, tail = rest.partition(big)
        if found:
            total += (_section(head, 1) or 1) * size
            rest, unit = tail, size
    return total + _section(rest, unit if rest and all(c in DIGITS for c in rest) and len(rest) == 1 else 1)


def chinese_to_number(text: str) -> float | None:
    """The value of a Chinese numeral (with 点 for a decimal point), or None when it is not one."""
    whole, dot, fraction = text.partition("点")
    if not whole or any(c not in NUMERAL_CHARS for c in whole) or any(c not in DIGITS for c in fraction):
        return None
    if dot and not fraction:
        return None
    try:
        value = _integer(whole)
    except ValueError:
        return None
    return value + float("0." + "".join(str(DIGITS[c]) for c in fraction)) if fraction else float(value)


def canonical(value: str | float | Decimal) -> str:
    """A number as plain text: 89.0 -> '89', '12.80' -> '12.8'."""
    try:
        number = Decimal(str(value)).normalize()
    except InvalidOperation:
        return str(value)
    text = format(number, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _read_integer(n: int) -> str:
    if n < 10:
        return _READ_DIGITS[n]
    if n >= 10**8:
        return "".join(_READ_DIGITS[int(d)] for d in str(n))
    if n >= 10**4:
        high, low = divmod(n, 10**4)
        return _read_integer(high) + "万" + ("零" if 0 < low < 1000 else "") + (_read_integer(low) if low else "")
    out, zero = "", False
    for unit, size in (("千", 1000), ("百", 100), ("十", 10), ("", 1)):
        digit, n = divmod(n, size)
        if digit:
            out += ("零" if zero else "") + _READ_DIGITS[digit] + unit
            zero = False
        elif out:
            zero = True
    return out[1:] if out.startswith("一十") else out


def to_chinese(value: float | int | str) -> str:
    """How a number is read out: 120 -> 一百二十, 0.3 -> 零点三, 20000 -> 二万; very long integers
    digit by digit. (Speech says 两千 as often as 二千; CER normalisation needs one form.)"""
    text = canonical(value)
    sign, text = ("负", text[1:]) if text.startswith("-") else ("", text)
    whole, _, fraction = text.partition(".")
    head = _read_integer(int(whole)) if len(whole) <= 12 else "".join(_READ_DIGITS[int(d)] for d in whole)
    return sign + head + ("点" + "".join(_READ_DIGITS[int(d)] for d in fraction) if fraction else "")
