"""Highlights and clips: transcript + catalog + comments -> highlights -> rendered short videos."""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import asdict
from typing import Any

from app.context import AppContext
from app.jobs.worker import JobContext
from app.services.knowledge import tenant_catalog
from app.services.transcription import load_transcript
from app.store import highlights as store
from app.store.recordings import Recording, get_recording
from pipelines.clips import render_clip
from pipelines.comments import Comment, parse_comments
from pipelines.errors import NotFound
from pipelines.highlights import find_highlights
from pipelines.llm import get_llm


def save_comments(ctx: AppContext, rec: Recording, filename: str, data: bytes) -> dict[str, Any]:
    parsed = parse_comments(data, filename)
    path = ctx.files.comments(rec.tenant_id, rec.id)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps([asdict(c) for c in parsed.comments], ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)
    return {"recording_id": rec.id, "format": parsed.format, "count": len(parsed.comments), "skipped": parsed.skipped}


def load_comments(ctx: AppContext, rec: Recording) -> list[Comment]:
    path = ctx.files.comments(rec.tenant_id, rec.id)
    if not path.is_file():
        return []
    return [Comment(**c) for c in json.loads(path.read_text(encoding="utf-8"))]


def _recording(ctx: AppContext, tenant_id: str, recording_id: str) -> Recording:
    rec = get_recording(ctx.db, tenant_id, recording_id)
    if rec is None:
        raise NotFound("录像已被删除", code="recording_not_found")
    return rec


def run_highlights_job(job: JobContext) -> dict[str, Any]:
    ctx: AppContext = job.services
    rec = _recording(ctx, job.job.tenant_id, job.job.subject_id)
    transcript = load_transcript(ctx, rec)
    options = ctx.settings.highlights.model_copy(update=job.job.params.get("options") or {})
    job.progress(0.1, "scoring")
    llm = get_llm(ctx.settings.llm, ctx.settings.models_path) if options.llm_titles else None
    highlights = find_highlights(transcript, tenant_catalog(ctx, rec.tenant_id), load_comments(ctx, rec), options, llm)
    for h in highlights:  # ids must be unique across recordings: they address /v1/highlights/{id}
        h.id = uuid.uuid4().hex[:16]
    store.replace_highlights(ctx.db, rec.tenant_id, rec.id, highlights)
    return {"recording_id": rec.id, "count": len(highlights), "highlight_ids": [h.id for h in highlights]}


def run_clip_job(job: JobContext) -> dict[str, Any]:
    ctx: AppContext = job.services
    params = job.job.params
    found = store.get_highlight(ctx.db, job.job.tenant_id, job.job.subject_id)
    if found is None:
        raise NotFound("高光片段已被删除或重新生成，请刷新后再试", code="highlight_not_found")
    rec = _recording(ctx, job.job.tenant_id, found.recording_id)
    transcript = load_transcript(ctx, rec)
    span = (params.get("start", found.highlight.start), params.get("end", found.highlight.end))
    options = ctx.settings.clips.model_copy(update=params.get("options") or {})
    clip_id = uuid.uuid4().hex[:16]
    out_dir = ctx.files.clip_dir(rec.tenant_id, clip_id)
    with ctx.heavy:
        rendered = render_clip(ctx.files.recording(rec.tenant_id, rec.id, rec.format), span, transcript, options,
                               out_dir, progress=lambda fraction: job.progress(fraction, "rendering"))
    clip = store.Clip(id=clip_id, highlight_id=found.highlight.id, recording_id=rec.id, start=span[0], end=span[1],
                      duration=rendered.duration, width=rendered.width, height=rendered.height, layout=options.layout,
                      video=rendered.video.name, cover=rendered.cover.name)
    store.insert_clip(ctx.db, rec.tenant_id, clip)
    return {"clip_id": clip_id, "duration": rendered.duration, "width": rendered.width, "height": rendered.height}
