"""RecordingData's guard: an artefact is written before a delete (and deleted with the rest) or refused
after it; a cancelled job writes nothing (real SQLite and files, no model)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from app.config import Settings
from app.context import AppContext
from app.errors import Cancelled
from app.files import write_atomic
from app.jobs.worker import JobContext
from app.services.recordings import RecordingData
from app.store import jobs as job_store
from app.store.recordings import Recording, insert_recording
from app.store.tenants import create_tenant
from pipelines.errors import NotFound


@pytest.fixture
def data(tmp_path: Path) -> RecordingData:
    ctx = AppContext.create(Settings(data_dir=tmp_path, seed_knowledge=False))
    tenant, _ = create_tenant(ctx.db, "g")
    rec = Recording("r1", tenant.id, "sha", "live.mp4", 1, "mp4", 10.0, True, 1280, 720, 0.0)
    return RecordingData(ctx, insert_recording(ctx.db, rec))


def running_job(data: RecordingData) -> JobContext:
    data.enqueue("transcribe", {})
    return JobContext(data.ctx.queue.claim(), data.ctx)


def test_a_cancelled_job_cannot_write(data: RecordingData) -> None:
    job = running_job(data)
    with data.writing(job):
        write_atomic(data.transcript, "{}")
    job_store.mark_cancelled(data.ctx.db, data.rec.tenant_id, job.job.id)
    with pytest.raises(Cancelled), data.writing(job):
        pytest.fail("a cancelled job got to write")
    with pytest.raises(Cancelled):
        job.progress(0.5, "transcribing")


def test_after_a_delete_nothing_is_written(data: RecordingData) -> None:
    job = running_job(data)
    data.delete()
    with pytest.raises(Cancelled), data.writing(job):
        pytest.fail("a job wrote after the delete")
    with pytest.raises(NotFound), data.writing():
        pytest.fail("a request wrote after the delete")
    assert not data.transcript.exists() and job_store.get_job(data.ctx.db, data.rec.tenant_id, job.job.id) is None


def test_a_delete_waits_for_a_write_in_progress_and_removes_it(data: RecordingData) -> None:
    entered = threading.Event()

    def slow_write() -> None:
        with data.writing():
            entered.set()
            time.sleep(0.3)
            write_atomic(data.transcript, "{}")

    writer = threading.Thread(target=slow_write)
    writer.start()
    entered.wait(5)
    data.delete()
    writer.join()
    assert not data.transcript.exists()
