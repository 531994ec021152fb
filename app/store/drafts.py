"""Drafts (scripts and copy) per tenant, so a leader can come back and revise them."""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass
from typing import Any

from app.store.db import Database


@dataclass(frozen=True)
class Draft:
    id: str
    kind: str  # script | announcement | product_blurb | follow_up | clip_caption
    title: str
    request: dict[str, Any]
    content: dict[str, Any]  # the structured draft as generated (script segments, flags, grounding)
    text: str  # what the leader sees and edits: Markdown for scripts, the post for copy
    created_at: float
    updated_at: float


def _draft(row) -> Draft | None:
    if row is None:
        return None
    data = dict(row)
    data.pop("tenant_id")
    return Draft(**{**data, "request": json.loads(data["request"]), "content": json.loads(data["content"])})


def create_draft(db: Database, tenant_id: str, kind: str, title: str, request: dict, content: dict, text: str) -> Draft:
    now, draft_id = time.time(), uuid.uuid4().hex[:16]
    with db.transaction() as conn:
        conn.execute("INSERT INTO drafts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (draft_id, tenant_id, kind, title, json.dumps(request, ensure_ascii=False),
                      json.dumps(content, ensure_ascii=False), text, now, now))
    return get_draft(db, tenant_id, draft_id)


def get_draft(db: Database, tenant_id: str, draft_id: str) -> Draft | None:
    with db.connect() as conn:
        return _draft(conn.execute("SELECT * FROM drafts WHERE tenant_id = ? AND id = ?", (tenant_id, draft_id)).fetchone())


def list_drafts(db: Database, tenant_id: str, limit: int = 100) -> list[Draft]:
    with db.connect() as conn:
        rows = conn.execute("SELECT * FROM drafts WHERE tenant_id = ? ORDER BY updated_at DESC LIMIT ?",
                            (tenant_id, limit)).fetchall()
    return [_draft(r) for r in rows]


def update_draft(db: Database, tenant_id: str, draft_id: str, *, text: str, title: str | None = None) -> Draft | None:
    with db.transaction() as conn:
        conn.execute("UPDATE drafts SET text = ?, title = COALESCE(?, title), updated_at = ? WHERE tenant_id = ? AND id = ?",
                     (text, title, time.time(), tenant_id, draft_id))
    return get_draft(db, tenant_id, draft_id)
