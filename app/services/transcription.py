"""Transcription: recording + tenant catalog + glossary -> transcript file and knowledge document;
the leader's corrections; the one place transcript formats are rendered."""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path
from typing import Any

from app.context import AppContext
from app.files import write_atomic
from app.jobs.worker import JobContext
from app.services.catalog import tenant_catalog
from app.services.knowledge import get_kb
from app.services.lookup import not_found, require
from app.services.recordings import RecordingData, recording_data
from app.store.glossary import add_terms, list_terms
from app.store.jobs import Job
from app.store.recordings import Recording
from pipelines.asr import catalog_hotwords, to_srt, to_txt, to_vtt
from pipelines.media import probe
from pipelines.transcript import Correction, Segment, Transcript, Word

TEXT_FORMATS = {"srt": (to_srt, "application/x-subrip"), "vtt": (to_vtt, "text/vtt"), "txt": (to_txt, "text/plain")}
_UNIT = re.compile(r"(?:[A-Za-z0-9.%]+|[\u3400-\u9fff]|\S)[^\w\s]*")  # a character or a Latin run, + punctuation
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
_PARTICLES = set("的了吗呢啊吧呀哦嘛也都就还很是在和")
_FILLERS = {"还有", "就是", "我们", "大家", "这个", "那个", "一个", "今天", "还是", "然后", "所以", "因为", "但是",
            "可以", "非常", "特别", "真的", "这款", "这些", "给大家", "我们家"}
TERM_CHARS = (2, 8)
MAX_CHANGE_CHARS = 12  # a longer insertion is the leader rewriting, not whisper mishearing a word


def render_transcript(transcript: Transcript, fmt: str) -> tuple[str, str]:
    """(text, media type) of a transcript as srt, vtt, txt or json: API and CLI both use this."""
    if fmt == "json":
        return json.dumps(transcript.to_dict(), ensure_ascii=False, indent=1), "application/json"
    if fmt not in TEXT_FORMATS:
        raise ValueError(f"unknown transcript format {fmt!r}")
    render, media_type = TEXT_FORMATS[fmt]
    return render(transcript), media_type


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


def transcribe_upload(ctx: AppContext, tenant_id: str, path: Path, *, language: str | None,
                      prompt: str | None) -> Transcript:
    """A file that is not kept as a recording (OpenAI-compatible endpoint)."""
    probe(path)
    return transcribe_file(ctx, path, hotwords=tenant_hotwords(ctx, tenant_id), language=language, prompt=prompt)


def load_transcript(ctx: AppContext, rec: Recording) -> Transcript:
    path = RecordingData(ctx, rec).transcript
    if not path.is_file():
        raise not_found("transcript")
    return Transcript.from_dict(json.loads(path.read_text(encoding="utf-8")))


def _store(data: RecordingData, transcript: Transcript) -> None:
    """Inside data.writing(): the file, then the knowledge document rec:<id>."""
    write_atomic(data.transcript, json.dumps(transcript.to_dict(), ensure_ascii=False))
    get_kb(data.ctx, data.rec.tenant_id).add_transcript(data.rec.id, transcript, title=f"直播回放 {data.rec.filename}")


def transcribe_recording(data: RecordingData, *, hotwords: list[str] | None = None, language: str | None = None,
                         progress=None, job: JobContext | None = None) -> Transcript:
    """Transcribe a stored recording and keep the result (what the job runs; the CLI too)."""
    ctx, rec = data.ctx, data.rec
    transcript = transcribe_file(ctx, data.media, hotwords=tenant_hotwords(ctx, rec.tenant_id, hotwords),
                                 language=language, progress=progress)
    if progress:
        progress(0.99, "indexing")
    with data.writing(job):
        _store(data, transcript)
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


# -- term mining from corrections (the core branch moves these to pipelines/asr/learning.py) -------------

def spread_words(text: str, start: float, end: float) -> list[Word]:
    """Words for a corrected sentence, timed evenly across its span (the audio did not change)."""
    units = _UNIT.findall(text)
    step = (end - start) / max(len(units), 1)
    return [Word(round(start + i * step, 3), round(start + (i + 1) * step, 3), u, 1.0) for i, u in enumerate(units)]


def introduced_terms(original: str, corrected: str, catalog_terms: list[str]) -> list[str]:
    """Terms a correction introduced: catalog names and origins now spelled right, and the Chinese
    words (2-8 characters) around each short change, which is what whisper misheard."""
    terms = [t for t in catalog_terms if t in corrected and t not in original]
    opcodes = difflib.SequenceMatcher(None, original, corrected, autojunk=False).get_opcodes()
    for tag, _, _, j1, j2 in opcodes:
        if tag in ("replace", "insert") and j2 - j1 <= MAX_CHANGE_CHARS:
            terms += _changed_words(corrected, j1, j2)
    return [t for t in dict.fromkeys(terms) if t not in original]


def _changed_words(text: str, j1: int, j2: int) -> list[str]:
    """The words (by jieba) of text[j1:j2]'s Chinese runs that the change touches."""
    found = []
    for run in _CJK_RUN.finditer(text):
        if run.start() < j2 and run.end() > j1:
            words = _words_touching(run.group(), j1 - run.start(), j2 - run.start())
            found += _terms_between_fillers(words)
    return found


def _words_touching(run: str, j1: int, j2: int) -> list[str]:
    import jieba

    words = jieba.lcut(run)
    ends = [len("".join(words[:i + 1])) for i in range(len(words))]
    hit = [i for i, end in enumerate(ends) if end - len(words[i]) < j2 and end > j1]
    lo, hi = hit[0], hit[-1]
    # jieba splits an unknown name into pieces (巴坦|木): take a lone character beside the change too
    if lo > 0 and len(words[lo - 1]) == 1 and words[lo - 1] not in _PARTICLES:
        lo -= 1
    if hi + 1 < len(words) and len(words[hi + 1]) == 1 and words[hi + 1] not in _PARTICLES:
        hi += 1
    return words[lo:hi + 1]


def _terms_between_fillers(words: list[str]) -> list[str]:
    """还有|沙瓤|西红柿|和|桂花|酒酿 -> 沙瓤西红柿, 桂花酒酿."""
    terms, current = [], ""
    for word in [*words, "的"]:
        if word in _FILLERS or word in _PARTICLES:
            if TERM_CHARS[0] <= len(current) <= TERM_CHARS[1]:
                terms.append(current)
            current = ""
        else:
            current += word
    return terms
