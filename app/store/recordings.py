"""Recording metadata. Media files live under <data_dir>/media/<tenant>/<id>.<format>."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from app.store.db import Database


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

    def as_row(self) -> tuple:
        return tuple(asdict(self).values())


def _recording(row) -> Recording | None:
    if row is None:
        return None
    data = dict(row)
    data["has_video"] = bool(data["has_video"])
    return Recording(**data)


def insert_recording(db: Database, rec: Recording) -> Recording:
    """Insert, or return the tenant's existing recording with the same content."""
    with db.transaction() as conn:
        existing = conn.execute(
            "SELECT * FROM recordings WHERE tenant_id = ? AND sha256 = ?", (rec.tenant_id, rec.sha256)
        ).fetchone()
        if existing:
            return _recording(existing)
        conn.execute(f"INSERT INTO recordings VALUES ({','.join('?' * 11)})", rec.as_row())
    return rec


def find_by_sha(db: Database, tenant_id: str, sha256: str) -> Recording | None:
    with db.connect() as conn:
        row = conn.execute(
            "SELECT * FROM recordings WHERE tenant_id = ? AND sha256 = ?", (tenant_id, sha256)
        ).fetchone()
    return _recording(row)


def get_recording(db: Database, tenant_id: str, recording_id: str) -> Recording | None:
    with db.connect() as conn:
        row = conn.execute(
            "SELECT * FROM recordings WHERE tenant_id = ? AND id = ?", (tenant_id, recording_id)
        ).fetchone()
    return _recording(row)


def list_recordings(db: Database, tenant_id: str) -> list[Recording]:
    with db.connect() as conn:
        rows = conn.execute(
            "SELECT * FROM recordings WHERE tenant_id = ? ORDER BY created_at DESC", (tenant_id,)
        ).fetchall()
    return [_recording(r) for r in rows]


def delete_recording(db: Database, tenant_id: str, recording_id: str) -> bool:
    with db.transaction() as conn:
        cur = conn.execute("DELETE FROM recordings WHERE tenant_id = ? AND id = ?", (tenant_id, recording_id))
    return cur.rowcount > 0
