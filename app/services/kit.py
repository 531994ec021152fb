"""The after-stream kit: one job that turns a recording into everything a leader posts afterwards.

Stages run in order — transcribe (which also indexes the transcript into the knowledge base),
highlights, the top clips with covers, then the follow-up post and one caption per clip — and each
stage keeps its output as soon as it exists, so the console can show the transcript while clips
are still rendering. Re-running a kit skips what is already there; a clip that fails is reported
and the kit goes on.
"""

from __future__ import annotations

import logging
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.context import AppContext
from app.errors import Cancelled
from app.jobs.worker import JobContext
from app.services import drafts as draft_service
from app.services.clips import render_highlight_clip
from app.services.highlights import find_recording_highlights
from app.services.recordings import RecordingData, recording_data
from app.services.transcription import transcribe_recording
from app.store import clips as clip_store
from app.store import drafts as draft_store
from app.store import highlights as highlight_store
from app.store import jobs as job_store
from app.store.jobs import Job
from pipelines.errors import WutongError
from pipelines.highlights import Highlight

log = logging.getLogger("wutong.kit")

STAGES = ("transcribe", "highlights", "clips", "copy")
Progress = Callable[[float, str], None]


@dataclass
class KitOptions:
    clips: int = 5
    until: str = "copy"  # the last stage to run: a request for highlights alone stops there
    refresh_highlights: bool = False
    highlight_options: dict[str, Any] = field(default_factory=dict)  # as POST .../highlights takes them

    @classmethod
    def of(cls, params: dict[str, Any]) -> KitOptions:
        return cls(**{k: v for k, v in params.items() if k in cls.__dataclass_fields__})

    def runs(self, stage: str) -> bool:
        return STAGES.index(stage) <= STAGES.index(self.until)


@dataclass
class KitReport:
    stages_done: list[str] = field(default_factory=list)
    clip_ids: list[str] = field(default_factory=list)
    failed_clips: list[dict[str, str]] = field(default_factory=list)
    draft_ids: list[str] = field(default_factory=list)


def start_kit(ctx: AppContext, tenant_id: str, recording_id: str, params: dict[str, Any]) -> Job:
    return recording_data(ctx, tenant_id, recording_id).enqueue("kit", params)


def _span(progress: Progress | None, lo: float, hi: float, prefix: str) -> Progress | None:
    """A stage's own 0..1 progress mapped into the kit's [lo, hi], its stage named `prefix: stage`."""
    if progress is None:
        return None
    return lambda fraction, stage="": progress(lo + (hi - lo) * min(max(fraction, 0.0), 1.0),
                                               f"{prefix}: {stage}" if stage and stage != prefix else prefix)


def run_kit(data: RecordingData, options: KitOptions, *, progress: Progress | None = None,
            job: JobContext | None = None) -> KitReport:
    """Run (or finish) a recording's kit; what the job runs and what `wutong kit` runs."""
    report = KitReport()
    if not data.transcript.is_file():
        transcribe_recording(data, progress=_span(progress, 0.0, 0.6, "transcribe"), job=job)
    report.stages_done.append("transcribe")
    if not options.runs("highlights"):
        return report
    highlights = _highlights(data, options, _span(progress, 0.6, 0.65, "highlights"), job)
    report.stages_done.append("highlights")
    if not options.runs("clips"):
        return report
    _clips(data, highlights[: options.clips], report, _span(progress, 0.65, 0.95, "clips"), job)
    report.stages_done.append("clips")
    if options.runs("copy"):
        _copy(data, highlights[: options.clips], report, job)
        report.stages_done.append("copy")
    return report


def _highlights(data: RecordingData, options: KitOptions, progress: Progress | None,
                job: JobContext | None) -> list[Highlight]:
    kept = highlight_store.list_highlights(data.ctx.db, data.rec.tenant_id, data.rec.id)
    if kept and not options.refresh_highlights:
        return kept
    settings = data.ctx.settings.highlights.model_copy(update=options.highlight_options)
    if options.runs("clips"):
        settings = settings.model_copy(update={"max_count": max(settings.max_count, options.clips)})
    return find_recording_highlights(data, settings, progress=progress, job=job)


def _clips(data: RecordingData, highlights: list[Highlight], report: KitReport, progress: Progress | None,
           job: JobContext | None) -> None:
    done = {c.highlight_id: c.id for c in clip_store.list_clips(data.ctx.db, data.rec.tenant_id, data.rec.id)}
    for i, h in enumerate(highlights):
        if h.id in done:
            report.clip_ids.append(done[h.id])
            continue
        step = _span(progress, i / len(highlights), (i + 1) / len(highlights), f"clip {i + 1}/{len(highlights)}")
        try:
            clip = render_highlight_clip(data, h, (h.start, h.end), data.ctx.settings.clips, progress=step, job=job)
        except Cancelled:
            raise
        except WutongError as exc:  # one clip that cannot be rendered does not cost the leader the others
            log.warning("kit %s: clip of highlight %s failed: %s", data.rec.id, h.id, exc.message)
            report.failed_clips.append({"highlight_id": h.id, "code": exc.code, "message": exc.message})
            continue
        report.clip_ids.append(clip.id)


