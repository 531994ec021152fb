from typing import Annotated

from fastapi import APIRouter, Body

from app.deps import CtxDep, TenantDep
from app.schemas.highlights import HighlightPublic, HighlightsCreate, HighlightsPublic
from app.schemas.jobs import JobAccepted
from app.services import highlights as service

router = APIRouter(prefix="/v1/recordings", tags=["highlights"])


@router.post("/{recording_id}/highlights", response_model=JobAccepted, status_code=202)
def start_highlights(recording_id: str, ctx: CtxDep, tenant: TenantDep,
                     body: Annotated[HighlightsCreate | None, Body()] = None) -> JobAccepted:
    """Find the recording's highlights (a job; the recording must be transcribed first)."""
    job = service.start_highlights(ctx, tenant.id, recording_id, (body or HighlightsCreate()).options())
    return JobAccepted(job_id=job.id)


@router.get("/{recording_id}/highlights", response_model=HighlightsPublic)
def list_highlights(recording_id: str, ctx: CtxDep, tenant: TenantDep) -> HighlightsPublic:
    data = [HighlightPublic.model_validate(h, from_attributes=True)
            for h in service.list_highlights(ctx, tenant.id, recording_id)]
    return HighlightsPublic(recording_id=recording_id, data=data, count=len(data))
