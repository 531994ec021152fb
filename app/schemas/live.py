from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from app.schemas.transcripts import SegmentPublic
from app.services.live import LiveSession, live_transcript
from pipelines.highlights import Highlight

KIND_LABELS = {"demo": "演示", "tasting": "试吃", "offer": "优惠", "qa": "答疑", "other": "其他"}


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
    state: str = Field(description="starting (connecting, or loading the speech model) | recording | "
                                   "reconnecting | ended")
    recorded_s: float
    segments: int
    gaps: int
    transcribed_s: float = Field(description="stream time up to which the transcript is final")
    pending_segments: int = Field(description="closed segments waiting for transcription")
    error: str | None = Field(description="why recording stopped early or could not be finished, for the leader")
    recording_id: str | None = Field(description="the ordinary recording, once the stream is joined (kit queued)")
    finished: bool
    resumed: bool = Field(description="picked up again after the service restarted (the time away is a gap)")

    @classmethod
    def of(cls, session: LiveSession) -> LivePublic:
        status = session.status()
        state = "starting" if status.state == "recording" and not session.asr.ready.is_set() else status.state
        return cls(id=session.id, title=session.title, source=session.source, state=state,
                   recorded_s=round(status.recorded_s, 2), segments=status.segments, gaps=len(status.gaps),
                   transcribed_s=round(session.asr.covered_s, 2), pending_segments=session.asr.pending,
                   error=session.finish_error or _problem(status), recording_id=session.recording_id,
                   finished=session.finished.is_set(), resumed=session.resumed)


def _problem(status) -> str | None:
    """The recorder's last error while it matters: reconnecting now, or why it ended early."""
    abnormal = status.state == "reconnecting" or status.ended_reason in ("source_lost", "disk_low", "error")
    return status.message if abnormal else None


class LiveCandidate(BaseModel):
    """A highlight candidate scored while live (the kit picks the final highlights over the whole stream)."""

    start: float
    end: float
    score: float
    kind: str
    kind_label: str = Field(description="演示 | 试吃 | 优惠 | 答疑 | 其他")
    title: str
    reasons: list[str]
    skus: list[str]

    @classmethod
    def of(cls, h: Highlight) -> LiveCandidate:
        return cls(start=h.start, end=h.end, score=h.score, kind=h.kind, kind_label=KIND_LABELS.get(h.kind, "其他"),
                   title=h.title, reasons=h.reasons, skus=h.skus)


class LiveDetail(LivePublic):
    transcript: list[SegmentPublic] = Field(description="the transcript so far")
    highlights: list[LiveCandidate] = Field(description="the best highlight candidates so far, best first "
                                                        "(rescored at most every WUTONG_LIVE__SCORE_EVERY_S)")
    highlights_at_s: float | None = Field(description="stream time the candidates were scored at (null: not yet)")

    @classmethod
    def of(cls, session: LiveSession) -> LiveDetail:
        segments = [SegmentPublic.model_validate(s, from_attributes=True) for s in live_transcript(session).segments]
        latest = session.scorer.latest if session.scorer else None
        return cls(**LivePublic.of(session).model_dump(), transcript=segments,
                   highlights=[LiveCandidate.of(h) for h in latest.highlights] if latest else [],
                   highlights_at_s=round(latest.covered_s, 2) if latest else None)


class LivesPublic(BaseModel):
    data: list[LivePublic]
    count: int
