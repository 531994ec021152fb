from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool

from app.deps import CtxDep, TenantDep
from app.schemas.comments import CommentsUploaded
from app.services import comments as service
from app.services.recordings import get_recording
from app.uploads import StreamingUpload, multipart_body

router = APIRouter(prefix="/v1/recordings", tags=["comments"])


@router.post("/{recording_id}/comments", response_model=CommentsUploaded, status_code=201,
             openapi_extra=multipart_body("Bilibili danmaku XML, or CSV/JSONL with time and text"))
async def upload_comments(recording_id: str, request: Request, ctx: CtxDep, tenant: TenantDep) -> CommentsUploaded:
    """The stream's live comments: Bilibili danmaku XML, or CSV/JSONL with `time` and `text`."""
    await run_in_threadpool(get_recording, ctx, tenant.id, recording_id)
    upload = await StreamingUpload(ctx.files.tmp, ctx.settings.uploads.limit("comments")).parse(request)
    data = upload.read_and_discard()
    saved = await run_in_threadpool(service.save_comments, ctx, tenant.id, recording_id, upload.file.filename, data)
    return CommentsUploaded(**saved)
