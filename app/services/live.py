"""Live ingest: record a leader's stream while it is on air, so the work is done when it ends.

A pulled source (HLS, HTTP-FLV, RTMP from an allow-listed host) or a pushed one (consecutive media
chunks) is written as closed segments under `<data_dir>/tenants/<t>/live/<id>/`. Each closed segment
is transcribed as it arrives and the transcript so far is indexed into the knowledge base as
`rec:<id>` (so the bot can answer "刚才说的鸡翅多少钱" during the stream). When the stream ends — stop,
the source finishing, or the source lost — the segments are joined into an ordinary recording with
the same id, the live transcript becomes its transcript, pushed comments its comments, and the kit
job (highlights, clips, copy) is queued: only the tail is left to do.

Live sessions run in this process's threads (the recorder's, one transcription thread that loads
whisper first, one throttled highlight-scoring thread). Their segments, state (live.json), transcript
so far and comments are on disk: at shutdown a session is left to resume, and at start-up
`resume_all` picks it up — a pulled source is pulled again into the same session (the time away
recorded as a gap), a pushed one waits for chunks (finished after `push_idle_s` without any), one
whose recorder had ended is finished.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from pathlib import Path

from app.context import AppContext
from app.live_sessions import LiveSession, LiveSessions, saved_states
from app.services.catalog import tenant_catalog
from app.services.knowledge import get_kb
from app.services.lookup import require
from app.services.transcription import tenant_hotwords, tenant_knowledge
from app.store.sql import new_id
from app.uploads import UploadedFile
from pipelines.asr.incremental import IncrementalTranscriber
from pipelines.catalog import Product
from pipelines.comments import Comment
from pipelines.errors import Conflict, WutongError
from pipelines.live import (
    ChunkAck,
    ChunkAssembler,
    Fanout,
    LiveListener,
    LiveTranscription,
    SourceKind,
    check_source,
    finish_recording,
    load_segments,
    start_recording,
)
from pipelines.live.scoring import LiveScorer
from pipelines.live.state import LiveState, SavedRecording, append_comments, load_comments, save_transcript
from pipelines.live.state import load_transcript as load_saved_transcript
from pipelines.transcript import Transcript

log = logging.getLogger("wutong.live")
IDLE_CHECK_S = 5.0

__all__ = ["LiveSession", "get_live", "list_live", "live_transcript", "push_chunk", "push_comments", "resume_all",
           "start_live", "stop_all", "stop_live"]


def sessions(ctx: AppContext) -> LiveSessions:
    return ctx.live


class _Keeper(LiveListener):
    """Keeps live.json current as segments close; when the recorder ends, finishes in a thread of its own
    (unless the service is shutting down: then the session is left on disk to resume)."""

    def __init__(self, ctx: AppContext, session: LiveSession) -> None:
        self.ctx, self.session = ctx, session

    def segment_closed(self, path: Path, index: int, start_s: float, end_s: float) -> None:
        self.session.save()

    def gap(self, gap) -> None:
        self.session.save()

    def ended(self, reason: str) -> None:
        if self.session.suspended:
            return
        self.session.recorder_ended = True
        self.session.save()
        _finish_soon(self.ctx, self.session)


def _finish_soon(ctx: AppContext, session: LiveSession) -> None:
    threading.Thread(target=finish_live, args=(ctx, session.tenant_id, session.id),
                     name=f"live-finish-{session.id}", daemon=True).start()


def _live_dir(ctx: AppContext, tenant_id: str, live_id: str) -> Path:
    return ctx.files.tenant_dir(tenant_id, "live", live_id)


def _transcriber(ctx: AppContext, tenant_id: str) -> IncrementalTranscriber:
    return IncrementalTranscriber(ctx.settings.asr, model_dir=ctx.settings.models_path,
                                  hotwords=tenant_hotwords(ctx, tenant_id), knowledge=tenant_knowledge(ctx, tenant_id))


def start_live(ctx: AppContext, tenant_id: str, *, source: str | None, kind: SourceKind = "auto",
               title: str | None = None) -> LiveSession:
    """Start recording: pull `source` (checked against WUTONG_LIVE__ALLOWED_HOSTS), or, with no source,
    wait for pushed chunks. Returns at once: whisper loads in the transcription thread (state `starting`)."""
    if source:  # refused before any thread starts
        check_source(source, ctx.settings.live, kind)
    live_id = new_id()
    state = LiveState(live_id, tenant_id, (title or "直播").strip()[:60] or "直播", source or "push",
                      kind if source else "push", time.time())
    return _open(ctx, state, _live_dir(ctx, tenant_id, live_id))


def _open(ctx: AppContext, state: LiveState, folder: Path, resumed: bool = False) -> LiveSession:
    """A session from its state: new, or resumed after a restart (transcript, comments, segments kept)."""
    transcript = load_saved_transcript(folder) if resumed else None
    session = LiveSession(state.id, state.tenant_id, state.title, state.source, state.kind, folder, state.started_at,
                          asr=None, comments=load_comments(folder) if resumed else [],  # type: ignore[arg-type]
                          recorder_ended=state.recorder_ended, resumed=resumed)
    session.asr = LiveTranscription(lambda: _transcriber(ctx, state.tenant_id), resume_from=transcript,
                                    on_update=lambda new, transcript: _transcript_grew(ctx, session, transcript))
    session.scorer = _scorer(ctx, session)
    if resumed:  # audio recorded after the saved transcript is transcribed again, before anything new
        for seg in load_segments(folder / "segments") if (folder / "segments").is_dir() else []:
            if seg.end_s > session.asr.covered_s:
                session.asr.segment_closed(seg.path, seg.index, seg.start_s, seg.end_s)
    try:
        session.recorder = _recorder(ctx, state, session, resumed)
    except BaseException:  # refused (host not allowed, unsupported): no thread is left behind
        session.scorer.close()
        session.asr.suspend(0)
        raise
    sessions(ctx).add(session)
    session.save()
    if isinstance(session.recorder, SavedRecording):
        _finish_soon(ctx, session)
    return session


def _recorder(ctx: AppContext, state: LiveState, session: LiveSession, resumed: bool):
    options, segments = ctx.settings.live, session.folder / "segments"
    listener = Fanout(session.asr, _Keeper(ctx, session))
    since = (state.saved_at or time.time()) if resumed else None  # when the last run was last seen alive
    if state.recorder_ended:
        return SavedRecording(segments)
    if not state.pulled:
        assembler = ChunkAssembler(segments, options, listener, first_seq=state.next_seq)
        if since:
            assembler.sink.mark_drop("live_service_restart", since)
            threading.Thread(target=_finish_when_idle, args=(ctx, session), daemon=True,
                             name=f"live-idle-{session.id}").start()
        return assembler
    try:
        return start_recording(state.source, segments, options, listener, state.kind,  # type: ignore[arg-type]
                               after_seq=state.cursor, resumed_since=since)
    except WutongError as exc:
        if not resumed:
            raise
        session.recorder_ended = True  # the operator took the host off the list: keep what was recorded
        return SavedRecording(segments, "error", (exc.code, exc.message))


def _scorer(ctx: AppContext, session: LiveSession) -> LiveScorer:
    def inputs() -> tuple[Transcript, list[Comment], list[Product]]:
        comments = [Comment(c["time"], c["text"], c.get("user", "")) for c in list(session.comments)]
        return session.asr.transcript(), comments, tenant_catalog(ctx, session.tenant_id)

    live = ctx.settings.live
    return LiveScorer(inputs, ctx.settings.highlights, every_s=live.score_every_s, top=live.score_top)


def _finish_when_idle(ctx: AppContext, session: LiveSession) -> None:
    """A pushed session resumed after a restart: finished when the client does not come back."""
    session.last_chunk = time.time()
    while not session.finished.wait(IDLE_CHECK_S):
        if session.recorder_ended or session.suspended:
            return
        if time.time() - session.last_chunk >= ctx.settings.live.push_idle_s:
            log.info("live %s: no chunk for %.0f s after a restart, finishing", session.id,
                     ctx.settings.live.push_idle_s)
            session.recorder.finish()
            return


def resume_all(ctx: AppContext) -> list[LiveSession]:
    """At start-up: pick up every session a previous run left unfinished (pulling again, waiting for
    chunks, or finishing what was recorded); a session that cannot be opened is logged and left on disk."""
    resumed = []
    for folder, state in saved_states(ctx.files.root):
        if sessions(ctx).get(state.tenant_id, state.id) is not None:
            continue
        try:
            resumed.append(_open(ctx, state, folder, resumed=True))
            log.info("live %s resumed after a restart (%s)", state.id, state.source)
        except Exception:
            log.exception("live %s could not be resumed; its segments stay in %s", state.id, folder)
    return resumed


def get_live(ctx: AppContext, tenant_id: str, live_id: str) -> LiveSession:
    return require(sessions(ctx).get(tenant_id, live_id), "live")


def list_live(ctx: AppContext, tenant_id: str) -> list[LiveSession]:
    return sessions(ctx).of_tenant(tenant_id)


def push_chunk(ctx: AppContext, tenant_id: str, live_id: str, seq: int, data: bytes) -> ChunkAck:
    session = get_live(ctx, tenant_id, live_id)
    if not isinstance(session.recorder, ChunkAssembler):
        raise Conflict("这场直播由服务器拉流录制，不接受推送的分片", code="live_not_push")
    session.last_chunk = time.time()
    ack = session.recorder.push(seq, data)
    if not ack.duplicate:
        session.save()  # next_seq: a client that retries after a restart is told where to go on
    return ack


def push_comments(ctx: AppContext, tenant_id: str, live_id: str, comments: list[dict]) -> int:
    """Live comments (time in stream seconds, user, text), kept with the recording when it is joined."""
    session = get_live(ctx, tenant_id, live_id)
    if session.finished.is_set():
        raise Conflict("这场直播已结束", code="live_ended")
    append_comments(session.folder, comments)
    session.comments.extend(comments)
    session.scorer.changed()
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


def _transcript_grew(ctx: AppContext, session: LiveSession, transcript: Transcript) -> None:
    """New sentences: saved beside the segments, rescored for highlights, indexed into the knowledge base."""
    if session.finished.is_set():
        return
    save_transcript(session.folder, transcript)
    if not session.suspended:  # shutting down: the window finished late is kept for the resumed session
        session.scorer.changed()
        _index_live(ctx, session, transcript)


def _index_live(ctx: AppContext, session: LiveSession, transcript: Transcript) -> None:
    """The transcript so far into the knowledge base as rec:<id> (at most every `index_every_s`)."""
    if time.time() - session.indexed_s < ctx.settings.live.index_every_s:
        return
    session.indexed_s = time.time()
    get_kb(ctx, session.tenant_id).add_transcript(session.id, transcript, title=f"直播中 {session.title}")
    session.save()


def finish_live(ctx: AppContext, tenant_id: str, live_id: str) -> None:
    """Join the segments into a recording with the live id, keep the transcript and comments, queue the kit."""
    session = sessions(ctx).get(tenant_id, live_id)
    if session is None or session.finished.is_set() or session.suspended:
        return
    try:
        transcript = session.asr.finish()
        session.scorer.close()
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
        session.save()


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


def stop_all(ctx: AppContext, timeout: float = 10.0) -> None:
    """At shutdown: leave every unfinished session to be resumed by the next start (resume_all). The
    transcript so far and the recorder's position are saved; the segment in progress is closed."""
    for session in sessions(ctx).all():
        if session.finished.is_set() or session.recorder_ended:
            continue
        session.suspended = True
        try:
            session.scorer.close()
            save_transcript(session.folder, session.asr.suspend(timeout))
            session.recorder.finish() if isinstance(session.recorder, ChunkAssembler) else \
                session.recorder.stop(timeout)
            session.save()
        except Exception:
            log.exception("live %s did not stop cleanly", session.id)
