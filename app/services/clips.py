"""Clips: a highlight (or a span the leader nudged) rendered into a vertical video with a cover.

A clip is rendered into a staging folder and renamed into place only inside RecordingData.writing():
a recording deleted mid-render leaves no clip behind, and a crash leaves only a staging folder that
start-up sweeps.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from app.context import AppContext
from app.errors import Cancelled
from app.files import move_into_place, remove
from app.jobs.worker import JobContext
from app.services.highlights import get_highlight
from app.services.lookup import require
from app.services.recordings import RecordingData, get_recording, recording_data
from app.services.transcription import load_transcript
from app.store import clips as store
from app.store.clips import Clip
from app.store.jobs import Job
from app.store.sql import new_id
from pipelines.clips import ClipOptions, render_clip
from pipelines.errors import InvalidInput
from pipelines.highlights import Highlight


def start_clip(ctx: AppContext, tenant_id: str, highlight_id: str, params: dict[str, Any]) -> Job:
    found = get_highlight(ctx, tenant_id, highlight_id)
    data = recording_data(ctx, tenant_id, found.recording_id)
    check_span(params.get("start", found.highlight.start), params.get("end", found.highlight.end),
               data.rec.duration_s, ctx.settings.clips.max_span_s)
    return data.enqueue("clip", params, subject_id=highlight_id)


def check_span(start: float, end: float, duration_s: float, max_span_s: float) -> None:
    """A clip lies inside the recording and is at most `max_span_s` long (bounded render time and size)."""
    if not 0 <= start < end <= duration_s + 0.5:
        raise InvalidInput(f"片段范围不对：应在 0 到 {duration_s:.0f} 秒之间，且结束晚于开始", code="clip_span")
    if end - start > max_span_s:
        raise InvalidInput(f"短视频最长 {max_span_s:.0f} 秒，请缩短片段", code="clip_too_long")


def get_clip(ctx: AppContext, tenant_id: str, clip_id: str) -> Clip:
    return require(store.get_clip(ctx.db, tenant_id, clip_id), "clip")


def list_recording_clips(ctx: AppContext, tenant_id: str, recording_id: str) -> list[Clip]:
    return store.list_clips(ctx.db, tenant_id, get_recording(ctx, tenant_id, recording_id).id)


def clip_file(ctx: AppContext, tenant_id: str, clip_id: str, which: Literal["video", "cover"]) -> Path:
    clip = get_clip(ctx, tenant_id, clip_id)
    path = ctx.files.clip_dir(tenant_id, clip.id) / getattr(clip, which)
    return require(path if path.is_file() else None, "clip")


class _DeferredCancel:
    """Progress for ffmpeg: a cancellation is held until ffmpeg has exited, so raising it never leaves
    an ffmpeg process writing into a folder being removed."""

    def __init__(self, progress) -> None:
        self.progress, self.cancelled = progress, None

    def __call__(self, fraction: float) -> None:
        if self.progress and self.cancelled is None:
            try:
                self.progress(fraction, "rendering")
            except Cancelled as exc:
                self.cancelled = exc

    def raise_if_cancelled(self) -> None:
        if self.cancelled:
            raise self.cancelled


def render_highlight_clip(data: RecordingData, highlight: Highlight, span: tuple[float, float],
                          options: ClipOptions, *, progress=None, job: JobContext | None = None) -> Clip:
    """Render and keep one clip of the recording (what the job runs; the CLI too)."""
    ctx, rec = data.ctx, data.rec
    transcript = load_transcript(ctx, rec)
    clip_id = new_id()
    staging = ctx.files.clip_staging(rec.tenant_id, clip_id)
    report = _DeferredCancel(progress)
    try:
        with ctx.heavy:
            rendered = render_clip(data.media, span, transcript, options, staging, progress=report)
        report.raise_if_cancelled()
        clip = Clip(id=clip_id, highlight_id=highlight.id, recording_id=rec.id, start=span[0], end=span[1],
                    duration=rendered.duration, width=rendered.width, height=rendered.height, layout=options.layout,
                    video=rendered.video.name, cover=rendered.cover.name)
        _keep(data, clip, staging, job)
        return clip
    finally:
        remove(staging)  # nothing left after the rename; a refused or failed render is cleaned up here


def _keep(data: RecordingData, clip: Clip, staging: Path, job: JobContext | None) -> None:
    """Rename the rendered folder into place and add the clip's row, unless the recording is gone."""
    with data.writing(job):
        move_into_place(staging, data.ctx.files.clip_dir(data.rec.tenant_id, clip.id))
        with data.ctx.db.write() as conn:
            store.insert_clip(conn, data.rec.tenant_id, clip)


def run_clip_job(job: JobContext) -> dict[str, Any]:
    ctx: AppContext = job.services
    params = job.job.params
    found = get_highlight(ctx, job.job.tenant_id, job.job.subject_id)
    data = recording_data(ctx, job.job.tenant_id, found.recording_id)
    span = (params.get("start", found.highlight.start), params.get("end", found.highlight.end))
    options = ctx.settings.clips.model_copy(update=params.get("options") or {})
    clip = render_highlight_clip(data, found.highlight, span, options, progress=job.progress, job=job)
    return {"clip_id": clip.id, "duration": clip.duration, "width": clip.width, "height": clip.height}


JOBS = {"clip": run_clip_job}
