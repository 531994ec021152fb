from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Body
from fastapi.responses import FileResponse

from app.deps import CtxDep, TenantDep
from app.schemas.jobs import JobAccepted
from app.schemas.kit import KitCreate, KitPublic
from app.services import kit as service

router = APIRouter(prefix="/v1/recordings", tags=["kit"])


@router.post("/{recording_id}/kit", response_model=JobAccepted, status_code=202)
def start_kit(recording_id: str, ctx: CtxDep, tenant: TenantDep,
              body: Annotated[KitCreate | None, Body()] = None) -> JobAccepted:
    """The after-stream kit in one job: transcribe, index, highlights, the top clips with covers, the
    follow-up post and a caption per clip. Each stage is kept as soon as it is done; a re-run skips it."""
    job = service.start_kit(ctx, tenant.id, recording_id, (body or KitCreate()).job_params())
    return JobAccepted(job_id=job.id)


@router.get("/{recording_id}/kit", response_model=KitPublic)
def get_kit(recording_id: str, ctx: CtxDep, tenant: TenantDep) -> KitPublic:
    """Everything produced so far: transcript link, highlights, clips with covers and captions, follow-up."""
    return KitPublic.of(service.describe_kit(ctx, tenant.id, recording_id))


@router.get("/{recording_id}/kit.zip", response_class=FileResponse,
            responses={200: {"content": {"application/zip": {}}}})
def download_kit(recording_id: str, ctx: CtxDep, tenant: TenantDep, cleanup: BackgroundTasks) -> FileResponse:
    """The kit as one zip: numbered folders with 视频.mp4, 封面.jpg and 文案.txt, plus 群发文案.txt and 字幕.srt."""
    path = service.kit_zip(ctx, tenant.id, recording_id)
    cleanup.add_task(path.unlink, missing_ok=True)
    return FileResponse(path, media_type="application/zip", filename=f"wutong-kit-{recording_id}.zip")
