from typing import Annotated

from fastapi import APIRouter, Body
from fastapi.responses import FileResponse

from app.deps import CtxDep, TenantDep
from app.schemas.clips import ClipCreate, ClipPublic, ClipsPublic
from app.schemas.jobs import JobAccepted
from app.services import clips as service

router = APIRouter(prefix="/v1", tags=["clips"])


@router.post("/highlights/{highlight_id}/clip", response_model=JobAccepted, status_code=202)
def start_clip(highlight_id: str, ctx: CtxDep, tenant: TenantDep,
               body: Annotated[ClipCreate | None, Body()] = None) -> JobAccepted:
    """Render a highlight (or the span given) as a clip: a job whose result names the clip."""
    job = service.start_clip(ctx, tenant.id, highlight_id, (body or ClipCreate()).job_params())
    return JobAccepted(job_id=job.id)


@router.get("/recordings/{recording_id}/clips", response_model=ClipsPublic)
def list_clips(recording_id: str, ctx: CtxDep, tenant: TenantDep) -> ClipsPublic:
    """The recording's clips, newest first."""
    data = [ClipPublic.of(c) for c in service.list_recording_clips(ctx, tenant.id, recording_id)]
    return ClipsPublic(recording_id=recording_id, data=data, count=len(data))


@router.get("/clips/{clip_id}", response_model=ClipPublic)
def get_clip(clip_id: str, ctx: CtxDep, tenant: TenantDep) -> ClipPublic:
    return ClipPublic.of(service.get_clip(ctx, tenant.id, clip_id))


@router.get("/clips/{clip_id}/video")
def get_clip_video(clip_id: str, ctx: CtxDep, tenant: TenantDep) -> FileResponse:
    """The MP4 (Range requests answer 206, so a phone browser can seek)."""
    return FileResponse(service.clip_file(ctx, tenant.id, clip_id, "video"), media_type="video/mp4",
                        filename=f"wutong-{clip_id}.mp4", content_disposition_type="inline")


@router.get("/clips/{clip_id}/cover")
def get_clip_cover(clip_id: str, ctx: CtxDep, tenant: TenantDep) -> FileResponse:
    return FileResponse(service.clip_file(ctx, tenant.id, clip_id, "cover"), media_type="image/jpeg")
