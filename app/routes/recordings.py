from fastapi import APIRouter, Request, Response
from fastapi.responses import FileResponse, JSONResponse

from app.deps import CtxDep, TenantDep
from app.lookups import recording_or_404
from app.schemas.recordings import RecordingPublic, RecordingsPublic
from app.services import recordings as service
from app.store import recordings as rec_store
from app.uploads import StreamingUpload

router = APIRouter(prefix="/v1/recordings", tags=["recordings"])


@router.post("", response_model=RecordingPublic, status_code=201,
             responses={200: {"description": "the same file was uploaded before"}})
async def upload_recording(request: Request, ctx: CtxDep, tenant: TenantDep) -> JSONResponse:
    """Multipart upload, field `file`: mp4, m4a, mp3, wav, flv or webm with an audio track."""
    max_bytes = ctx.settings.max_upload_mb * 1024 * 1024
    upload = await StreamingUpload(ctx.files.tmp, max_bytes).parse(request)
    rec, created = service.save_recording(ctx, tenant, upload.file)
    return JSONResponse(RecordingPublic.of(rec).model_dump(), status_code=201 if created else 200)


@router.get("", response_model=RecordingsPublic)
def list_recordings(ctx: CtxDep, tenant: TenantDep) -> RecordingsPublic:
    recs = [RecordingPublic.of(r) for r in rec_store.list_recordings(ctx.db, tenant.id)]
    return RecordingsPublic(data=recs, count=len(recs))


@router.get("/{recording_id}", response_model=RecordingPublic)
def get_recording(recording_id: str, ctx: CtxDep, tenant: TenantDep) -> RecordingPublic:
    return RecordingPublic.of(recording_or_404(ctx.db, tenant, recording_id))


@router.get("/{recording_id}/media")
def get_recording_media(recording_id: str, ctx: CtxDep, tenant: TenantDep) -> FileResponse:
    """The uploaded file itself (Range requests supported, for seeking in a browser)."""
    rec = recording_or_404(ctx.db, tenant, recording_id)
    return FileResponse(service.recording_path(ctx, rec), filename=f"{rec.id}.{rec.format}")


@router.delete("/{recording_id}", status_code=204)
def delete_recording(recording_id: str, ctx: CtxDep, tenant: TenantDep) -> Response:
    service.delete_recording(ctx, recording_or_404(ctx.db, tenant, recording_id))
    return Response(status_code=204)
