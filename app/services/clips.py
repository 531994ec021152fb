"""Clips: a highlight (or a span the leader nudged) rendered into a vertical video with a cover.

A clip is rendered into a staging folder and renamed into place only inside RecordingData.writing():
a recording deleted mid-render leaves no clip behind, and a crash leaves only a staging folder that
start-up sweeps.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from app.context import AppContext
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
    check_clip_count(ctx, tenant_id, data.rec.id, ctx.settings.clips.max_per_recording)
    return data.enqueue("clip", params, subject_id=highlight_id)


def check_clip_count(ctx: AppContext, tenant_id: str, recording_id: str, max_clips: int) -> None:
    """A recording keeps at most `max_clips` clips, which bounds its kit's zip (each clip is capped too)."""
    if len(store.list_clips(ctx.db, tenant_id, recording_id)) >= max_clips:
        raise InvalidInput(f"这场直播已有 {max_clips} 个短视频，请先删除不需要的再剪", code="too_many_clips")


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


def render_highlight_clip(data: RecordingData, highlight: Highlight, span: tuple[float, float],
                          options: ClipOptions, *, progress=None, job: JobContext | None = None,
                          clip_id: str | None = None) -> Clip:
    """Render and keep one clip of the recording (what the job runs; the CLI too). A cancelled job or
    one past its time limit stops ffmpeg at its next progress report (render_clip kills and reaps it
    before the error comes back, so nothing writes into the staging folder removed below)."""
    ctx, rec = data.ctx, data.rec
    check_clip_count(ctx, rec.tenant_id, rec.id, options.max_per_recording)
    transcript = load_transcript(ctx, rec)
    clip_id = clip_id or new_id()
    staging = ctx.files.clip_staging(rec.tenant_id, clip_id)
    try:
        with ctx.heavy:
            rendered = render_clip(data.media, span, transcript, options, staging, progress=_rendering(progress),
                                   timeout_s=ctx.settings.limits.job_timeout("clip"))
        clip = Clip(id=clip_id, highlight_id=highlight.id, recording_id=rec.id, start=span[0], end=span[1],
                    duration=rendered.duration, width=rendered.width, height=rendered.height, layout=options.layout,
                    video=rendered.video.name, cover=rendered.cover.name)
        _keep(data, clip, staging, job)
        return clip
    finally:
        remove(staging)  # nothing left after the rename; a refused or failed render is cleaned up here


def _rendering(progress):
    """ffmpeg's fraction done as the job's progress, stage `rendering`."""
    return (lambda fraction: progress(fraction, "rendering")) if progress else None


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
    # The clip takes the job's id, so a redelivered job (its worker died after keeping the clip) finds
    # its clip instead of rendering a second one.
    clip = store.get_clip(ctx.db, job.job.tenant_id, job.job.id) or render_highlight_clip(
        data, found.highlight, span, options, progress=job.progress, job=job, clip_id=job.job.id)
    return {"clip_id": clip.id, "duration": clip.duration, "width": clip.width, "height": clip.height}


JOBS = {"clip": run_clip_job}
