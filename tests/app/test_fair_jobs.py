"""One tenant cannot starve the others: a fair queue, per-tenant job limits, time limits per job kind,
and a worker that survives database errors (real SQLite, handlers without models)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from app.config import LimitOptions, Settings
from app.context import AppContext
from app.errors import RateLimited
from app.jobs.worker import JobContext, Worker
from app.services.recordings import RecordingData
from app.store import jobs as job_store
from app.store.recordings import Recording, insert_recording
from app.store.tenants import create_tenant


def context(tmp_path: Path, **limits: object) -> AppContext:
    return AppContext.create(Settings(data_dir=tmp_path, seed_knowledge=False, limits=LimitOptions(**limits)))


def enqueue(ctx: AppContext, tenant_id: str, n: int) -> list[str]:
    return [ctx.queue.enqueue(tenant_id, "work", {"n": i}).id for i in range(n)]


def test_a_tenant_with_one_job_is_served_before_anothers_backlog(tmp_path: Path) -> None:
    ctx = context(tmp_path)
    a, _ = create_tenant(ctx.db, "a")
    b, _ = create_tenant(ctx.db, "b")
    backlog = enqueue(ctx, a.id, 20)
    first = ctx.queue.claim()
    assert first.id == backlog[0]
    (single,) = enqueue(ctx, b.id, 1)
    job_store.finish_job(ctx.db, first.id, {})
    assert ctx.queue.claim().id == single  # first-in-first-out would have started a's second job


def test_turns_alternate_between_waiting_tenants(tmp_path: Path) -> None:
    ctx = context(tmp_path, heavy_jobs=5)
    a, _ = create_tenant(ctx.db, "a")
    b, _ = create_tenant(ctx.db, "b")
    enqueue(ctx, a.id, 6)
    enqueue(ctx, b.id, 2)
    order = [ctx.queue.claim().tenant_id for _ in range(6)]
    assert order == [a.id, b.id, a.id, b.id, a.id, a.id]


def test_a_tenant_at_its_heavy_job_limit_waits(tmp_path: Path) -> None:
    ctx = context(tmp_path, heavy_jobs=1)
    a, _ = create_tenant(ctx.db, "a")
    enqueue(ctx, a.id, 2)
    assert ctx.queue.claim() is not None
    assert ctx.queue.claim() is None


def test_queued_jobs_are_limited_per_tenant(tmp_path: Path) -> None:
    ctx = context(tmp_path, queued_jobs=2)
    a, _ = create_tenant(ctx.db, "a")
    b, _ = create_tenant(ctx.db, "b")
    recs = [RecordingData(ctx, insert_recording(ctx.db, Recording(f"r{t.name}", t.id, f"sha{t.name}", "x.mp4", 1,
                                                                 "mp4", 10.0, True, 1, 1, 0.0))) for t in (a, b)]
    recs[0].enqueue("transcribe", {})
    recs[0].enqueue("highlights", {})
    with pytest.raises(RateLimited) as refused:
        recs[0].enqueue("clip", {})
    assert refused.value.headers["Retry-After"].isdigit() and "排队" in refused.value.message
    assert recs[1].enqueue("transcribe", {}).status == "queued"  # the other tenant is not affected


def run_worker(ctx: AppContext, handlers: dict, until: list[job_store.Job],
               timeout: float = 10.0) -> dict[str, job_store.Job]:
    worker = Worker(ctx.queue, handlers, ctx, ctx.settings.jobs)
    worker.start()
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            jobs = {j.id: job_store.get_job(ctx.db, j.tenant_id, j.id) for j in until}
            if all(job.done for job in jobs.values()):
                return jobs
            time.sleep(0.05)
    finally:
        worker.stop()
    raise AssertionError(f"jobs not done: {jobs}")


def test_a_job_past_its_time_limit_fails_and_the_worker_goes_on(tmp_path: Path) -> None:
    ctx = context(tmp_path, job_timeout_s={"hang": 0.3})
    a, _ = create_tenant(ctx.db, "a")
    release = threading.Event()

    def hang(job: JobContext) -> dict:
        release.wait(30)
        job.check()  # what every handler does before writing: a timed-out job writes nothing back
        return {"late": True}

    hung, after = ctx.queue.enqueue(a.id, "hang", {}), ctx.queue.enqueue(a.id, "work", {})
    jobs = run_worker(ctx, {"hang": hang, "work": lambda job: {"ok": True}}, [hung, after])
    hung, after = hung.id, after.id
    assert (jobs[hung].status, jobs[hung].error_code) == ("failed", "timeout")
    assert "超时" in jobs[hung].error_message
    assert (jobs[after].status, jobs[after].result) == ("succeeded", {"ok": True})
    release.set()


def test_the_worker_survives_database_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = context(tmp_path)
    a, _ = create_tenant(ctx.db, "a")
    first = ctx.queue.enqueue(a.id, "work", {})
    real_finish, real_claim = job_store.finish_job, ctx.queue.claim
    failures = {"finish": 1, "claim": 1}

    def flaky_finish(db, job_id, result):
        if failures["finish"]:
            failures["finish"] -= 1
            raise OperationalError("UPDATE jobs", {}, Exception("database is locked"))
        real_finish(db, job_id, result)

    def flaky_claim():
        if failures["claim"]:
            failures["claim"] -= 1
            raise OperationalError("SELECT", {}, Exception("disk I/O error"))
        return real_claim()

    monkeypatch.setattr(job_store, "finish_job", flaky_finish)
    monkeypatch.setattr(ctx.queue, "claim", flaky_claim)
    monkeypatch.setattr("app.jobs.worker.DB_RETRY_S", 0.05)
    second = ctx.queue.enqueue(a.id, "work", {})
    jobs = run_worker(ctx, {"work": lambda job: {"ok": True}}, [first, second])
    assert (jobs[first.id].status, jobs[first.id].error_code) == ("failed", "internal_error")
    assert jobs[second.id].status == "succeeded"
