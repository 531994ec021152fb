"""Transcription jobs: recording + tenant catalog -> transcript file (+ knowledge base)."""

from __future__ import annotations

import json
import os
import re
import threading
from pathlib import Path
from typing import Any

from app.context import AppContext
from app.jobs.worker import JobContext
from app.services.knowledge import get_kb, tenant_catalog
from app.store.glossary import add_terms, list_terms
from app.store.recordings import Recording, get_recording
from pipelines.asr import catalog_hotwords
from pipelines.asr.learning import introduced_terms, spread_words
from pipelines.errors import NotFound
from pipelines.transcript import Correction, Segment, Transcript

_edit_lock = threading.Lock()  # one read-modify-write of a transcript file at a time


def tenant_hotwords(ctx: AppContext, tenant_id: str, extra: list[str] | None = None) -> list[str]:
    """Catalog names and origins, then the terms the leader taught by correcting transcripts."""
    catalog = catalog_hotwords(tenant_catalog(ctx, tenant_id))
    return list(dict.fromkeys([*catalog, *list_terms(ctx.db, tenant_id), *(extra or [])]))


def transcribe_file(ctx: AppContext, path: Path, *, hotwords: list[str], language: str | None = None,
                    prompt: str | None = None, progress=None) -> Transcript:
    from pipelines.asr import transcribe

    options = ctx.settings.asr
    if language:
        options = options.model_copy(update={"language": None if language == "auto" else language})
    if prompt:  # OpenAI's `prompt`: here, terms to spell right (whisper base ignores free-text style hints)
        hotwords = [*hotwords, *(t for t in re.split(r"[\s,，、;；。]+", prompt) if 1 < len(t) <= 20)]
    with ctx.heavy:
        return transcribe(path, options, model_dir=ctx.settings.models_path, hotwords=hotwords, progress=progress)


def save_transcript(ctx: AppContext, rec: Recording, transcript: Transcript) -> Path:
    path = ctx.files.transcript(rec.tenant_id, rec.id)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(transcript.to_dict(), ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)
    return path


def load_transcript(ctx: AppContext, rec: Recording) -> Transcript:
    path = ctx.files.transcript(rec.tenant_id, rec.id)
    if not path.is_file():
        raise NotFound("这个录像还没有转写，请先提交转写任务", code="transcript_not_found")
    return Transcript.from_dict(json.loads(path.read_text(encoding="utf-8")))


def correct_segment(ctx: AppContext, rec: Recording, index: int, text: str) -> tuple[Segment, list[str]]:
    """Save the leader's wording of one sentence (times kept) and learn the terms it introduced."""
    with _edit_lock:
        transcript = load_transcript(ctx, rec)
        if not 0 <= index < len(transcript.segments):
            raise NotFound("找不到这一句，请刷新转写后再改", code="segment_not_found")
        old = transcript.segments[index]
        new = Segment(old.start, old.end, text.strip(), spread_words(text.strip(), old.start, old.end))
        transcript.segments[index] = new
        transcript.corrections.append(Correction(old.start, old.text, new.text, reason="leader"))
        save_transcript(ctx, rec, transcript)
    terms = introduced_terms(old.text, new.text, catalog_hotwords(tenant_catalog(ctx, rec.tenant_id)))
    add_terms(ctx.db, rec.tenant_id, terms)
    get_kb(ctx, rec.tenant_id).add_transcript(rec.id, transcript, title=f"直播回放 {rec.filename}")
    return new, terms


def run_transcribe_job(job: JobContext) -> dict[str, Any]:
    ctx: AppContext = job.services
    rec = get_recording(ctx.db, job.job.tenant_id, job.job.subject_id)
    if rec is None:
        raise NotFound("录像已被删除", code="recording_not_found")
    params = job.job.params
    hotwords = tenant_hotwords(ctx, rec.tenant_id, params.get("hotwords"))
    job.progress(0.0, "transcribing")
    transcript = transcribe_file(ctx, ctx.files.recording(rec.tenant_id, rec.id, rec.format), hotwords=hotwords,
                                 language=params.get("language"), progress=job.progress)
    save_transcript(ctx, rec, transcript)
    job.progress(0.99, "indexing")
    get_kb(ctx, rec.tenant_id).add_transcript(rec.id, transcript, title=f"直播回放 {rec.filename}")
    return {"recording_id": rec.id, "segments": len(transcript.segments), "duration_s": transcript.duration,
            "corrections": len(transcript.corrections)}
