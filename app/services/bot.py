"""The group-bot webhook: signature, freshness, idempotency, mention filter and per-group rate limit."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from collections import defaultdict, deque

from app.context import AppContext
from app.errors import ApiError
from app.services.ask import ask
from app.store.tenants import Tenant


def sign(secret: str, ts: str, body: bytes) -> str:
    """HMAC-SHA256 over `ts + "." + raw body`, hex; what a chat bridge sends as X-Wutong-Signature."""
    return hmac.new(secret.encode(), ts.encode() + b"." + body, hashlib.sha256).hexdigest()


def format_ts(ts: float) -> str:
    """The message's ts as signed: integer seconds print without a decimal point."""
    return str(int(ts)) if float(ts).is_integer() else repr(float(ts))


def verify(tenant: Tenant, signature: str | None, msg_ts: float, body: bytes, max_skew_s: int) -> None:
    if not signature:
        raise ApiError(401, "unsigned", "缺少签名：需要 X-Wutong-Signature")
    if abs(time.time() - msg_ts) > max_skew_s:
        raise ApiError(401, "stale", "消息时间戳超出 5 分钟，已拒绝（可能是重放）")
    expected = sign(tenant.bot_secret, format_ts(msg_ts), body)
    if not hmac.compare_digest(expected, signature.removeprefix("sha256=").strip().lower()):
        raise ApiError(401, "bad_signature", "签名不正确")


class RateLimiter:
    """A sliding window of answered messages per (tenant, group)."""

    def __init__(self) -> None:
        self._seen: dict[tuple[str, str], deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def allow(self, key: tuple[str, str], limit: int, window_s: float = 60.0) -> bool:
        now = time.monotonic()
        with self._lock:
            times = self._seen[key]
            while times and now - times[0] > window_s:
                times.popleft()
            if len(times) >= limit:
                return False
            times.append(now)
            return True


def addressed_question(text: str, mentions: list[str]) -> str | None:
    """The question if the message is addressed to the bot (a mention or keyword), else None."""
    for mention in mentions:
        if mention and mention in text:
            return text.replace(mention, " ").strip(" ，,：:") or None
    return None


def stored_reply(ctx: AppContext, tenant_id: str, msg_id: str) -> dict | None:
    with ctx.db.connect() as conn:
        row = conn.execute("SELECT reply FROM bot_messages WHERE tenant_id = ? AND msg_id = ?",
                           (tenant_id, msg_id)).fetchone()
    return json.loads(row["reply"]) if row else None


def store_reply(ctx: AppContext, tenant_id: str, msg_id: str, reply: dict) -> dict:
    """First writer wins, so two concurrent deliveries of one message share one answer."""
    with ctx.db.transaction() as conn:
        conn.execute("INSERT OR IGNORE INTO bot_messages VALUES (?, ?, ?, ?)",
                     (tenant_id, msg_id, json.dumps(reply, ensure_ascii=False), time.time()))
    return stored_reply(ctx, tenant_id, msg_id)


def handle_message(ctx: AppContext, tenant: Tenant, limiter: RateLimiter, msg) -> dict:
    if (previous := stored_reply(ctx, tenant.id, msg.msg_id)) is not None:
        return previous
    options = ctx.settings.bot
    question = addressed_question(msg.text, options.mentions)
    if question is None:
        return {"reply": None, "sources": [], "handoff": False, "ignored": True}
    if not limiter.allow((tenant.id, msg.group_id), options.rate_per_minute):
        raise ApiError(429, "rate_limited", "这个群提问太频繁了，请稍后再问", {"Retry-After": "60"})
    answer = ask(ctx, tenant.id, question, msg.group_id)
    reply = {"reply": answer.answer, "handoff": answer.handoff, "ignored": False,
             "sources": [{"id": s.id, "title": s.title, "kind": s.kind, "score": s.score, "snippet": s.snippet}
                         for s in answer.sources]}
    return store_reply(ctx, tenant.id, msg.msg_id, reply)
