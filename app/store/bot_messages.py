"""Replies the group bot gave, by message id: a redelivered message gets the same reply."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from app.store.db import Database
from app.store.schema import bot_messages
from app.store.sql import now, upsert


def stored_reply(db: Database, tenant_id: str, msg_id: str) -> dict[str, Any] | None:
    query = select(bot_messages.c.reply).where(bot_messages.c.tenant_id == tenant_id, bot_messages.c.msg_id == msg_id)
    with db.read() as conn:
        return conn.execute(query).scalar()


def store_reply(db: Database, tenant_id: str, msg_id: str, reply: dict[str, Any]) -> dict[str, Any]:
    """First writer wins, so two concurrent deliveries of one message share one answer."""
    row = {"tenant_id": tenant_id, "msg_id": msg_id, "reply": reply, "created_at": now()}
    with db.write() as conn:
        upsert(conn, bot_messages, row, ["tenant_id", "msg_id"])
    return stored_reply(db, tenant_id, msg_id)
