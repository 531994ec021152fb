"""Highlights found in a recording, and the clips rendered from them."""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass

from app.store.db import Database
from pipelines.highlights import Highlight


@dataclass(frozen=True)
class StoredHighlight:
    recording_id: str
    highlight: Highlight


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


def replace_highlights(db: Database, tenant_id: str, recording_id: str, highlights: list[Highlight]) -> None:
    now = time.time()
    with db.transaction() as conn:
        conn.execute("DELETE FROM highlights WHERE tenant_id = ? AND recording_id = ?", (tenant_id, recording_id))
        conn.executemany(
            "INSERT INTO highlights VALUES (?, ?, ?, ?, ?, ?)",
            [(h.id, tenant_id, recording_id, rank, json.dumps(h.to_dict(), ensure_ascii=False), now)
             for rank, h in enumerate(highlights)],
        )


def list_highlights(db: Database, tenant_id: str, recording_id: str) -> list[Highlight]:
    with db.connect() as conn:
        rows = conn.execute("SELECT data FROM highlights WHERE tenant_id = ? AND recording_id = ? ORDER BY rank",
                            (tenant_id, recording_id)).fetchall()
    return [Highlight.from_dict(json.loads(r["data"])) for r in rows]


def get_highlight(db: Database, tenant_id: str, highlight_id: str) -> StoredHighlight | None:
    with db.connect() as conn:
        row = conn.execute("SELECT recording_id, data FROM highlights WHERE tenant_id = ? AND id = ?",
                           (tenant_id, highlight_id)).fetchone()
    return StoredHighlight(row["recording_id"], Highlight.from_dict(json.loads(row["data"]))) if row else None


def insert_clip(db: Database, tenant_id: str, clip: Clip) -> None:
    with db.transaction() as conn:
        conn.execute("INSERT INTO clips VALUES (?, ?, ?, ?, ?, ?)",
                     (clip.id, tenant_id, clip.highlight_id, clip.recording_id,
                      json.dumps(asdict(clip), ensure_ascii=False), time.time()))


def get_clip(db: Database, tenant_id: str, clip_id: str) -> Clip | None:
    with db.connect() as conn:
        row = conn.execute("SELECT data FROM clips WHERE tenant_id = ? AND id = ?", (tenant_id, clip_id)).fetchone()
    return Clip(**json.loads(row["data"])) if row else None
