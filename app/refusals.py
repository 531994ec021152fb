"""A client that ignores Retry-After is refused again for the price of its headers.

A per-minute limit that refused a request (questions, uploads) refuses every request of that tenant
until its oldest counted request leaves the window: nothing else can free the slot. So the refusal is
remembered by the request's credential (its Authorization header) and path group, and until then this
pure ASGI middleware answers the same 429 before routing, before the key is looked up in the database
and before the body is read. Under a flood of retries this is most of what one tenant can make the
service do (measured in benchmarks/tenant_load.py).

Only these deterministic rate limits are remembered; a refusal that waiting may end sooner (jobs
queued, a question in progress) is decided by the route every time.
"""

from __future__ import annotations

import hashlib
import math
import threading
import time

from starlette.types import ASGIApp, Receive, Scope, Send

from app.errors import error_response

# path group of each rate-limited POST endpoint, and the refusal code that closes it
GROUP_OF_PATH = {"/v1/ask": "ask", "/v1/recordings": "uploads", "/v1/audio/transcriptions": "uploads"}
GROUP_OF_CODE = {"too_many_questions": "ask", "too_many_uploads": "uploads"}


class RefusalMemory:
    def __init__(self) -> None:
        self._closed: dict[tuple[str, str], tuple[float, str, str]] = {}
        self._lock = threading.Lock()

    def remember(self, authorization: str, code: str, message: str, retry_after_s: float) -> None:
        if (group := GROUP_OF_CODE.get(code)) is None or not authorization:
            return
        with self._lock:
            if len(self._closed) > 10_000:  # forget the expired ones; bounded by live floods, not history
                now = time.monotonic()
                self._closed = {k: v for k, v in self._closed.items() if v[0] > now}
            self._closed[(_digest(authorization), group)] = (time.monotonic() + retry_after_s, code, message)

    def refusal(self, authorization: str, group: str) -> tuple[int, str, str] | None:
        """(seconds left, code, message) while this credential's group is closed."""
        with self._lock:
            closed = self._closed.get((_digest(authorization), group))
        if closed is None or (left := closed[0] - time.monotonic()) <= 0:
            return None
        return max(1, math.ceil(left)), closed[1], closed[2]


def _digest(authorization: str) -> str:
    return hashlib.sha256(authorization.encode("utf-8", "replace")).hexdigest()


class RefusalGate:
    def __init__(self, app: ASGIApp, memory: RefusalMemory) -> None:
        self.app, self.memory = app, memory

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST" and (group := GROUP_OF_PATH.get(scope["path"])):
            authorization = dict(scope.get("headers") or []).get(b"authorization", b"").decode("latin-1")
            if authorization and (refused := self.memory.refusal(authorization, group)):
                left, code, message = refused
                await error_response(429, code, message, {"Retry-After": str(left)})(scope, receive, send)
                return
        await self.app(scope, receive, send)
