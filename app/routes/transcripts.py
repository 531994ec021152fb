from typing import Annotated

from fastapi import APIRouter, Body, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import PlainTextResponse

from app.deps import CtxDep, TenantDep
from app.schemas.jobs import JobAccepted
from app.schemas.transcripts import (
    SegmentCorrected,
    SegmentPublic,
    SegmentUpdate,
    TranscriptFormat,
    TranscriptionCreate,
    TranscriptPublic,
)
from app.services import recordings
from app.services import transcription as service

router = APIRouter(prefix="/v1/recordings", tags=["transcripts"])


@router.post("/{recording_id}/transcribe", response_model=JobAccepted, status_code=202)
def start_transcription(recording_id: str, ctx: CtxDep, tenant: TenantDep,
                        body: Annotated[TranscriptionCreate | None, Body()] = None) -> JobAccepted:
    params = (body or TranscriptionCreate()).model_dump()
    return JobAccepted(job_id=service.start_transcription(ctx, tenant.id, recording_id, params).id)


@router.get("/{recording_id}/transcript", response_model=TranscriptPublic,
            responses={200: {"content": {"text/plain": {}, "text/vtt": {}, "application/x-subrip": {}}}})
def get_transcript(recording_id: str, ctx: CtxDep, tenant: TenantDep,
                   format: Annotated[TranscriptFormat, Query()] = "json"):
    transcript = service.load_transcript(ctx, recordings.get_recording(ctx, tenant.id, recording_id))
    if format != "json":
        text, media_type = service.render_transcript(transcript, format)
        return PlainTextResponse(text, media_type=f"{media_type}; charset=utf-8")
    return TranscriptPublic(recording_id=recording_id, text=transcript.text, **transcript.to_dict())


@router.put("/{recording_id}/transcript/segments/{index}", response_model=SegmentCorrected)
async def update_segment(recording_id: str, index: int, body: SegmentUpdate, ctx: CtxDep,
                         tenant: TenantDep) -> SegmentCorrected:
    """The leader's correction of one sentence: its times are kept, its words re-timed evenly, and the
    terms it introduced join the tenant's glossary, so the next transcription spells them right."""
    segment, terms = await run_in_threadpool(service.correct_segment, ctx, tenant.id, recording_id, index, body.text)
    return SegmentCorrected(recording_id=recording_id, index=index, glossary_terms=terms,
                            segment=SegmentPublic.model_validate(segment, from_attributes=True))
