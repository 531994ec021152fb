"""Recordings, and RecordingData: the one object that knows everything a recording owns.

A recording owns its media file, transcript, live comments, highlights, clips (rows and files), its
knowledge-base document `rec:<id>` and its jobs. Every write of one of those artefacts happens inside
`RecordingData.writing()`, and deletion holds the same lock, so an artefact is either written before
the delete (and deleted with the rest) or refused after it: a job that finishes late writes nothing.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.context import AppContext
from app.errors import Cancelled
from app.files import move_into_place, remove
from app.limits import check_queue
from app.services.knowledge import drop_document
from app.services.lookup import not_found, require
from app.store import clips as clip_store
from app.store import drafts as draft_store
from app.store import highlights as highlight_store
from app.store import jobs as job_store
from app.store import recordings as store
from app.store.jobs import Job
from app.store.recordings import Recording
from app.store.sql import new_id, now
from app.uploads import UploadedFile
from pipelines.media import probe


@dataclass(frozen=True)
class RecordingSummary:
    """What has been made from a recording so far (so no client works it out from the job list)."""

    transcribed: bool
    has_comments: bool
    highlights: int
    clips: int


class RecordingData:
    def __init__(self, ctx: AppContext, rec: Recording) -> None:
        self.ctx, self.rec = ctx, rec

    @property
    def media(self) -> Path:
        return self.ctx.files.recording(self.rec.tenant_id, self.rec.id, self.rec.format)

    @property
    def transcript(self) -> Path:
        return self.ctx.files.transcript(self.rec.tenant_id, self.rec.id)

    @property
    def comments(self) -> Path:
        return self.ctx.files.comments(self.rec.tenant_id, self.rec.id)

    @property
    def document_id(self) -> str:
        return f"rec:{self.rec.id}"

    def files(self) -> list[Path]:
        clips = clip_store.list_clips(self.ctx.db, self.rec.tenant_id, self.rec.id)
        return [self.media, self.transcript, self.comments, self.ctx.files.transcript_windows(self.rec.tenant_id, self.rec.id),
                *(self.ctx.files.clip_dir(self.rec.tenant_id, c.id) for c in clips)]

    def summary(self, highlights: int | None = None, clips: int | None = None) -> RecordingSummary:
        tenant, rec_id = self.rec.tenant_id, self.rec.id
        if highlights is None:
            highlights = highlight_store.count_by_recording(self.ctx.db, tenant).get(rec_id, 0)
        if clips is None:
            clips = clip_store.count_by_recording(self.ctx.db, tenant).get(rec_id, 0)
        return RecordingSummary(self.transcript.is_file(), self.comments.is_file(), highlights, clips)

    @contextmanager
    def _held(self) -> Iterator[None]:
        with self.ctx.locks.hold(("recording", self.rec.tenant_id, self.rec.id)):
            yield

    def _exists(self) -> bool:
        return store.get_recording(self.ctx.db, self.rec.tenant_id, self.rec.id) is not None

    @contextmanager
    def writing(self, job: Any = None) -> Iterator[None]:
        """Write one of the recording's artefacts. Refused (Cancelled for a job, NotFound for a request)
        when the recording was deleted or the job cancelled."""
        with self._held():
            if job is not None:
                job.check()
            if not self._exists():
                raise Cancelled("录像已被删除", code="recording_deleted") if job else not_found("recording")
            yield

    def enqueue(self, kind: str, params: dict[str, Any], subject_id: str | None = None) -> Job:
        """Queue a job on this recording (refused once it is deleted, or when the tenant has too many waiting)."""
        check_queue(self.ctx.db, self.rec.tenant_id, self.ctx.settings.limits)
        with self.writing():
            return self.ctx.queue.enqueue(self.rec.tenant_id, kind, params, subject_id or self.rec.id, self.rec.id)

    def delete(self) -> None:
        """Cancel its jobs, then remove its knowledge document, files and rows (drafts keep their text)."""
        tenant, rec_id = self.rec.tenant_id, self.rec.id
        with self._held():
            with self.ctx.db.write() as conn:
                job_store.cancel_jobs(conn, tenant, recording_id=rec_id)
            drop_document(self.ctx, tenant, self.document_id)
            for path in self.files():
                remove(path)
            with self.ctx.db.write() as conn:  # rows last: a delete that failed half-way can simply be retried
                for forget in (clip_store.delete_recording_clips, highlight_store.delete_recording_highlights,
                               job_store.delete_recording_jobs, draft_store.forget_recording,
                               store.delete_recording_row):
                    forget(conn, tenant, rec_id)


def get_recording(ctx: AppContext, tenant_id: str, recording_id: str) -> Recording:
    return require(store.get_recording(ctx.db, tenant_id, recording_id), "recording")


def recording_data(ctx: AppContext, tenant_id: str, recording_id: str) -> RecordingData:
    return RecordingData(ctx, get_recording(ctx, tenant_id, recording_id))


def list_recordings(ctx: AppContext, tenant_id: str) -> list[tuple[Recording, RecordingSummary]]:
    highlights = highlight_store.count_by_recording(ctx.db, tenant_id)
    clips = clip_store.count_by_recording(ctx.db, tenant_id)
    return [(rec, RecordingData(ctx, rec).summary(highlights.get(rec.id, 0), clips.get(rec.id, 0)))
            for rec in store.list_recordings(ctx.db, tenant_id)]


def save_recording(ctx: AppContext, tenant_id: str, upload: UploadedFile,
                   recording_id: str | None = None) -> tuple[Recording, bool]:
    """Probe and keep an uploaded file; returns (recording, created). Same content -> same recording.
    A live stream joined at its end passes its own id, so what the bot quoted during it stays valid."""
    try:
        if existing := store.find_by_sha(ctx.db, tenant_id, upload.sha256):
            return existing, False
        ctx.storage.check(ctx.files.tenant_dir(tenant_id), upload.size, ctx.settings.limits)
        info = probe(upload.path)
        rec = Recording(id=recording_id or new_id(), tenant_id=tenant_id, sha256=upload.sha256,
                        filename=os.path.basename(upload.filename)[:200], size_bytes=upload.size, format=info.format,
                        duration_s=info.duration_s, has_video=info.has_video, width=info.width, height=info.height,
                        created_at=now())
        target = RecordingData(ctx, rec).media
        move_into_place(upload.path, target)
        ctx.storage.added(ctx.files.tenant_dir(tenant_id), upload.size)
        stored = store.insert_recording(ctx.db, rec)
        if stored.id != rec.id:  # a concurrent identical upload won the race
            target.unlink(missing_ok=True)
        return stored, stored.id == rec.id
    finally:
        upload.path.unlink(missing_ok=True)


def delete_recording(ctx: AppContext, tenant_id: str, recording_id: str) -> None:
    recording_data(ctx, tenant_id, recording_id).delete()


def describe_recording(ctx: AppContext, tenant_id: str, recording_id: str) -> tuple[Recording, RecordingSummary]:
    data = recording_data(ctx, tenant_id, recording_id)
    return data.rec, data.summary()


def media_path(ctx: AppContext, tenant_id: str, recording_id: str) -> tuple[Recording, Path]:
    data = recording_data(ctx, tenant_id, recording_id)
    return data.rec, data.media


def import_file(ctx: AppContext, tenant_id: str, path: Path) -> tuple[Recording, bool]:
    """A local file as a new recording of the tenant (the CLI's upload): copied, hashed, probed."""
    copy = ctx.files.tmp / f"import-{new_id()}.part"
    copy.parent.mkdir(parents=True, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as src, copy.open("wb") as dst:
        while chunk := src.read(1 << 20):
            digest.update(chunk)
            dst.write(chunk)
            size += len(chunk)
    return save_recording(ctx, tenant_id, UploadedFile(copy, path.name, size, digest.hexdigest()))
