"""Clips rendered from highlights. Their files live in the clip's folder (app/files.py)."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlalchemy import delete, select

from app.store.db import Database
from app.store.schema import clips
from app.store.sql import count_per_recording, now


@dataclass
class Clip:
    id: str
    highlight_id: str
    recording_id: str
    start: float
    end: float
    duration: float
    width: int
    height: int
    layout: str
    video: str  # file names inside the clip's folder
    cover: str
    caption: str = ""


def _of_recording(tenant_id: str, recording_id: str):
    return (clips.c.tenant_id == tenant_id, clips.c.recording_id == recording_id)


def insert_clip(conn, tenant_id: str, clip: Clip) -> None:
    conn.execute(clips.insert().values(id=clip.id, tenant_id=tenant_id, highlight_id=clip.highlight_id,
                                       recording_id=clip.recording_id, data=asdict(clip), created_at=now()))


def get_clip(db: Database, tenant_id: str, clip_id: str) -> Clip | None:
    query = select(clips.c.data).where(clips.c.tenant_id == tenant_id, clips.c.id == clip_id)
    with db.read() as conn:
        data = conn.execute(query).scalar()
    return Clip(**data) if data else None


def list_clips(db: Database, tenant_id: str, recording_id: str) -> list[Clip]:
    query = select(clips.c.data).where(*_of_recording(tenant_id, recording_id)).order_by(clips.c.created_at.desc())
    with db.read() as conn:
        return [Clip(**data) for data in conn.execute(query).scalars()]


def count_by_recording(db: Database, tenant_id: str) -> dict[str, int]:
    with db.read() as conn:
        return count_per_recording(conn, clips, tenant_id)


def delete_recording_clips(conn, tenant_id: str, recording_id: str) -> None:
    conn.execute(delete(clips).where(*_of_recording(tenant_id, recording_id)))
