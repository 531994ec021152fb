"""Live comments (danmaku) of a stream: Bilibili XML, CSV or JSONL with `time` seconds and `text`.

The format is sniffed from the content (the extension is only a hint). A malformed line or
element is skipped and counted, never fatal. XML is scanned element by element with a regular
expression instead of an XML parser, so a hostile document can declare no entities to expand.
"""

from __future__ import annotations

import csv
import html
import io
import json
import math
import re
from dataclasses import dataclass, field
from typing import Literal

from pipelines.errors import InvalidInput, TooLarge
from pipelines.textio import decode_text

MAX_BYTES = 20 * 1024 * 1024
MAX_TEXT_CHARS = 200
CommentFormat = Literal["bilibili_xml", "csv", "jsonl"]

_D_ELEMENT = re.compile(r"<d\b([^>]*)>(.*?)</d\s*>", re.S)
_D_OPEN = re.compile(r"<d\b")
_P_ATTR = re.compile(r"""\bp\s*=\s*(["'])(.*?)\1""", re.S)
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Comment:
    time: float  # seconds from the start of the stream
    text: str
    user: str = ""


@dataclass
class CommentParseResult:
    comments: list[Comment] = field(default_factory=list)
    skipped: int = 0
    format: CommentFormat = "jsonl"


def parse_time(value: object) -> float | None:
    """Seconds from `83.5`, `"83.5"`, `"1:23.5"` or `"01:01:23"`; None when not a usable time."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        if isinstance(value, (int, float)):
            seconds = float(value)
        else:
            parts = [float(p) for p in str(value).strip().split(":")]
            if not 1 <= len(parts) <= 3:
                return None
            seconds = sum(p * 60**i for i, p in enumerate(reversed(parts)))
    except ValueError:
        return None
    return seconds if math.isfinite(seconds) and seconds >= 0 else None


def _comment(time: object, text: object, user: object = "") -> Comment | None:
    seconds = parse_time(time)
    clean = str(text).strip()[:MAX_TEXT_CHARS] if isinstance(text, (str, int, float)) else ""
    if seconds is None or not clean:
        return None
    return Comment(round(seconds, 3), clean, "" if user is None else str(user).strip())


def sniff_format(text: str, filename: str = "") -> CommentFormat:
    head = text.lstrip()[:512]
    if head.startswith("<"):
        return "bilibili_xml"
    if head.startswith(("{", "[")):
        return "jsonl"
    if filename.lower().endswith(".xml"):
        return "bilibili_xml"
    return "csv"


def _parse_xml(text: str) -> tuple[list[Comment], int]:
    comments: list[Comment] = []
    for attrs, body in _D_ELEMENT.findall(text):
        p = _P_ATTR.search(attrs)
        fields = p.group(2).split(",") if p else []
        user = fields[6] if len(fields) > 6 else ""
        parsed = _comment(fields[0] if fields else None, html.unescape(_TAG.sub("", body)), user)
        if parsed:
            comments.append(parsed)
    return comments, len(_D_OPEN.findall(text)) - len(comments)


def _parse_jsonl(text: str) -> tuple[list[Comment], int]:
    stripped = text.strip()
    if stripped.startswith("["):  # a plain JSON array is accepted too
        try:
            rows = json.loads(stripped)
        except json.JSONDecodeError:
            rows = None
        if isinstance(rows, list):
            return _from_rows(rows)
    rows = []
    for line in filter(None, (raw.strip() for raw in text.splitlines())):
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError:
            rows.append(None)
    return _from_rows(rows)


def _parse_csv(text: str) -> tuple[list[Comment], int]:
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    if "time" not in header or "text" not in header:
        raise InvalidInput("评论 CSV 需要表头 time,text（可选 user）", code="invalid_comments")
    reader.fieldnames = header
    return _from_rows(list(reader))


def _from_rows(rows: list[object]) -> tuple[list[Comment], int]:
    comments: list[Comment] = []
    skipped = 0
    for row in rows:
        parsed = _comment(row.get("time"), row.get("text"), row.get("user", "")) if isinstance(row, dict) else None
        if parsed:
            comments.append(parsed)
        else:
            skipped += 1
    return comments, skipped


_PARSERS = {"bilibili_xml": _parse_xml, "jsonl": _parse_jsonl, "csv": _parse_csv}


def parse_comments(data: bytes, filename: str = "comments.jsonl") -> CommentParseResult:
    """Parse an uploaded comment file; comments come back sorted by time."""
    if len(data) > MAX_BYTES:
        raise TooLarge(f"评论文件超过 {MAX_BYTES // (1024 * 1024)} MB")
    text = decode_text(data, "评论文件", code="invalid_comments")
    fmt = sniff_format(text, filename)
    comments, skipped = _PARSERS[fmt](text)
    comments.sort(key=lambda c: c.time)
    return CommentParseResult(comments=comments, skipped=max(0, skipped), format=fmt)
