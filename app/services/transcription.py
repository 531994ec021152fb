"""Transcription: recording + tenant catalog + glossary -> transcript file and knowledge document;
the leader's corrections; the one place transcript formats are rendered."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.context import AppContext
from app.files import remove, write_atomic
from app.jobs.child import run_in_child
from app.jobs.worker import JobContext
from app.services.catalog import tenant_catalog
from app.services.knowledge import get_kb
from app.services.lookup import not_found, require
from app.services.recordings import RecordingData, recording_data
from app.store.glossary import add_terms, list_terms
from app.store.jobs import Job
from app.store.recordings import Recording
from pipelines.asr import TranscribeOptions, catalog_hotwords
from pipelines.asr.learning import introduced_terms, spread_words
from pipelines.asr.writers import render_transcript as render_transcript  # routes and CLI render through the service
from pipelines.media import probe
from pipelines.transcript import Correction, Segment, Transcript


def tenant_hotwords(ctx: AppContext, tenant_id: str, extra: list[str] | None = None) -> list[str]:
    """Catalog names and origins, then the terms the leader taught by correcting transcripts."""
    catalog = catalog_hotwords(tenant_catalog(ctx, tenant_id))
    return list(dict.fromkeys([*catalog, *list_terms(ctx.db, tenant_id), *(extra or [])]))


def tenant_knowledge(ctx: AppContext, tenant_id: str) -> list[str]:
    """The texts of the tenant's knowledge (recipes, FAQ, product fact sheets, documents) that teach the
    domain correction its words; past transcripts are left out so that a mishearing never teaches itself."""
    chunks = get_kb(ctx, tenant_id).snapshot().chunks  # read once per knowledge version, shared with retrieval
    return [hit.text for hits in chunks.values() for hit in hits if hit.kind != "transcript" and hit.text]


def transcribe_file(ctx: AppContext, path: Path, *, hotwords: list[str], language: str | None = None,
                    prompt: str | None = None, progress=None, knowledge: list[str] | None = None,
                    windows: Path | None = None, check: Callable[[], None] | None = None) -> Transcript:
    """`windows`: a folder that keeps finished windows, so a stopped transcription resumes there;
    `check` raises when the caller's job no longer runs (cancelled, timed out): the work stops then."""
    from pipelines.asr import WindowCheckpoint, transcribe

    options = ctx.settings.asr
    if language:
        options = options.model_copy(update={"language": None if language == "auto" else language})
    if prompt:  # OpenAI's `prompt`: here, terms to spell right (whisper base ignores free-text style hints)
        hotwords = [*hotwords, *(t for t in re.split(r"[\s,，、;；。]+", prompt) if 1 < len(t) <= 20)]
    checkpoint = WindowCheckpoint(windows, _decoding_key(options, hotwords)) if windows else None
    call = dict(model_dir=ctx.settings.models_path, hotwords=hotwords, knowledge=list(knowledge or ()),
                checkpoint=checkpoint)
    with ctx.heavy:
        if not ctx.settings.jobs.transcribe_in_child:
            return transcribe(path, options, progress=progress, **call)
        return run_in_child(transcribe, path, options, nice=ctx.settings.jobs.nice, progress=progress,
                            check=check, **call)


def _decoding_key(options: TranscribeOptions, hotwords: list[str]) -> str:
    """What decoding depends on: saved windows of a run with other options or terms are not reused."""
    return hashlib.sha256(json.dumps([options.model_dump(mode="json"), hotwords], ensure_ascii=False,
                                     sort_keys=True).encode()).hexdigest()[:16]


def transcribe_upload(ctx: AppContext, tenant_id: str, path: Path, *, language: str | None,
                      prompt: str | None) -> Transcript:
    """A file that is not kept as a recording (OpenAI-compatible endpoint)."""
    probe(path)
    return transcribe_file(ctx, path, hotwords=tenant_hotwords(ctx, tenant_id), language=language, prompt=prompt,
                           knowledge=tenant_knowledge(ctx, tenant_id))


def load_transcript(ctx: AppContext, rec: Recording) -> Transcript:
    path = RecordingData(ctx, rec).transcript
    if not path.is_file():
        raise not_found("transcript")
    return Transcript.from_dict(json.loads(path.read_text(encoding="utf-8")))


def keep_transcript(data: RecordingData, transcript: Transcript, job: JobContext | None = None) -> None:
    """Keep a transcript made elsewhere (a live stream's) as the recording's, indexed as rec:<id>."""
    with data.writing(job):
        _store(data, transcript)


def _store(data: RecordingData, transcript: Transcript) -> None:
    """Inside data.writing(): the file, then the knowledge document rec:<id>."""
    write_atomic(data.transcript, json.dumps(transcript.to_dict(), ensure_ascii=False))
    get_kb(data.ctx, data.rec.tenant_id).add_transcript(data.rec.id, transcript, title=f"直播回放 {data.rec.filename}")


def transcribe_recording(data: RecordingData, *, hotwords: list[str] | None = None, language: str | None = None,
                         progress=None, job: JobContext | None = None) -> Transcript:
    """Transcribe a stored recording and keep the result (what the job runs; the CLI too)."""
    ctx, rec = data.ctx, data.rec
    windows = ctx.files.transcript_windows(rec.tenant_id, rec.id)
    transcript = transcribe_file(ctx, data.media, hotwords=tenant_hotwords(ctx, rec.tenant_id, hotwords),
                                 language=language, progress=progress, knowledge=tenant_knowledge(ctx, rec.tenant_id),
                                 windows=windows, check=job.check if job else None)
    if progress:
        progress(0.99, "indexing")
    with data.writing(job):
        _store(data, transcript)
    remove(windows)
    return transcript


def start_transcription(ctx: AppContext, tenant_id: str, recording_id: str, params: dict[str, Any]) -> Job:
    return recording_data(ctx, tenant_id, recording_id).enqueue("transcribe", params)


def correct_segment(ctx: AppContext, tenant_id: str, recording_id: str, index: int,
                    text: str) -> tuple[Segment, list[str]]:
    """Save the leader's wording of one sentence (times kept) and learn the terms it introduced."""
    data = recording_data(ctx, tenant_id, recording_id)
    with data.writing():
        transcript = load_transcript(ctx, data.rec)
        old = require(transcript.segments[index] if 0 <= index < len(transcript.segments) else None, "segment")
        new = Segment(old.start, old.end, text.strip(), spread_words(text.strip(), old.start, old.end))
        transcript.segments[index] = new
        transcript.corrections.append(Correction(old.start, old.text, new.text, reason="leader"))
        _store(data, transcript)
    terms = introduced_terms(old.text, new.text, catalog_hotwords(tenant_catalog(ctx, tenant_id)))
    add_terms(ctx.db, tenant_id, terms)
    return new, terms


def run_transcribe_job(job: JobContext) -> dict[str, Any]:
    data = recording_data(job.services, job.job.tenant_id, job.job.subject_id)
    job.progress(0.0, "transcribing")
    params = job.job.params
    transcript = transcribe_recording(data, hotwords=params.get("hotwords"), language=params.get("language"),
                                      progress=job.progress, job=job)
    return {"recording_id": data.rec.id, "segments": len(transcript.segments), "duration_s": transcript.duration,
            "corrections": len(transcript.corrections)}


JOBS = {"transcribe": run_transcribe_job}

