"""One pasted line: its entry number, phone number (masked), note in brackets and building/room.

Every pattern here is bounded (fixed or capped repetition, no nested quantifiers), so a hostile
paste cannot make matching slow; lines are also capped in length by the caller.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines.zh.normalize import to_half_width_digits

# 1. / 1、 / 1) / 1， / "1 " at the start of a line; not 1.5 (a decimal).
_ENTRY_NO = re.compile(r"^\s{0,8}(\d{1,4})\s{0,3}(?:[.、)）,，:：．]|\s)(?!\d)\s{0,8}")
# A mainland mobile: 11 digits starting with 1, solid or grouped 3-4-4 with spaces or dashes.
_PHONE = re.compile(r"(?<![\d*])(1\d{2})[ \-]?(\d{4})[ \-]?(\d{4})(?!\d)")
_MASKED_PHONE = re.compile(r"(?<!\d)1\d{2}\*{4}\d{4}(?!\d)")
_NOTE = re.compile(r"[（(【]([^（()）【】]{0,80})[）)】]")
_AREA = r"(?:[一二三四五六七八九十\d]{1,3}期|[A-Za-z]区)?"
_BUILDING_WORD = re.compile(
    _AREA + r"(?:\d{1,3}|[A-Za-z]\d{0,2}|[一二三四五六七八九十]{1,3})(?:号楼|栋|幢|座|楼)")
_ROOM_AFTER = re.compile(r"\s{0,3}(\d{1,2}单元\d{2,5}室?|\d{1,2}-\d{2,5}|\d{3,5}室?)(?![\d.])")
_DASH = re.compile(r"(?<![\d\-*])(\d{1,3})-(\d{1,2}-\d{2,5}|\d{2,5})(?![\d\-])")


@dataclass(frozen=True)
class Address:
    building: str | None
    room: str | None
    span: tuple[int, int] | None  # where it was written in the line


def mask_phones(text: str) -> str:
    """Every mobile number as its first 3 and last 4 digits: 139 1234 5678 -> 139****5678."""
    out, last = [], 0
    for match in _PHONE.finditer(to_half_width_digits(text)):  # one character for one: spans fit `text`
        out += [text[last:match.start()], f"{match.group(1)}****{match.group(3)}"]
        last = match.end()
    return "".join(out) + text[last:]


def entry_number(line: str) -> tuple[int | None, str]:
    """The entry number a line starts with and the rest of the line; (None, line) when not an entry."""
    match = _ENTRY_NO.match(to_half_width_digits(line))
    if not match:
        return None, line
    return int(match.group(1)), line[match.end():]


def take_phone(text: str) -> tuple[str | None, str]:
    """The masked phone number in an (already masked) text, and the text without it."""
    match = _MASKED_PHONE.search(text)
    if not match:
        return None, text
    return match.group(), _blank(text, match.span())


def take_note(text: str) -> tuple[str | None, str]:
    """The text in brackets (several notes are joined with ；) and the text without them."""
    notes = [m.group(1).strip() for m in _NOTE.finditer(text) if m.group(1).strip()]
    return ("；".join(notes) or None), _NOTE.sub(" ", text)


def find_address(text: str) -> Address:
    """Building and room as written: 9栋1203, 7号楼3单元402, 二期9幢, 8-1203, 8-3-1203."""
    match = _BUILDING_WORD.search(text)
    if match:
        room = _ROOM_AFTER.match(text, match.end())
        end = room.end() if room else match.end()
        return Address(match.group(), _clean(room.group(1)) if room else None, (match.start(), end))
    dash = _DASH.search(text)
    if dash:
        return Address(dash.group(1), dash.group(2), dash.span())
    return Address(None, None, None)


def take_address(text: str) -> tuple[Address, str]:
    address = find_address(text)
    return address, (_blank(text, address.span) if address.span else text)


def building_key(building: str | None) -> str:
    """One key per building for delivery: 8, 8栋, 8幢 and 8号楼 group together; 二期8幢 stays apart."""
    if not building:
        return "未写楼号"
    for word in ("号楼", "栋", "幢", "座", "楼"):
        if building.endswith(word):
            building = building[: -len(word)]
            break
    return building + ("座" if building[-1:].isalpha() and building[-1:].isascii() else "栋")


def _blank(text: str, span: tuple[int, int]) -> str:
    return text[: span[0]] + " " + text[span[1]:]


def _clean(room: str) -> str:
    return room.replace(" ", "")
