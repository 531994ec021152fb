"""Request bodies are capped before they are read: by Content-Length when it is declared, and by
counting the bytes as they arrive when it is not (chunked transfer encoding).

A JSON (or any non-upload) body may be `limits.request_body_mb`; a multipart upload may be as large as
the largest upload kind, and the upload parser (app/uploads.py) then holds each kind to its own limit.
"""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.config_sections import MB
from app.errors import error_response

MULTIPART_OVERHEAD = 64 * 1024  # boundaries and the small fields around the file
TOO_LARGE = "请求内容太大（上限 {limit}），请缩小后再提交"


def _size(limit: int) -> str:
    return f"{limit // MB} MB" if limit >= MB else f"{limit // 1024} KB"


class BodyLimit:
    """Pure ASGI middleware (it must not read the body itself, or uploads would be spooled to memory)."""

    def __init__(self, app: ASGIApp, json_limit: int, upload_limit: int) -> None:
        self.app, self.json_limit, self.upload_limit = app, json_limit, upload_limit + MULTIPART_OVERHEAD

    def limit_for(self, scope: Scope) -> int:
        headers = dict(scope.get("headers") or [])
        is_upload = headers.get(b"content-type", b"").lower().startswith(b"multipart/form-data")
        return self.upload_limit if is_upload else self.json_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope)
        declared = dict(scope.get("headers") or []).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > limit:
            await self._refuse(limit, scope, receive, send)
            return
        await self.app(scope, self._counting(receive, limit), send)

    def _counting(self, receive: Receive, limit: int) -> Receive:
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:  # an HTTPException: FastAPI's own body reading passes it through unchanged
                    raise HTTPException(413, TOO_LARGE.format(limit=_size(limit)))
            return message

        return counted

    async def _refuse(self, limit: int, scope: Scope, receive: Receive, send: Send) -> None:
        response = error_response(413, "too_large", TOO_LARGE.format(limit=_size(limit)), {"Connection": "close"})
        await response(scope, receive, send)