def _copy(data: RecordingData, highlights: list[Highlight], report: KitReport, job: JobContext | None) -> None:
    """The follow-up post for the recording's products and a caption for each clipped highlight."""
    ctx, tenant, rec_id = data.ctx, data.rec.tenant_id, data.rec.id
    have = {(d.kind, d.highlight_id) for d in draft_store.list_recording_drafts(ctx.db, tenant, rec_id)}
    skus = list(dict.fromkeys(sku for h in highlights for sku in h.skus))
    wanted = [("follow_up", None)] if skus else []
    clipped = {c.highlight_id for c in clip_store.list_clips(ctx.db, tenant, rec_id)}
    wanted += [("clip_caption", h.id) for h in highlights if h.id in clipped and h.skus]
    for kind, highlight_id in wanted:
        if (kind, highlight_id) in have:
            continue
        if job is not None:
            job.check()
        draft = draft_service.draft_copy(ctx, tenant, kind, skus if kind == "follow_up" else [], None,
                                         rec_id, highlight_id)
        report.draft_ids.append(draft.id)


def run_kit_job(job: JobContext) -> dict[str, Any]:
    data = recording_data(job.services, job.job.tenant_id, job.job.subject_id)
    job.progress(0.0, "transcribe")
    report = run_kit(data, KitOptions.of(job.job.params), progress=job.progress, job=job)
    return {"recording_id": data.rec.id, "stages": report.stages_done, "clip_ids": report.clip_ids,
            "failed_clips": report.failed_clips, "draft_ids": report.draft_ids}


JOBS = {"kit": run_kit_job}


@dataclass
class KitClip:
    clip: Any  # app.store.clips.Clip
    highlight: Highlight | None
    caption: str | None


@dataclass
class KitView:
    recording_id: str
    transcribed: bool
    highlights: list[Highlight]
    clips: list[KitClip]
    follow_up: str | None
    job: Job | None


def describe_kit(ctx: AppContext, tenant_id: str, recording_id: str) -> KitView:
    """Everything the kit has produced so far, whichever way it was produced (kit job or one by one)."""
    data = recording_data(ctx, tenant_id, recording_id)
    rec_id = data.rec.id
    highlights = highlight_store.list_highlights(ctx.db, tenant_id, rec_id)
    by_id = {h.id: h for h in highlights}
    drafts = draft_store.list_recording_drafts(ctx.db, tenant_id, rec_id)
    captions = {d.highlight_id: d.text for d in drafts if d.kind == "clip_caption"}
    follow_ups = [d.text for d in drafts if d.kind == "follow_up"]
    rank = {h.id: i for i, h in enumerate(highlights)}
    clips = sorted(clip_store.list_clips(ctx.db, tenant_id, rec_id), key=lambda c: rank.get(c.highlight_id, 99))
    jobs = job_store.list_jobs(ctx.db, tenant_id, recording_id=rec_id, kind="kit", limit=1)
    return KitView(rec_id, data.transcript.is_file(), highlights,
                   [KitClip(c, by_id.get(c.highlight_id), captions.get(c.highlight_id)) for c in clips],
                   follow_ups[-1] if follow_ups else None, jobs[0] if jobs else None)


def kit_zip(ctx: AppContext, tenant_id: str, recording_id: str) -> Path:
    """The kit as one zip for the leader's phone (clips, covers, captions, the follow-up, subtitles),
    written to a temp file the caller removes after sending (start-up sweeps any left behind)."""
    ctx.files.tmp.mkdir(parents=True, exist_ok=True)
    path = ctx.files.tmp / f"kit-{uuid.uuid4().hex}.zip"
    try:
        _write_zip(ctx, tenant_id, recording_id, path)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path


def _write_zip(ctx: AppContext, tenant_id: str, recording_id: str, target: Path) -> None:
    from app.services.transcription import load_transcript, render_transcript

    view = describe_kit(ctx, tenant_id, recording_id)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_STORED) as zf:  # MP4/JPEG do not compress
        if view.transcribed:
            srt, _ = render_transcript(load_transcript(ctx, recording_data(ctx, tenant_id, recording_id).rec), "srt")
            zf.writestr("字幕.srt", srt)
        if view.follow_up:
            zf.writestr("群发文案.txt", view.follow_up)
        for i, item in enumerate(view.clips, 1):
            folder = ctx.files.clip_dir(tenant_id, item.clip.id)
            title = item.highlight.title if item.highlight else ""
            for name, arc in ((item.clip.video, f"{i:02d}/视频.mp4"), (item.clip.cover, f"{i:02d}/封面.jpg")):
                if (folder / name).is_file():
                    zf.write(folder / name, arc)
            zf.writestr(f"{i:02d}/文案.txt", "\n\n".join(t for t in (title, item.caption) if t))
