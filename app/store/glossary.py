"""A tenant's glossary: terms the leader spelled out when correcting a transcript."""

from __future__ import annotations

from sqlalchemy import select

from app.store.db import Database
from app.store.schema import glossary
from app.store.sql import now, upsert


def add_terms(db: Database, tenant_id: str, terms: list[str]) -> list[str]:
    """Store terms; returns those that were new."""
    added = []
    with db.write() as conn:
        for term in dict.fromkeys(t.strip() for t in terms if t.strip()):
            row = {"tenant_id": tenant_id, "term": term, "created_at": now()}
            if upsert(conn, glossary, row, ["tenant_id", "term"]).rowcount:
                added.append(term)
    return added


def list_terms(db: Database, tenant_id: str) -> list[str]:
    query = select(glossary.c.term).where(glossary.c.tenant_id == tenant_id).order_by(glossary.c.created_at)
    with db.read() as conn:
        return list(conn.execute(query).scalars())
