from __future__ import annotations

from pydantic import BaseModel


class CommentsUploaded(BaseModel):
    recording_id: str
    format: str
    count: int
    skipped: int
