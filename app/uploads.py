"""Stream a multipart upload straight to disk, hashing and counting as it goes.

Starlette's form parser spools the whole body before the route runs, so a 3 GB file over
the limit would be written out before we could refuse it. Here the limit is enforced on the
fly and nothing partial stays on disk after a rejection.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import Request

from pipelines.errors import InvalidInput, TooLarge


@dataclass
class UploadedFile:
    path: Path
    filename: str
    size: int
    sha256: str


@dataclass
class _PartState:
    headers: dict[str, bytes] = field(default_factory=dict)
    header_field: bytes = b""
    header_value: bytes = b""
    name: str = ""
    filename: str | None = None
    value: bytearray = field(default_factory=bytearray)


class StreamingUpload:
    """Parses one request: the file field `file_field` goes to disk, small fields to memory."""

    MAX_FIELD_BYTES = 64 * 1024
    MAX_PARTS = 20  # the file and its few small fields; a form with thousands of parts is an attack
    MAX_HEADER_BYTES = 8 * 1024  # one part's headers

    def __init__(self, tmp_dir: Path, max_bytes: int, file_field: str = "file") -> None:
        self.tmp_dir, self.max_bytes, self.file_field = tmp_dir, max_bytes, file_field
        self.fields: dict[str, list[str]] = {}
        self.file: UploadedFile | None = None
        self._part = _PartState()
        self._out = None
        self._hash = hashlib.sha256()
        self._size = 0
        self._path: Path | None = None
        self._parts = 0

    async def parse(self, request: Request) -> StreamingUpload:
        content_type, params = parse_options_header(request.headers.get("content-type", ""))
        if content_type != b"multipart/form-data" or b"boundary" not in params:
            raise InvalidInput("请用 multipart/form-data 上传文件（字段名 file）", code="expected_multipart")
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes + 64 * 1024:
            raise TooLarge(f"文件超过上限 {self.max_bytes // (1024 * 1024)} MB")
        parser = MultipartParser(params[b"boundary"], self._callbacks())
        try:
            async for chunk in request.stream():
                parser.write(chunk)
            parser.finalize()
        except BaseException:
            self.discard()
            raise
        finally:
            if self._out:
                self._out.close()
        if self.file is None:
            self.discard()
            raise InvalidInput("没有收到文件：请用字段名 file 上传", code="missing_file")
        if self.file.size == 0:
            self.discard()
            raise InvalidInput("上传的文件是空的", code="empty_file")
        return self

    def read_and_discard(self) -> bytes:
        """The file's bytes (for small kinds: comments, documents, catalogs); the temp file is removed."""
        try:
            return self.file.path.read_bytes()
        finally:
            self.discard()

    def field(self, name: str, default: str | None = None) -> str | None:
        values = self.fields.get(name)
        return values[-1] if values else default

    def discard(self) -> None:
        if self._out:
            self._out.close()
        if self._path:
            self._path.unlink(missing_ok=True)

    def _callbacks(self) -> dict:
        return {
            "on_part_begin": self._on_part_begin,
            "on_header_field": lambda d, s, e: self._add_header("header_field", d, s, e),
            "on_header_value": lambda d, s, e: self._add_header("header_value", d, s, e),
            "on_header_end": self._on_header_end,
            "on_headers_finished": self._on_headers_finished,
            "on_part_data": self._on_part_data,
            "on_part_end": self._on_part_end,
        }

    def _on_part_begin(self) -> None:
        self._parts += 1
        if self._parts > self.MAX_PARTS:
            raise InvalidInput(f"表单字段太多（最多 {self.MAX_PARTS} 个）", code="too_many_fields")
        self._part = _PartState()

    def _add_header(self, attr: str, data: bytes, start: int, end: int) -> None:
        value = getattr(self._part, attr) + data[start:end]
        if len(value) > self.MAX_HEADER_BYTES:
            raise InvalidInput("表单字段的头部太长", code="field_too_long")
        setattr(self._part, attr, value)

    def _on_header_end(self) -> None:
        self._part.headers[self._part.header_field.decode("latin-1").lower()] = self._part.header_value
        self._part.header_field, self._part.header_value = b"", b""

    def _on_headers_finished(self) -> None:
        _, options = parse_options_header(self._part.headers.get("content-disposition", b""))
        self._part.name = options.get(b"name", b"").decode("utf-8", "replace")
        if b"filename" in options:
            self._part.filename = options[b"filename"].decode("utf-8", "replace")
        if self._part.name == self.file_field and self._path is not None:
            raise InvalidInput("一次只能上传一个文件（字段 file）", code="too_many_files")
        if self._part.name == self.file_field:
            self.tmp_dir.mkdir(parents=True, exist_ok=True)
            self._path = self.tmp_dir / f"upload-{uuid.uuid4().hex}.part"
            self._out = self._path.open("wb")

    def _on_part_data(self, data: bytes, start: int, end: int) -> None:
        chunk = data[start:end]
        if self._part.name == self.file_field and self._out is not None and self.file is None:
            self._size += len(chunk)
            if self._size > self.max_bytes:
                raise TooLarge(f"文件超过上限 {self.max_bytes // (1024 * 1024)} MB")
            self._hash.update(chunk)
            self._out.write(chunk)
        else:
            self._part.value.extend(chunk)
            if len(self._part.value) > self.MAX_FIELD_BYTES:
                raise InvalidInput(f"表单字段 {self._part.name} 太长", code="field_too_long")

    def _on_part_end(self) -> None:
        if self._part.name == self.file_field and self._out is not None and self.file is None:
            self._out.close()
            self._out = None
            self.file = UploadedFile(self._path, self._part.filename or "upload", self._size, self._hash.hexdigest())
        elif self._part.name:
            self.fields.setdefault(self._part.name, []).append(self._part.value.decode("utf-8", "replace"))


def multipart_body(file_description: str, **fields: str) -> dict:
    """`openapi_extra` documenting a multipart upload that its route parses itself (with StreamingUpload,
    so FastAPI cannot see it): the `file` part and the optional text fields, name -> description."""
    properties = {"file": {"type": "string", "format": "binary", "description": file_description}}
    properties |= {name: {"type": "string", "description": text} for name, text in fields.items()}
    schema = {"type": "object", "required": ["file"], "properties": properties}
    return {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": schema}}}}

