"""Highlights found in a recording, best first."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select

from app.store.db import Database
from app.store.schema import highlights
from app.store.sql import count_per_recording, now
from pipelines.highlights import Highlight


@dataclass(frozen=True)
class StoredHighlight:
    recording_id: str
    highlight: Highlight


def _of_recording(tenant_id: str, recording_id: str):
    return (highlights.c.tenant_id == tenant_id, highlights.c.recording_id == recording_id)


def replace_highlights(conn, tenant_id: str, recording_id: str, found: list[Highlight]) -> None:
    """Inside the caller's write transaction: the recording's highlights become `found`."""
    conn.execute(delete(highlights).where(*_of_recording(tenant_id, recording_id)))
    if found:
        conn.execute(highlights.insert(), [
            {"id": h.id, "tenant_id": tenant_id, "recording_id": recording_id, "rank": rank, "data": h.to_dict(),
             "created_at": now()} for rank, h in enumerate(found)])


def list_highlights(db: Database, tenant_id: str, recording_id: str) -> list[Highlight]:
    query = select(highlights.c.data).where(*_of_recording(tenant_id, recording_id)).order_by(highlights.c.rank)
    with db.read() as conn:
        return [Highlight.from_dict(data) for data in conn.execute(query).scalars()]


def get_highlight(db: Database, tenant_id: str, highlight_id: str) -> StoredHighlight | None:
    query = select(highlights.c.recording_id, highlights.c.data).where(
        highlights.c.tenant_id == tenant_id, highlights.c.id == highlight_id)
    with db.read() as conn:
        row = conn.execute(query).first()
    return StoredHighlight(row.recording_id, Highlight.from_dict(row.data)) if row else None


def count_by_recording(db: Database, tenant_id: str) -> dict[str, int]:
    with db.read() as conn:
        return count_per_recording(conn, highlights, tenant_id)


def delete_recording_highlights(conn, tenant_id: str, recording_id: str) -> None:
    conn.execute(delete(highlights).where(*_of_recording(tenant_id, recording_id)))
