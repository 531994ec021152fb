"""Questions the knowledge base could not answer, for the leader to fill."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass

from app.store.db import Database


@dataclass(frozen=True)
class Gap:
    id: str
    question: str
    group_id: str | None
    asked: int
    status: str  # open | answered
    answer_doc_id: str | None
    created_at: float
    updated_at: float


def record_gap(db: Database, tenant_id: str, question: str, group_id: str | None) -> None:
    """Log a gap; the same question asked again counts up instead of duplicating."""
    now = time.time()
    with db.transaction() as conn:
        conn.execute(
            "INSERT INTO knowledge_gaps (id, tenant_id, question, group_id, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, question) DO UPDATE SET"
            " asked = asked + 1, status = 'open', updated_at = excluded.updated_at",
            (uuid.uuid4().hex[:12], tenant_id, question.strip()[:500], group_id, now, now),
        )


def list_gaps(db: Database, tenant_id: str, status: str | None = None) -> list[Gap]:
    sql = "SELECT * FROM knowledge_gaps WHERE tenant_id = ?" + (" AND status = ?" if status else "")
    with db.connect() as conn:
        rows = conn.execute(sql + " ORDER BY updated_at DESC", (tenant_id, *([status] if status else []))).fetchall()
    return [Gap(**{k: r[k] for k in Gap.__dataclass_fields__}) for r in rows]


def get_gap(db: Database, tenant_id: str, gap_id: str) -> Gap | None:
    with db.connect() as conn:
        row = conn.execute("SELECT * FROM knowledge_gaps WHERE tenant_id = ? AND id = ?", (tenant_id, gap_id)).fetchone()
    return Gap(**{k: row[k] for k in Gap.__dataclass_fields__}) if row else None


def mark_answered(db: Database, tenant_id: str, gap_id: str, doc_id: str) -> None:
    with db.transaction() as conn:
        conn.execute("UPDATE knowledge_gaps SET status = 'answered', answer_doc_id = ?, updated_at = ?"
                     " WHERE tenant_id = ? AND id = ?", (doc_id, time.time(), tenant_id, gap_id))
