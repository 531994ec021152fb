from typing import Annotated

from fastapi import APIRouter, Body, Request

from app.deps import CtxDep, TenantDep
from app.errors import ApiError
from app.lookups import recording_or_404
from app.schemas.highlights import ClipRequest, CommentsUploaded, HighlightPublic, HighlightsPublic, HighlightsRequest
from app.schemas.jobs import JobAccepted
from app.services import highlights as service
from app.store import highlights as store
from app.uploads import StreamingUpload

router = APIRouter(prefix="/v1", tags=["highlights"])
MAX_COMMENTS_BYTES = 20 * 1024 * 1024


@router.post("/recordings/{recording_id}/comments", response_model=CommentsUploaded, status_code=201)
async def upload_comments(recording_id: str, request: Request, ctx: CtxDep, tenant: TenantDep) -> CommentsUploaded:
    """The stream's live comments: Bilibili danmaku XML, or CSV/JSONL with `time` and `text`."""
    rec = recording_or_404(ctx.db, tenant, recording_id)
    upload = await StreamingUpload(ctx.files.tmp, MAX_COMMENTS_BYTES).parse(request)
    try:
        data = upload.file.path.read_bytes()
    finally:
        upload.discard()
    return CommentsUploaded(**service.save_comments(ctx, rec, upload.file.filename, data))


@router.post("/recordings/{recording_id}/highlights", response_model=JobAccepted, status_code=202)
def start_highlights(recording_id: str, ctx: CtxDep, tenant: TenantDep,
                     body: Annotated[HighlightsRequest | None, Body()] = None) -> JobAccepted:
    rec = recording_or_404(ctx.db, tenant, recording_id)
    if not ctx.files.transcript(tenant.id, rec.id).is_file():
        raise ApiError(409, "transcript_required", "请先转写这个录像，再找高光片段")
    job = ctx.queue.enqueue(tenant.id, "highlights", {"options": (body or HighlightsRequest()).options()}, rec.id)
    return JobAccepted(job_id=job.id)


@router.get("/recordings/{recording_id}/highlights", response_model=HighlightsPublic)
def list_highlights(recording_id: str, ctx: CtxDep, tenant: TenantDep) -> HighlightsPublic:
    rec = recording_or_404(ctx.db, tenant, recording_id)
    data = [HighlightPublic.model_validate(h, from_attributes=True)
            for h in store.list_highlights(ctx.db, tenant.id, rec.id)]
    return HighlightsPublic(recording_id=rec.id, data=data, count=len(data))


@router.post("/highlights/{highlight_id}/clip", response_model=JobAccepted, status_code=202)
def start_clip(highlight_id: str, ctx: CtxDep, tenant: TenantDep,
               body: Annotated[ClipRequest | None, Body()] = None) -> JobAccepted:
    if store.get_highlight(ctx.db, tenant.id, highlight_id) is None:
        raise ApiError(404, "highlight_not_found", "找不到这个高光片段")
    body = body or ClipRequest()
    params = {"options": body.model_dump(include={"layout", "subtitles", "title", "fit"}, exclude_none=True)}
    params |= body.model_dump(include={"start", "end"}, exclude_none=True)
    job = ctx.queue.enqueue(tenant.id, "clip", params, highlight_id)
    return JobAccepted(job_id=job.id)
