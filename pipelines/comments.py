"""Live comments (danmaku) of a stream: Bilibili XML, CSV or JSONL with `time` seconds and `text`.

The format is sniffed from the content (the extension is only a hint). A malformed line or
element is skipped and counted, never fatal. Every format parses in linear time: XML goes through
expat (a streaming parser) with entity declarations refused, so a hostile document can expand
nothing; a document expat rejects (real exports hold stray control characters or cut-off lines) is
read again one line at a time, each line on its own, so one bad line costs only itself.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from dataclasses import dataclass, field
from typing import Literal
from xml.parsers import expat

from pipelines.errors import InvalidInput, TooLarge
from pipelines.textio import decode_text

MAX_BYTES = 20 * 1024 * 1024
MAX_TEXT_CHARS = 200
CommentFormat = Literal["bilibili_xml", "csv", "jsonl"]

MAX_CSV_FIELD_CHARS = 128 * 1024  # the csv module's own default field_size_limit
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # one character at a time: linear
_XML_DECL = re.compile(r"^\s*<\?xml[^>]{0,200}\?>")


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


class _EntitiesRefused(Exception):
    pass


class _DanmakuCollector:
    """expat callbacks: each <d p="time,...,user,..."> element becomes a comment candidate."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str]] = []
        self._p: str | None = None
        self._text: list[str] = []

    def parser(self) -> expat.XMLParserType:
        parser = expat.ParserCreate("utf-8")
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.EntityDeclHandler = self._refuse
        parser.UnparsedEntityDeclHandler = self._refuse
        parser.ExternalEntityRefHandler = self._refuse
        parser.StartElementHandler, parser.EndElementHandler = self._start, self._end
        parser.CharacterDataHandler = self._data
        return parser

    def _refuse(self, *_: object) -> None:
        raise _EntitiesRefused()

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        if name == "d":
            self._p, self._text = attrs.get("p", ""), []

    def _data(self, data: str) -> None:
        if self._p is not None:
            self._text.append(data)

    def _end(self, name: str) -> None:
        if name == "d" and self._p is not None:
            self.rows.append((self._p, "".join(self._text)))
            self._p = None


def _xml_rows(text: str) -> tuple[list[tuple[str, str]], int] | None:
    """All <d> elements of a well-formed document; None when expat rejects it."""
    collector = _DanmakuCollector()
    try:
        collector.parser().Parse(text, True)
    except expat.ExpatError:
        return None
    return collector.rows, 0


def _xml_rows_by_line(text: str) -> tuple[list[tuple[str, str]], int]:
    """Each line parsed on its own inside a wrapper: a line that is not well-formed is skipped whole."""
    rows: list[tuple[str, str]] = []
    lost = 0
    for line in text.splitlines():
        start, end = line.find("<d"), line.rfind("</d>")
        if start < 0:
            continue
        collector = _DanmakuCollector()  # only the <d> elements of the line: not the <i> around them
        try:
            collector.parser().Parse(f"<line>{line[start:end + 4] if end > start else line[start:]}</line>", True)
            rows.extend(collector.rows)
        except expat.ExpatError:
            lost += max(1, line.count("<d ") + line.count("<d>"))
    return rows, lost


def _parse_xml(text: str) -> tuple[list[Comment], int]:
    text = _XML_ILLEGAL.sub("", text)
    try:
        rows, lost = _xml_rows(text) or _xml_rows_by_line(_XML_DECL.sub("", text))
    except _EntitiesRefused:
        raise InvalidInput("评论文件里有 XML 实体声明，已拒绝（弹幕文件不需要实体）", code="xml_entities_refused") from None
    comments: list[Comment] = []
    for p, body in rows:
        fields = p.split(",")
        parsed = _comment(fields[0] if fields and fields[0] else None, body, fields[6] if len(fields) > 6 else "")
        if parsed:
            comments.append(parsed)
    return comments, lost + len(rows) - len(comments)


def _json(text: str) -> object:
    """One JSON value; None when it is not JSON. Nesting too deep for the parser is refused, not a crash."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return None
    except RecursionError:
        raise InvalidInput("评论 JSON 嵌套太深，无法读取", code="invalid_comments") from None


def _parse_jsonl(text: str) -> tuple[list[Comment], int]:
    stripped = text.strip()
    if stripped.startswith("["):  # a plain JSON array is accepted too
        rows = _json(stripped)
        if isinstance(rows, list):
            return _from_rows(rows)
    return _from_rows([_json(line) for line in filter(None, (raw.strip() for raw in text.splitlines()))])


def _parse_csv(text: str) -> tuple[list[Comment], int]:
    reader = csv.DictReader(io.StringIO(text))
    try:
        header = [h.strip().lower() for h in reader.fieldnames or []]
        if "time" not in header or "text" not in header:
            raise InvalidInput("评论 CSV 需要表头 time,text（可选 user）", code="invalid_comments")
        reader.fieldnames = header
        return _from_rows(list(reader))
    except csv.Error:  # a field longer than the csv module's limit, a NUL byte: not a comment sheet
        raise InvalidInput(f"评论 CSV 格式有误（单个字段最多 {MAX_CSV_FIELD_CHARS // 1024} KB 字符）",
                           code="invalid_comments") from None


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
