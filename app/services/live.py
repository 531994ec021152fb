"""Live ingest: record a leader's stream while it is on air, so the work is done when it ends.

A pulled source (HLS, HTTP-FLV, RTMP from an allow-listed host) or a pushed one (consecutive media
chunks) is written as closed segments under `<data_dir>/tenants/<t>/live/<id>/`. Each closed segment
is transcribed as it arrives and the transcript so far is indexed into the knowledge base as
`rec:<id>` (so the bot can answer "刚才说的鸡翅多少钱" during the stream). When the stream ends — stop,
the source finishing, or the source lost — the segments are joined into an ordinary recording with
the same id, the live transcript becomes its transcript, pushed comments its comments, and the kit
job (highlights, clips, copy) is queued: only the tail is left to do.

Live sessions run in this process's threads (the recorder's and one transcription thread); their
segments and a status file are on disk, so a restart loses no recorded media.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.context import AppContext
from app.files import write_atomic
from app.live_sessions import LiveSessions
from app.services.knowledge import get_kb
from app.services.lookup import require
from app.services.transcription import tenant_hotwords, tenant_knowledge
from app.store.sql import new_id
from app.uploads import UploadedFile
from pipelines.asr.incremental import IncrementalTranscriber
from pipelines.errors import Conflict
from pipelines.live import (
    ChunkAck,
    ChunkAssembler,
    Fanout,
    LiveListener,
    LiveStatus,
    LiveTranscription,
    SourceKind,
    finish_recording,
    start_recording,
)
from pipelines.transcript import Transcript

log = logging.getLogger("wutong.live")


@dataclass
class LiveSession:
    id: str
    tenant_id: str
    title: str
    source: str  # the URL, or "push"
    folder: Path
    started_at: float
    asr: LiveTranscription
    recorder: Any  # LiveRecorder | ChunkAssembler: both have status() and segments
    comments: list[dict] = field(default_factory=list)
    recording_id: str | None = None  # set once the stream is joined into a recording
    finish_error: str | None = None
    finished: threading.Event = field(default_factory=threading.Event)
    indexed_s: float = 0.0  # wall time of the last knowledge-base update

    def status(self) -> LiveStatus:
        return self.recorder.status()


def sessions(ctx: AppContext) -> LiveSessions:
    return ctx.live


class _Finisher(LiveListener):
    """When the recorder ends (stop, end of stream, source lost), finish in a thread of its own."""

    def __init__(self, ctx: AppContext, tenant_id: str, session_id: str) -> None:
        self.ctx, self.tenant_id, self.session_id = ctx, tenant_id, session_id

    def ended(self, reason: str) -> None:
        threading.Thread(target=finish_live, args=(self.ctx, self.tenant_id, self.session_id),
                         name=f"live-finish-{self.session_id}", daemon=True).start()


def _live_dir(ctx: AppContext, tenant_id: str, live_id: str) -> Path:
    return ctx.files.tenant_dir(tenant_id, "live", live_id)


def _transcriber(ctx: AppContext, tenant_id: str) -> IncrementalTranscriber:
    return IncrementalTranscriber(ctx.settings.asr, model_dir=ctx.settings.models_path,
                                  hotwords=tenant_hotwords(ctx, tenant_id), knowledge=tenant_knowledge(ctx, tenant_id))


def start_live(ctx: AppContext, tenant_id: str, *, source: str | None, kind: SourceKind = "auto",
               title: str | None = None) -> LiveSession:
    """Start recording: pull `source` (checked against WUTONG_LIVE__ALLOWED_HOSTS), or, with no source,
    wait for pushed chunks."""
    live_id = new_id()
    folder = _live_dir(ctx, tenant_id, live_id)
    finisher = _Finisher(ctx, tenant_id, live_id)
    asr = LiveTranscription(_transcriber(ctx, tenant_id),
                            on_update=lambda new, transcript: _index_live(ctx, tenant_id, live_id, transcript))
    listener = Fanout(asr, finisher)
    if source:
        recorder = start_recording(source, folder / "segments", ctx.settings.live, listener, kind)
    else:
        recorder = ChunkAssembler(folder / "segments", ctx.settings.live, listener)
    session = LiveSession(live_id, tenant_id, (title or "直播").strip()[:60] or "直播", source or "push",
                          folder, time.time(), asr, recorder)
    sessions(ctx).add(session)
    _write_status(session)
    return session


def get_live(ctx: AppContext, tenant_id: str, live_id: str) -> LiveSession:
    return require(sessions(ctx).get(tenant_id, live_id), "live")


def list_live(ctx: AppContext, tenant_id: str) -> list[LiveSession]:
    return sessions(ctx).of_tenant(tenant_id)


def push_chunk(ctx: AppContext, tenant_id: str, live_id: str, seq: int, data: bytes) -> ChunkAck:
    session = get_live(ctx, tenant_id, live_id)
    if not isinstance(session.recorder, ChunkAssembler):
        raise Conflict("这场直播由服务器拉流录制，不接受推送的分片", code="live_not_push")
    return session.recorder.push(seq, data)


def push_comments(ctx: AppContext, tenant_id: str, live_id: str, comments: list[dict]) -> int:
    """Live comments (time in stream seconds, user, text), kept with the recording when it is joined."""
    session = get_live(ctx, tenant_id, live_id)
    if session.finished.is_set():
        raise Conflict("这场直播已结束", code="live_ended")
    session.comments.extend(comments)
    return len(session.comments)


def stop_live(ctx: AppContext, tenant_id: str, live_id: str) -> LiveSession:
    """Stop recording; joining and the kit follow in the background (GET shows the recording id)."""
    session = get_live(ctx, tenant_id, live_id)
    if isinstance(session.recorder, ChunkAssembler):
        session.recorder.finish()
    else:
        threading.Thread(target=session.recorder.stop, name=f"live-stop-{live_id}", daemon=True).start()
    return session


def live_transcript(session: LiveSession) -> Transcript:
    return session.asr.transcript()


def _index_live(ctx: AppContext, tenant_id: str, live_id: str, transcript: Transcript) -> None:
    """The transcript so far into the knowledge base as rec:<id> (at most every `index_every_s`)."""
    session = sessions(ctx).get(tenant_id, live_id)
    if session is None or session.finished.is_set():
        return
    if time.time() - session.indexed_s < ctx.settings.live.index_every_s:
        return
    session.indexed_s = time.time()
    get_kb(ctx, tenant_id).add_transcript(live_id, transcript, title=f"直播中 {session.title}")
    _write_status(session)


def finish_live(ctx: AppContext, tenant_id: str, live_id: str) -> None:
    """Join the segments into a recording with the live id, keep the transcript and comments, queue the kit."""
    session = sessions(ctx).get(tenant_id, live_id)
    if session is None or session.finished.is_set():
        return
    try:
        transcript = session.asr.finish()
        paths = [s.path for s in session.recorder.segments]
        if not paths:
            raise Conflict("直播没有录到任何内容", code="live_empty")
        joined = finish_recording(paths, session.folder / "joined")
        _keep_recording(ctx, session, joined.path, transcript)
    except Exception as exc:  # the segments stay on disk; the leader sees why
        log.exception("live %s could not be finished", live_id)
        session.finish_error = getattr(exc, "message", "直播录像合并失败，录到的分段仍保存在服务器上")
    finally:
        session.finished.set()
        _write_status(session)


def _keep_recording(ctx: AppContext, session: LiveSession, path: Path, transcript: Transcript) -> None:
    from app.services.comments import save_comments
    from app.services.kit import start_kit
    from app.services.recordings import RecordingData, save_recording
    from app.services.transcription import keep_transcript

    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    upload = UploadedFile(path, f"{session.title}{path.suffix}", path.stat().st_size, digest.hexdigest())
    rec, _ = save_recording(ctx, session.tenant_id, upload, recording_id=session.id)
    session.recording_id = rec.id
    keep_transcript(RecordingData(ctx, rec), transcript)
    if session.comments:
        lines = "\n".join(json.dumps(c, ensure_ascii=False) for c in session.comments)
        save_comments(ctx, session.tenant_id, rec.id, "live.jsonl", lines.encode("utf-8"))
    start_kit(ctx, session.tenant_id, rec.id, {})


def _write_status(session: LiveSession) -> None:
    status = session.status()
    write_atomic(session.folder / "live.json", json.dumps({
        "id": session.id, "title": session.title, "source": session.source, "started_at": session.started_at,
        "state": status.state, "recorded_s": status.recorded_s, "segments": status.segments,
        "recording_id": session.recording_id, "finish_error": session.finish_error}, ensure_ascii=False))


def stop_all(ctx: AppContext, timeout: float = 10.0) -> None:
    """At shutdown: stop every recorder (closed segments stay on disk)."""
    for session in sessions(ctx).all():
        if not session.finished.is_set():
            try:
                session.recorder.finish() if isinstance(session.recorder, ChunkAssembler) else \
                    session.recorder.stop(timeout)
            except Exception:
                log.exception("live %s did not stop cleanly", session.id)

