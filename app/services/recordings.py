from __future__ import annotations

import os
import time
import uuid

from app.context import AppContext
from app.store import recordings as rec_store
from app.store.recordings import Recording
from app.store.tenants import Tenant
from app.uploads import UploadedFile
from pipelines.media import probe


def save_recording(ctx: AppContext, tenant: Tenant, upload: UploadedFile) -> tuple[Recording, bool]:
    """Probe and keep an uploaded file; returns (recording, created). Same content -> same recording."""
    try:
        existing = rec_store.find_by_sha(ctx.db, tenant.id, upload.sha256)
        if existing:
            return existing, False
        info = probe(upload.path)
        rec = Recording(
            id=uuid.uuid4().hex[:16], tenant_id=tenant.id, sha256=upload.sha256,
            filename=os.path.basename(upload.filename)[:200], size_bytes=upload.size, format=info.format,
            duration_s=info.duration_s, has_video=info.has_video, width=info.width, height=info.height,
            created_at=time.time(),
        )
        target = ctx.files.recording(tenant.id, rec.id, rec.format)
        os.replace(upload.path, target)
        stored = rec_store.insert_recording(ctx.db, rec)
        if stored.id != rec.id:  # a concurrent identical upload won the race
            target.unlink(missing_ok=True)
        return stored, stored.id == rec.id
    finally:
        upload.path.unlink(missing_ok=True)


def recording_path(ctx: AppContext, rec: Recording):
    return ctx.files.recording(rec.tenant_id, rec.id, rec.format)


def delete_recording(ctx: AppContext, rec: Recording) -> None:
    rec_store.delete_recording(ctx.db, rec.tenant_id, rec.id)
    recording_path(ctx, rec).unlink(missing_ok=True)
    ctx.files.transcript(rec.tenant_id, rec.id).unlink(missing_ok=True)
