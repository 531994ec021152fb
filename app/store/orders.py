"""Pasted 接龙 and their parses, per tenant. Pasting again for the same recording adds a version and
makes it current; earlier versions stay readable (the leader can see what changed)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update

from app.store.db import Database
from app.store.schema import jielong_orders as table
from app.store.sql import new_id, now, row_as, rows_as


@dataclass(frozen=True)
class StoredJielong:
    id: str
    recording_id: str | None
    version: int
    current: bool
    text: str  # phone numbers masked
    result: dict[str, Any]
    created_at: float


def _owned(tenant_id: str):
    return select(table).where(table.c.tenant_id == tenant_id)


def save_jielong(db: Database, tenant_id: str, recording_id: str | None, text: str,
                 result: dict[str, Any]) -> StoredJielong:
    """A new version for the recording (the previous one stops being current), or a standalone paste."""
    jielong_id = new_id()
    with db.write() as conn:
        version = 1
        if recording_id:
            same = (table.c.tenant_id == tenant_id) & (table.c.recording_id == recording_id)
            version = (conn.execute(select(func.max(table.c.version)).where(same)).scalar() or 0) + 1
            conn.execute(update(table).where(same).values(current=False))
        conn.execute(table.insert().values(id=jielong_id, tenant_id=tenant_id, recording_id=recording_id,
                                           version=version, current=True, text=text, result=result,
                                           created_at=now()))
    return get_jielong(db, tenant_id, jielong_id)


def get_jielong(db: Database, tenant_id: str, jielong_id: str) -> StoredJielong | None:
    with db.read() as conn:
        row = conn.execute(_owned(tenant_id).where(table.c.id == jielong_id)).first()
        return row_as(StoredJielong, row, ("tenant_id",))


def list_jielong(db: Database, tenant_id: str, recording_id: str | None = None, *, history: bool = False,
                 limit: int = 100) -> list[StoredJielong]:
    """Newest first: current versions only, unless `history`; one recording's when given."""
    query = _owned(tenant_id)
    if recording_id:
        query = query.where(table.c.recording_id == recording_id)
    if not history:
        query = query.where(table.c.current.is_(True))
    with db.read() as conn:
        rows = conn.execute(query.order_by(table.c.created_at.desc(), table.c.version.desc()).limit(limit))
        return rows_as(StoredJielong, rows, ("tenant_id",))
