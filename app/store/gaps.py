"""Questions the knowledge base could not answer, for the leader to fill."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update

from app.store.db import Database
from app.store.schema import knowledge_gaps as gaps
from app.store.sql import new_id, now, row_as, rows_as, upsert


@dataclass(frozen=True)
class Gap:
    id: str
    tenant_id: str
    question: str
    group_id: str | None
    asked: int
    status: str  # open | answered
    answer_doc_id: str | None
    created_at: float
    updated_at: float


def record_gap(db: Database, tenant_id: str, question: str, group_id: str | None) -> None:
    """Log a gap; the same question asked again counts up (and opens again) instead of duplicating."""
    row = {"id": new_id(12), "tenant_id": tenant_id, "question": question.strip()[:500], "group_id": group_id,
           "asked": 1, "status": "open", "created_at": now(), "updated_at": now()}
    with db.write() as conn:
        upsert(conn, gaps, row, ["tenant_id", "question"], _asked_again)


def _asked_again(new) -> dict:
    return {"asked": gaps.c.asked + 1, "status": "open", "updated_at": new.updated_at}


def list_gaps(db: Database, tenant_id: str, status: str | None = None) -> list[Gap]:
    query = select(gaps).where(gaps.c.tenant_id == tenant_id)
    if status:
        query = query.where(gaps.c.status == status)
    with db.read() as conn:
        return rows_as(Gap, conn.execute(query.order_by(gaps.c.updated_at.desc())))


def get_gap(db: Database, tenant_id: str, gap_id: str) -> Gap | None:
    with db.read() as conn:
        return row_as(Gap, conn.execute(select(gaps).where(gaps.c.tenant_id == tenant_id, gaps.c.id == gap_id)).first())


def mark_answered(db: Database, tenant_id: str, gap_id: str, doc_id: str) -> None:
    with db.write() as conn:
        conn.execute(update(gaps).where(gaps.c.tenant_id == tenant_id, gaps.c.id == gap_id).values(
            status="answered", answer_doc_id=doc_id, updated_at=now()))


def reopen_answered_by(db: Database, tenant_id: str, doc_id: str) -> int:
    """The answer document is gone: its gaps are open questions again."""
    with db.write() as conn:
        return conn.execute(update(gaps).where(gaps.c.tenant_id == tenant_id, gaps.c.answer_doc_id == doc_id).values(
            status="open", answer_doc_id=None, updated_at=now())).rowcount
