from fastapi import APIRouter
from fastapi.responses import FileResponse

from app.context import AppContext
from app.deps import CtxDep, TenantDep
from app.errors import ApiError
from app.schemas.highlights import ClipPublic
from app.store import highlights as store
from app.store.highlights import Clip
from app.store.tenants import Tenant

router = APIRouter(prefix="/v1/clips", tags=["clips"])


def clip_or_404(ctx: AppContext, tenant: Tenant, clip_id: str) -> Clip:
    clip = store.get_clip(ctx.db, tenant.id, clip_id)
    if clip is None:
        raise ApiError(404, "clip_not_found", "找不到这个短视频")
    return clip


def public(clip: Clip) -> ClipPublic:
    return ClipPublic(**{k: v for k, v in vars(clip).items() if k not in ("video", "cover", "caption")},
                      video_url=f"/v1/clips/{clip.id}/video", cover_url=f"/v1/clips/{clip.id}/cover")


@router.get("/{clip_id}", response_model=ClipPublic)
def get_clip(clip_id: str, ctx: CtxDep, tenant: TenantDep) -> ClipPublic:
    return public(clip_or_404(ctx, tenant, clip_id))


@router.get("/{clip_id}/video")
def get_clip_video(clip_id: str, ctx: CtxDep, tenant: TenantDep) -> FileResponse:
    """The MP4 (Range requests answer 206, so a phone browser can seek)."""
    clip = clip_or_404(ctx, tenant, clip_id)
    return FileResponse(ctx.files.clip_dir(tenant.id, clip.id) / clip.video, media_type="video/mp4",
                        filename=f"wutong-{clip.id}.mp4", content_disposition_type="inline")


@router.get("/{clip_id}/cover")
def get_clip_cover(clip_id: str, ctx: CtxDep, tenant: TenantDep) -> FileResponse:
    clip = clip_or_404(ctx, tenant, clip_id)
    return FileResponse(ctx.files.clip_dir(tenant.id, clip.id) / clip.cover, media_type="image/jpeg")
