"""Recording metadata. The files a recording owns are named in app/files.py; everything it owns is
known to app/services/recordings.py (RecordingData)."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from app.store.db import Database
from app.store.schema import recordings
from app.store.sql import row_as, rows_as


@dataclass(frozen=True)
class Recording:
    id: str
    tenant_id: str
    sha256: str
    filename: str  # the client's name, for display only; never used as a path
    size_bytes: int
    format: str
    duration_s: float
    has_video: bool
    width: int | None
    height: int | None
    created_at: float


def _owned(tenant_id: str):
    return select(recordings).where(recordings.c.tenant_id == tenant_id)


def insert_recording(db: Database, rec: Recording) -> Recording:
    """Insert, or return the tenant's existing recording with the same content."""
    try:
        with db.write() as conn:
            conn.execute(recordings.insert().values(asdict(rec)))
        return rec
    except IntegrityError:  # the same content won a race: (tenant_id, sha256) is unique
        if (found := find_by_sha(db, rec.tenant_id, rec.sha256)) is None:
            raise
        return found


def find_by_sha(db: Database, tenant_id: str, sha256: str) -> Recording | None:
    with db.read() as conn:
        return row_as(Recording, conn.execute(_owned(tenant_id).where(recordings.c.sha256 == sha256)).first())


def get_recording(db: Database, tenant_id: str, recording_id: str) -> Recording | None:
    with db.read() as conn:
        return row_as(Recording, conn.execute(_owned(tenant_id).where(recordings.c.id == recording_id)).first())


def list_recordings(db: Database, tenant_id: str) -> list[Recording]:
    with db.read() as conn:
        return rows_as(Recording, conn.execute(_owned(tenant_id).order_by(recordings.c.created_at.desc())))


def delete_recording_row(conn, tenant_id: str, recording_id: str) -> None:
    """Part of RecordingData's delete transaction (highlights and clips cascade too)."""
    conn.execute(delete(recordings).where(recordings.c.tenant_id == tenant_id, recordings.c.id == recording_id))
