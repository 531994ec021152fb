"""Transcription jobs: recording + tenant catalog -> transcript file (+ knowledge base)."""

from __future__ import annotations

import difflib
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
from pipelines.errors import NotFound
from pipelines.transcript import Correction, Segment, Transcript, Word

_edit_lock = threading.Lock()  # one read-modify-write of a transcript file at a time
_UNIT = re.compile(r"(?:[A-Za-z0-9.%]+|[\u3400-\u9fff]|\S)[^\w\s]*")  # a character or a Latin run, + punctuation
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
_PARTICLES = set("的了吗呢啊吧呀哦嘛也都就还很是在和")
_FILLERS = {"还有", "就是", "我们", "大家", "这个", "那个", "一个", "今天", "还是", "然后", "所以", "因为", "但是",
            "可以", "非常", "特别", "真的", "这款", "这些", "给大家", "我们家"}
TERM_CHARS = (2, 8)
MAX_CHANGE_CHARS = 12  # a longer insertion is the leader rewriting, not whisper mishearing a word


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
