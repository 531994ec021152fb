"""Drafts (scripts and copy) per tenant, so a leader can come back and revise them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update

from app.store.db import Database
from app.store.schema import drafts
from app.store.sql import new_id, now, row_as, rows_as

QUOTED = ("transcript_excerpt", "recording_summary", "highlight_title", "highlight_kind")  # request.context keys


@dataclass(frozen=True)
class Draft:
    id: str
    kind: str  # script | announcement | product_blurb | follow_up | clip_caption
    title: str
    request: dict[str, Any]
    content: dict[str, Any]  # the structured draft as generated (script segments, flags, grounding)
    text: str  # what the leader sees and edits: Markdown for scripts, the post for copy
    recording_id: str | None  # the recording the draft quoted, while it exists
    highlight_id: str | None
    created_at: float
    updated_at: float


def _owned(tenant_id: str):
    return select(drafts).where(drafts.c.tenant_id == tenant_id)


def create_draft(db: Database, tenant_id: str, kind: str, title: str, request: dict, content: dict, text: str,
                 *, recording_id: str | None = None, highlight_id: str | None = None) -> Draft:
    draft_id, ts = new_id(), now()
    with db.write() as conn:
        conn.execute(drafts.insert().values(id=draft_id, tenant_id=tenant_id, kind=kind, title=title, request=request,
                                            content=content, text=text, recording_id=recording_id,
                                            highlight_id=highlight_id, created_at=ts, updated_at=ts))
    return get_draft(db, tenant_id, draft_id)


def get_draft(db: Database, tenant_id: str, draft_id: str) -> Draft | None:
    with db.read() as conn:
        return row_as(Draft, conn.execute(_owned(tenant_id).where(drafts.c.id == draft_id)).first(), ("tenant_id",))


def list_drafts(db: Database, tenant_id: str, limit: int = 100) -> list[Draft]:
    with db.read() as conn:
        rows = conn.execute(_owned(tenant_id).order_by(drafts.c.updated_at.desc()).limit(limit))
        return rows_as(Draft, rows, ("tenant_id",))


def list_recording_drafts(db: Database, tenant_id: str, recording_id: str) -> list[Draft]:
    """Drafts that quote the recording, oldest first (a kit's follow-up and captions)."""
    with db.read() as conn:
        rows = conn.execute(_owned(tenant_id).where(drafts.c.recording_id == recording_id)
                            .order_by(drafts.c.created_at))
        return rows_as(Draft, rows, ("tenant_id",))


def update_draft(db: Database, tenant_id: str, draft_id: str, *, text: str, title: str | None = None) -> Draft | None:
    query = update(drafts).where(drafts.c.tenant_id == tenant_id, drafts.c.id == draft_id)
    with db.write() as conn:
        conn.execute(query.values(text=text, title=func.coalesce(title, drafts.c.title), updated_at=now()))
    return get_draft(db, tenant_id, draft_id)


def forget_recording(conn, tenant_id: str, recording_id: str) -> None:
    """The recording is being deleted: drafts keep the leader's text but drop what they quoted from it."""
    quoting = conn.execute(select(drafts.c.id, drafts.c.request).where(
        drafts.c.tenant_id == tenant_id, drafts.c.recording_id == recording_id)).all()
    for draft_id, request in quoting:
        context = {k: v for k, v in (request.get("context") or {}).items() if k not in QUOTED}
        conn.execute(update(drafts).where(drafts.c.id == draft_id).values(
            request={**request, "context": context}, recording_id=None, highlight_id=None))
