"""OpenAI-compatible speech to text: POST /v1/audio/transcriptions (works with the `openai` client)."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from pydantic import BaseModel, ValidationError

from app.deps import CtxDep, TenantDep
from app.errors import invalid_request
from app.limits import check_upload_rate
from app.services.transcription import render_transcript, transcribe_upload
from app.uploads import StreamingUpload, multipart_body
from pipelines.errors import InvalidInput
from pipelines.transcript import Transcript

router = APIRouter(prefix="/v1/audio", tags=["openai-compatible"])
LANGUAGE_NAMES = {"zh": "chinese", "en": "english", "ja": "japanese", "ko": "korean", "yue": "cantonese"}


class TranscriptionForm(BaseModel):
    model: str = "whisper-1"
    language: str | None = None
    prompt: str | None = None
    response_format: Literal["json", "text", "srt", "vtt", "verbose_json"] = "json"
    timestamp_granularities: list[Literal["segment", "word"]] = ["segment"]

    @classmethod
    def of(cls, upload: StreamingUpload) -> TranscriptionForm:
        granularities = upload.fields.get("timestamp_granularities[]") or upload.fields.get("timestamp_granularities")
        try:
            return cls(model=upload.field("model", "whisper-1"), language=upload.field("language") or None,
                       prompt=upload.field("prompt") or None, response_format=upload.field("response_format", "json"),
                       timestamp_granularities=granularities or ["segment"])
        except ValidationError as exc:
            raise InvalidInput(invalid_request(exc).message, code="invalid_request") from None  # OpenAI: 400


def verbose_json(t: Transcript, words: bool) -> dict:
    body = {
        "task": "transcribe", "language": LANGUAGE_NAMES.get(t.language, t.language), "duration": t.duration,
        "text": t.text,
        "segments": [{"id": i, "seek": 0, "start": s.start, "end": s.end, "text": s.text, "tokens": [],
                      "temperature": 0.0, "avg_logprob": 0.0, "compression_ratio": 1.0, "no_speech_prob": 0.0}
                     for i, s in enumerate(t.segments)],
    }
    if words:
        body["words"] = [{"word": w.word, "start": w.start, "end": w.end} for s in t.segments for w in s.words]
    return body


def render(t: Transcript, form: TranscriptionForm) -> Response:
    match form.response_format:
        case "text":
            return PlainTextResponse(t.text)
        case "srt" | "vtt":  # OpenAI sends SRT as text/plain
            text, media_type = render_transcript(t, form.response_format)
            return PlainTextResponse(text, media_type=media_type if form.response_format == "vtt" else "text/plain")
        case "verbose_json":
            return JSONResponse(verbose_json(t, "word" in form.timestamp_granularities))
    return JSONResponse({"text": t.text})


@router.post("/transcriptions", openapi_extra=multipart_body(
    "audio or video to transcribe", model="ignored (whisper-1)", language="e.g. zh", prompt="hint words",
    response_format="json, text, srt, vtt or verbose_json", **{"timestamp_granularities[]": "segment or word"}))
async def create_transcription(request: Request, ctx: CtxDep, tenant: TenantDep) -> Response:
    check_upload_rate(ctx.bot_limiter, tenant.id, ctx.settings.limits)
    upload = await StreamingUpload(ctx.files.tmp, ctx.settings.uploads.limit("recordings")).parse(request)
    try:
        form = TranscriptionForm.of(upload)
        transcript = await run_in_threadpool(transcribe_upload, ctx, tenant.id, upload.file.path,
                                             language=form.language, prompt=form.prompt)
    finally:
        upload.discard()
    return render(transcript, form)
