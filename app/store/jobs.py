"""Persisted jobs: the table is the queue, so an accepted job survives a crash.

Only a `running` job may report progress or finish: a job cancelled (or deleted with its recording)
while it runs keeps that status, whatever its handler does afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, case, delete, func, or_, select, update

from app.store.db import Database
from app.store.schema import jobs
from app.store.sql import new_id, now, row_as, rows_as

TERMINAL = ("succeeded", "failed", "cancelled")
LIVE = ("queued", "running")


@dataclass(frozen=True)
class Job:
    id: str
    tenant_id: str
    kind: str
    subject_id: str | None
    recording_id: str | None
    status: str  # queued | running | succeeded | failed | cancelled
    stage: str
    progress: float
    params: dict[str, Any]
    result: dict[str, Any] | None
    error_code: str | None
    error_message: str | None
    attempts: int
    created_at: float
    updated_at: float

    @property
    def done(self) -> bool:
        return self.status in TERMINAL


def create_job(conn, tenant_id: str, kind: str, params: dict[str, Any], subject_id: str | None = None,
               recording_id: str | None = None) -> str:
    """Insert a queued job inside the caller's write transaction; returns its id."""
    job_id, ts = new_id(), now()
    conn.execute(jobs.insert().values(id=job_id, tenant_id=tenant_id, kind=kind, subject_id=subject_id,
                                      recording_id=recording_id, status="queued", stage="queued", progress=0.0,
                                      params=params, attempts=0, created_at=ts, updated_at=ts))
    return job_id


def get_job(db: Database, tenant_id: str, job_id: str) -> Job | None:
    with db.read() as conn:
        return row_as(Job, conn.execute(select(jobs).where(jobs.c.tenant_id == tenant_id, jobs.c.id == job_id)).first())


def list_jobs(db: Database, tenant_id: str, *, limit: int = 100, recording_id: str | None = None,
              kind: str | None = None) -> list[Job]:
    query = select(jobs).where(jobs.c.tenant_id == tenant_id)
    if recording_id:
        query = query.where(jobs.c.recording_id == recording_id)
    if kind:
        query = query.where(jobs.c.kind == kind)
    with db.read() as conn:
        return rows_as(Job, conn.execute(query.order_by(jobs.c.created_at.desc()).limit(limit)))


def claim_next(db: Database, tenant_id: str | None = None) -> Job | None:
    """Move the oldest queued job (of one tenant, if given) to running (FOR UPDATE SKIP LOCKED where the
    database has it)."""
    oldest = select(jobs.c.id).where(jobs.c.status == "queued").order_by(jobs.c.created_at).limit(1)
    if tenant_id is not None:
        oldest = oldest.where(jobs.c.tenant_id == tenant_id)
    with db.read() as conn:  # an idle worker polls: look before taking the write lock
        if conn.execute(oldest).first() is None:
            return None
    with db.write() as conn:
        job_id = conn.execute(oldest.with_for_update(skip_locked=True)).scalar()
        if job_id is None:
            return None
        taken = conn.execute(update(jobs).where(jobs.c.id == job_id, jobs.c.status == "queued").values(
            status="running", stage="starting", attempts=jobs.c.attempts + 1, updated_at=now())).rowcount
        if not taken:  # another process took it between the two statements
            return None
        return row_as(Job, conn.execute(select(jobs).where(jobs.c.id == job_id)).first())


def claim_by_id(db: Database, job_id: str, lease_s: float, max_attempts: int) -> tuple[Job | None, str | None]:
    """Take one job for a message that names it: a queued job, or a running one whose worker has not
    touched it for `lease_s` (it died; its message was redelivered). Returns (job, None) when taken,
    else (None, its status): `running` means a live worker holds it, None that the job is gone.
    A job already taken over `max_attempts` times fails instead (it may be what kills workers)."""
    stale = and_(jobs.c.status == "running", jobs.c.updated_at < now() - lease_s)
    with db.write() as conn:
        conn.execute(update(jobs).where(jobs.c.id == job_id, stale, jobs.c.attempts >= max_attempts).values(
            status="failed", stage="failed", error_code="interrupted", error_message="任务多次中断，请重试",
            updated_at=now()))
        taken = conn.execute(update(jobs).where(jobs.c.id == job_id, or_(jobs.c.status == "queued", stale)).values(
            status="running", stage="starting", attempts=jobs.c.attempts + 1, updated_at=now())).rowcount
        row = row_as(Job, conn.execute(select(jobs).where(jobs.c.id == job_id)).first())
    if taken:
        return row, None
    return None, row.status if row else None


def touch_job(db: Database, job_id: str) -> bool:
    """The worker running this job is alive (renews its lease); False when the job is no longer running."""
    with db.write() as conn:
        return conn.execute(_running(job_id).values(updated_at=now())).rowcount > 0


@dataclass(frozen=True)
class Unfinished:
    id: str
    tenant_id: str
    status: str
    updated_at: float


