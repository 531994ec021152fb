"""The group-bot webhook: signature, freshness, idempotency, mention filter and per-group rate limit."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import re
import time
import weakref

from app.context import AppContext
from app.errors import InvalidRequest, RateLimited, Unauthorized
from app.services.ask import ask
from app.store import bot_messages as store
from app.store.tenants import Tenant, get_tenant


def sign(secret: str, ts: str, body: bytes) -> str:
    """HMAC-SHA256 over `ts + "." + raw body`, hex; what a chat bridge sends as X-Wutong-Signature."""
    return hmac.new(secret.encode(), ts.encode() + b"." + body, hashlib.sha256).hexdigest()


def format_ts(ts: float) -> str:
    """The message's ts as signed: integer seconds print without a decimal point."""
    return str(int(ts)) if float(ts).is_integer() else repr(float(ts))


def webhook_tenant(ctx: AppContext, tenant_id: str | None) -> Tenant:
    tenant = get_tenant(ctx.db, tenant_id or "")
    if tenant is None:
        raise Unauthorized("X-Wutong-Tenant 不对", code="unknown_tenant")
    return tenant


# The signed `ts`, read from the raw body without parsing it: the signature is checked before any JSON
# from an unauthenticated sender is parsed (bounded, linear-time pattern).
_TS = re.compile(rb'"ts"\s{0,8}:\s{0,8}(-?\d{1,20}(?:\.\d{1,20})?(?:[eE][-+]?\d{1,4})?)')


def signed_ts(body: bytes) -> float:
    found = _TS.search(body)
    if found is None:
        raise InvalidRequest("消息缺少时间戳 ts", code="invalid_request")
    return float(found.group(1))


def verify(tenant: Tenant, signature: str | None, msg_ts: float, body: bytes, max_skew_s: int) -> None:
    if not signature:
        raise Unauthorized("缺少签名：需要 X-Wutong-Signature", code="unsigned")
    if not signature.isascii():  # compare_digest raises TypeError on non-ASCII text: a 500 otherwise
        raise Unauthorized("签名不正确", code="bad_signature")
    if not abs(time.time() - msg_ts) <= max_skew_s:  # written so that a NaN ts is stale too
        raise Unauthorized("消息时间戳超出 5 分钟，已拒绝（可能是重放）", code="stale")
    expected = sign(tenant.bot_secret, format_ts(msg_ts), body)
    if not hmac.compare_digest(expected, signature.removeprefix("sha256=").strip().lower()):
        raise Unauthorized("签名不正确", code="bad_signature")


def addressed_question(text: str, mentions: list[str]) -> str | None:
    """The question if the message is addressed to the bot (a mention or keyword), else None."""
    for mention in mentions:
        if mention and mention in text:
            return text.replace(mention, " ").strip(" ，,：:") or None
    return None


class GroupGates:
    """An asyncio lock per (tenant, group), forgotten once no request holds or waits for it."""

    def __init__(self) -> None:
        self._locks: weakref.WeakValueDictionary[tuple[str, str], asyncio.Lock] = weakref.WeakValueDictionary()

    def gate(self, tenant_id: str, group_id: str) -> asyncio.Lock:
        key = (tenant_id, group_id)
        lock = self._locks.get(key)
        if lock is None:
            lock = self._locks[key] = asyncio.Lock()
        return lock


def handle_message(ctx: AppContext, tenant: Tenant, msg) -> dict:
    if (previous := store.stored_reply(ctx.db, tenant.id, msg.msg_id)) is not None:
        return previous
    options = ctx.settings.bot
    question = addressed_question(msg.text, options.mentions)
    if question is None:
        return {"reply": None, "sources": [], "handoff": False, "ignored": True}
    if not ctx.bot_limiter.allow((tenant.id, msg.group_id), options.rate_per_minute):
        raise RateLimited("这个群提问太频繁了，请稍后再问")
    answer = ask(ctx, tenant.id, question, msg.group_id)
    reply = {"reply": answer.answer, "handoff": answer.handoff, "ignored": False,
             "sources": [{"id": s.id, "title": s.title, "kind": s.kind, "score": s.score, "snippet": s.snippet}
                         for s in answer.sources]}
    return store.store_reply(ctx.db, tenant.id, msg.msg_id, reply)


def bot_config(ctx: AppContext, tenant: Tenant) -> dict:
    """What a chat bridge needs: the tenant id and the signing secret."""
    return {"tenant_id": tenant.id, "bot_secret": tenant.bot_secret, "mentions": ctx.settings.bot.mentions,
            "rate_per_minute": ctx.settings.bot.rate_per_minute}
