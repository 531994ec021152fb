"""Text files from leaders' tools arrive as UTF-8 (with or without BOM) or GBK (Excel on Windows)."""

from __future__ import annotations

from pipelines.errors import InvalidInput


def decode_text(data: bytes, what: str, code: str = "invalid_input") -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InvalidInput(f"{what}不是 UTF-8 或 GBK 文本", code=code)
