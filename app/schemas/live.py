from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from app.schemas.transcripts import SegmentPublic
from app.services.live import LiveSession, live_transcript


class LiveCreate(BaseModel):
    source: str | None = Field(default=None, max_length=2000,
                               description="an HLS (.m3u8) or HTTP-FLV URL, or rtmp://, on an allowed host; "
                                           "leave out to push chunks to /v1/live/{id}/chunks instead")
    kind: Literal["auto", "hls", "flv", "rtmp"] = "auto"
    title: str | None = Field(default=None, max_length=60)


class LiveComment(BaseModel):
    time: float = Field(ge=0, le=86400, allow_inf_nan=False, description="seconds since the stream started")
    user: str = Field(default="", max_length=64)
    text: str = Field(min_length=1, max_length=500)


class LiveCommentsCreate(BaseModel):
    comments: list[LiveComment] = Field(max_length=1000)


class LiveCommentsAccepted(BaseModel):
    count: int = Field(description="comments received so far")


class ChunkAccepted(BaseModel):
    seq: int
    duplicate: bool = Field(description="already received before: acknowledged, not written again")
    next_seq: int


class LivePublic(BaseModel):
    id: str
    title: str
    source: str = Field(description="the pulled URL, or push")
    state: str = Field(description="starting | recording | reconnecting | ended")
    recorded_s: float
    segments: int
    gaps: int
    transcribed_s: float = Field(description="stream time up to which the transcript is final")
    pending_segments: int = Field(description="closed segments waiting for transcription")
    error: str | None = Field(description="why recording stopped early or could not be finished, for the leader")
    recording_id: str | None = Field(description="the ordinary recording, once the stream is joined (kit queued)")
    finished: bool

    @classmethod
    def of(cls, session: LiveSession) -> LivePublic:
        status = session.status()
        return cls(id=session.id, title=session.title, source=session.source, state=status.state,
                   recorded_s=round(status.recorded_s, 2), segments=status.segments, gaps=len(status.gaps),
                   transcribed_s=round(session.asr.transcriber.covered_s, 2), pending_segments=session.asr.pending,
                   error=session.finish_error or _problem(status), recording_id=session.recording_id,
                   finished=session.finished.is_set())


def _problem(status) -> str | None:
    """The recorder's last error while it matters: reconnecting now, or why it ended early."""
    abnormal = status.state == "reconnecting" or status.ended_reason in ("source_lost", "disk_low", "error")
    return status.message if abnormal else None


class LiveDetail(LivePublic):
    transcript: list[SegmentPublic] = Field(description="the transcript so far")

    @classmethod
    def of(cls, session: LiveSession) -> LiveDetail:
        segments = [SegmentPublic.model_validate(s, from_attributes=True) for s in live_transcript(session).segments]
        return cls(**LivePublic.of(session).model_dump(), transcript=segments)


class LivesPublic(BaseModel):
    data: list[LivePublic]
    count: int
