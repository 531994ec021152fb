"""Highlights: transcript + catalog + live comments -> the moments worth a clip, best first."""

from __future__ import annotations

from typing import Any

from app.context import AppContext
from app.jobs.worker import JobContext
from app.services.catalog import tenant_catalog
from app.services.comments import load_comments
from app.services.lookup import require
from app.services.recordings import RecordingData, get_recording, recording_data
from app.services.transcription import load_transcript
from app.store import highlights as store
from app.store.highlights import StoredHighlight
from app.store.jobs import Job
from app.store.sql import new_id
from pipelines.highlights import Highlight, HighlightOptions, find_highlights
from pipelines.llm import get_llm


def start_highlights(ctx: AppContext, tenant_id: str, recording_id: str, options: dict[str, Any]) -> Job:
    """A highlights job; on a recording not transcribed yet, a kit job that transcribes first and stops
    after the highlights (so the leader never has to call the steps in order)."""
    data = recording_data(ctx, tenant_id, recording_id)
    if not data.transcript.is_file():
        return data.enqueue("kit", {"until": "highlights", "refresh_highlights": True,
                                    "highlight_options": options})
    return data.enqueue("highlights", {"options": options})


def list_highlights(ctx: AppContext, tenant_id: str, recording_id: str) -> list[Highlight]:
    return store.list_highlights(ctx.db, tenant_id, get_recording(ctx, tenant_id, recording_id).id)


def get_highlight(ctx: AppContext, tenant_id: str, highlight_id: str) -> StoredHighlight:
    return require(store.get_highlight(ctx.db, tenant_id, highlight_id), "highlight")


def find_recording_highlights(data: RecordingData, options: HighlightOptions, *, progress=None,
                              job: JobContext | None = None) -> list[Highlight]:
    """Find and keep a recording's highlights (what the job runs; the CLI too)."""
    ctx, rec = data.ctx, data.rec
    transcript = load_transcript(ctx, rec)
    if progress:
        progress(0.1, "scoring")
    llm = get_llm(ctx.settings.llm, ctx.settings.models_path) if options.llm_titles else None
    found = find_highlights(transcript, tenant_catalog(ctx, rec.tenant_id), load_comments(ctx, rec), options, llm)
    for h in found:  # ids must be unique across recordings: they address /v1/highlights/{id}
        h.id = new_id()
    with data.writing(job), ctx.db.write() as conn:
        store.replace_highlights(conn, rec.tenant_id, rec.id, found)
    return found


def run_highlights_job(job: JobContext) -> dict[str, Any]:
    ctx: AppContext = job.services
    data = recording_data(ctx, job.job.tenant_id, job.job.subject_id)
    options = ctx.settings.highlights.model_copy(update=job.job.params.get("options") or {})
    found = find_recording_highlights(data, options, progress=job.progress, job=job)
    return {"recording_id": data.rec.id, "count": len(found), "highlight_ids": [h.id for h in found]}


JOBS = {"highlights": run_highlights_job}
