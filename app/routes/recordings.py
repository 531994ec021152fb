from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, JSONResponse

from app.deps import CtxDep, TenantDep
from app.limits import check_upload_rate
from app.schemas.recordings import RecordingPublic, RecordingsPublic
from app.services import recordings as service
from app.uploads import StreamingUpload, multipart_body

router = APIRouter(prefix="/v1/recordings", tags=["recordings"])


@router.post("", response_model=RecordingPublic, status_code=201,
             responses={200: {"description": "the same file was uploaded before", "model": RecordingPublic}},
             openapi_extra=multipart_body("mp4, m4a, mp3, wav, flv or webm with an audio track"))
async def upload_recording(request: Request, ctx: CtxDep, tenant: TenantDep) -> JSONResponse:
    """Multipart upload, field `file`: mp4, m4a, mp3, wav, flv or webm with an audio track."""
    check_upload_rate(ctx.bot_limiter, tenant.id, ctx.settings.limits)
    length = request.headers.get("content-length", "")
    declared = int(length) if length.isdigit() else 0  # refuse before 2 GB are written, when the size is told
    await run_in_threadpool(ctx.storage.check, ctx.files.tenant_dir(tenant.id), declared, ctx.settings.limits)
    upload = await StreamingUpload(ctx.files.tmp, ctx.settings.uploads.limit("recordings")).parse(request)
    rec, created = await run_in_threadpool(service.save_recording, ctx, tenant.id, upload.file)  # probes: not on the loop
    _, summary = await run_in_threadpool(service.describe_recording, ctx, tenant.id, rec.id)
    return JSONResponse(RecordingPublic.of(rec, summary).model_dump(), status_code=201 if created else 200)


@router.get("", response_model=RecordingsPublic)
def list_recordings(ctx: CtxDep, tenant: TenantDep) -> RecordingsPublic:
    recs = [RecordingPublic.of(rec, summary) for rec, summary in service.list_recordings(ctx, tenant.id)]
    return RecordingsPublic(data=recs, count=len(recs))


@router.get("/{recording_id}", response_model=RecordingPublic)
def get_recording(recording_id: str, ctx: CtxDep, tenant: TenantDep) -> RecordingPublic:
    return RecordingPublic.of(*service.describe_recording(ctx, tenant.id, recording_id))


@router.get("/{recording_id}/media")
def get_recording_media(recording_id: str, ctx: CtxDep, tenant: TenantDep) -> FileResponse:
    """The uploaded file itself (Range requests supported, for seeking in a browser)."""
    rec, path = service.media_path(ctx, tenant.id, recording_id)
    return FileResponse(path, filename=f"{rec.id}.{rec.format}")


@router.delete("/{recording_id}", status_code=204)
def delete_recording(recording_id: str, ctx: CtxDep, tenant: TenantDep) -> Response:
    """Delete the recording and everything made from it: transcript, its knowledge document, comments,
    highlights, clips and jobs (a running job is cancelled and writes nothing back); drafts keep their text."""
    service.delete_recording(ctx, tenant.id, recording_id)
    return Response(status_code=204)
