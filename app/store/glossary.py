"""A tenant's glossary: terms the leader spelled out when correcting a transcript."""

from __future__ import annotations

import time

from app.store.db import Database


def add_terms(db: Database, tenant_id: str, terms: list[str]) -> list[str]:
    """Store terms; returns those that were new."""
    added = []
    with db.transaction() as conn:
        for term in dict.fromkeys(t.strip() for t in terms if t.strip()):
            cursor = conn.execute("INSERT OR IGNORE INTO glossary VALUES (?, ?, ?)", (tenant_id, term, time.time()))
            if cursor.rowcount:
                added.append(term)
    return added


def list_terms(db: Database, tenant_id: str) -> list[str]:
    with db.connect() as conn:
        rows = conn.execute("SELECT term FROM glossary WHERE tenant_id = ? ORDER BY created_at", (tenant_id,))
        return [row["term"] for row in rows]