def unfinished_jobs(db: Database, lease_s: float, settle_s: float) -> list[Unfinished]:
    """Jobs a worker should have: queued for `settle_s` (time for their message to be sent), or running
    with an expired lease."""
    query = select(jobs.c.id, jobs.c.tenant_id, jobs.c.status, jobs.c.updated_at).where(or_(
        and_(jobs.c.status == "queued", jobs.c.updated_at < now() - settle_s),
        and_(jobs.c.status == "running", jobs.c.updated_at < now() - lease_s)))
    with db.read() as conn:
        return [Unfinished(*row) for row in conn.execute(query).all()]


def count_queued(db: Database, tenant_id: str) -> int:
    query = select(func.count()).select_from(jobs).where(jobs.c.tenant_id == tenant_id, jobs.c.status == "queued")
    with db.read() as conn:
        return conn.execute(query).scalar_one()


def waiting_tenants(db: Database) -> list[tuple[str, float, int]]:
    """Each tenant with queued jobs: (tenant id, when its oldest queued job was created, its running jobs)."""
    queued = (select(jobs.c.tenant_id, func.min(jobs.c.created_at)).where(jobs.c.status == "queued")
              .group_by(jobs.c.tenant_id))
    running = (select(jobs.c.tenant_id, func.count()).where(jobs.c.status == "running")
               .group_by(jobs.c.tenant_id))
    with db.read() as conn:
        busy = dict(conn.execute(running).all())
        return [(tenant, oldest, busy.get(tenant, 0)) for tenant, oldest in conn.execute(queued).all()]


def _running(job_id: str):
    return update(jobs).where(jobs.c.id == job_id, jobs.c.status == "running")


def update_progress(db: Database, job_id: str, progress: float, stage: str) -> bool:
    """Record progress (never backwards); False when the job is no longer running."""
    value = min(max(progress, 0.0), 1.0)
    highest = case((jobs.c.progress > value, jobs.c.progress), else_=value)
    with db.write() as conn:
        return conn.execute(_running(job_id).values(progress=highest, stage=stage, updated_at=now())).rowcount > 0


def is_running(db: Database, job_id: str) -> bool:
    with db.read() as conn:
        return conn.execute(select(jobs.c.status).where(jobs.c.id == job_id)).scalar() == "running"


def finish_job(db: Database, job_id: str, result: dict[str, Any]) -> None:
    with db.write() as conn:
        conn.execute(_running(job_id).values(status="succeeded", stage="done", progress=1.0, result=result,
                                             updated_at=now()))


def fail_job(db: Database, job_id: str, code: str, message: str) -> None:
    with db.write() as conn:
        conn.execute(_running(job_id).values(status="failed", stage="failed", error_code=code,
                                             error_message=message, updated_at=now()))


def cancel_jobs(conn, tenant_id: str, *, job_id: str | None = None, recording_id: str | None = None) -> int:
    """Mark live jobs cancelled (one job, a recording's, or all the tenant's); running ones stop at
    their next progress point or artefact write."""
    query = update(jobs).where(jobs.c.tenant_id == tenant_id, jobs.c.status.in_(LIVE))
    if job_id:
        query = query.where(jobs.c.id == job_id)
    if recording_id:
        query = query.where(jobs.c.recording_id == recording_id)
    return conn.execute(query.values(status="cancelled", stage="cancelled", updated_at=now())).rowcount


def delete_recording_jobs(conn, tenant_id: str, recording_id: str) -> None:
    conn.execute(delete(jobs).where(jobs.c.tenant_id == tenant_id, jobs.c.recording_id == recording_id))


def requeue_interrupted(db: Database, max_attempts: int) -> tuple[int, int]:
    """After a restart: re-run jobs that were running when the process died.

    Jobs that already died `max_attempts` times fail instead, so a job that kills the
    process cannot crash-loop the service."""
    running = update(jobs).where(jobs.c.status == "running")
    with db.write() as conn:
        failed = conn.execute(running.where(jobs.c.attempts >= max_attempts).values(
            status="failed", stage="failed", error_code="interrupted", error_message="任务多次中断，请重试",
            updated_at=now())).rowcount
        requeued = conn.execute(running.values(status="queued", stage="queued", progress=0.0,
                                               updated_at=now())).rowcount
    return requeued, failed


def retry_job(db: Database, tenant_id: str, job_id: str) -> bool:
    """Queue a failed or cancelled job again with the same parameters."""
    query = update(jobs).where(jobs.c.tenant_id == tenant_id, jobs.c.id == job_id,
                               jobs.c.status.in_(("failed", "cancelled")))
    with db.write() as conn:
        return conn.execute(query.values(status="queued", stage="queued", progress=0.0, error_code=None,
                                         error_message=None, attempts=0, updated_at=now())).rowcount > 0


def mark_cancelled(db: Database, tenant_id: str, job_id: str) -> bool:
    with db.write() as conn:
        return cancel_jobs(conn, tenant_id, job_id=job_id) > 0
