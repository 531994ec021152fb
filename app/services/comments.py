"""A stream's live comments: parsed once on upload and kept beside the recording as JSON."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from app.context import AppContext
from app.files import write_atomic
from app.services.recordings import RecordingData, recording_data
from app.store.recordings import Recording
from pipelines.comments import Comment, parse_comments


def save_comments(ctx: AppContext, tenant_id: str, recording_id: str, filename: str, data: bytes) -> dict[str, Any]:
    """Parse an uploaded comment file and keep it for the recording (replacing an earlier upload)."""
    owner = recording_data(ctx, tenant_id, recording_id)
    parsed = parse_comments(data, filename)
    with owner.writing():
        write_atomic(owner.comments, json.dumps([asdict(c) for c in parsed.comments], ensure_ascii=False))
    return {"recording_id": recording_id, "format": parsed.format, "count": len(parsed.comments),
            "skipped": parsed.skipped}


def load_comments(ctx: AppContext, rec: Recording) -> list[Comment]:
    path = RecordingData(ctx, rec).comments
    if not path.is_file():
        return []
    return [Comment(**c) for c in json.loads(path.read_text(encoding="utf-8"))]
