from typing import Annotated

from fastapi import APIRouter, Body, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import PlainTextResponse

from app.deps import CtxDep, TenantDep
from app.lookups import recording_or_404
from app.schemas.jobs import JobAccepted
from app.schemas.transcripts import (
    SegmentCorrected,
    SegmentPublic,
    SegmentUpdate,
    TranscribeRequest,
    TranscriptFormat,
    TranscriptPublic,
)
from app.services.transcription import correct_segment, load_transcript
from pipelines.asr import to_srt, to_txt, to_vtt

router = APIRouter(prefix="/v1/recordings", tags=["transcripts"])
TEXT_FORMATS = {"srt": (to_srt, "application/x-subrip"), "vtt": (to_vtt, "text/vtt"), "txt": (to_txt, "text/plain")}


@router.post("/{recording_id}/transcribe", response_model=JobAccepted, status_code=202)
def start_transcription(recording_id: str, ctx: CtxDep, tenant: TenantDep,
                        body: Annotated[TranscribeRequest | None, Body()] = None) -> JobAccepted:
    rec = recording_or_404(ctx.db, tenant, recording_id)
    params = (body or TranscribeRequest()).model_dump()
    job = ctx.queue.enqueue(tenant.id, "transcribe", params, subject_id=rec.id)
    return JobAccepted(job_id=job.id)


@router.get("/{recording_id}/transcript", response_model=TranscriptPublic,
            responses={200: {"content": {"text/plain": {}, "text/vtt": {}, "application/x-subrip": {}}}})
def get_transcript(recording_id: str, ctx: CtxDep, tenant: TenantDep,
                   format: Annotated[TranscriptFormat, Query()] = "json"):
    rec = recording_or_404(ctx.db, tenant, recording_id)
    transcript = load_transcript(ctx, rec)
    if format in TEXT_FORMATS:
        render, media_type = TEXT_FORMATS[format]
        return PlainTextResponse(render(transcript), media_type=f"{media_type}; charset=utf-8")
    return TranscriptPublic(recording_id=rec.id, text=transcript.text, **transcript.to_dict())


@router.put("/{recording_id}/transcript/segments/{index}", response_model=SegmentCorrected)
async def update_segment(recording_id: str, index: int, body: SegmentUpdate, ctx: CtxDep,
                         tenant: TenantDep) -> SegmentCorrected:
    """The leader's correction of one sentence: its times are kept, its words re-timed evenly, and the
    terms it introduced join the tenant's glossary, so the next transcription spells them right."""
    rec = recording_or_404(ctx.db, tenant, recording_id)
    segment, terms = await run_in_threadpool(correct_segment, ctx, rec, index, body.text)
    return SegmentCorrected(recording_id=rec.id, index=index, glossary_terms=terms,
                            segment=SegmentPublic.model_validate(segment, from_attributes=True))
