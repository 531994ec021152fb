"""Jobs as a tenant sees them: list, follow, retry, cancel."""

from __future__ import annotations

from app.context import AppContext
from app.services.lookup import require
from app.store import jobs as store
from app.store.jobs import TERMINAL, Job

__all__ = ["TERMINAL", "cancel_job", "find_job", "get_job", "list_jobs", "retry_job"]


def list_jobs(ctx: AppContext, tenant_id: str, *, recording_id: str | None = None, kind: str | None = None,
              limit: int = 100) -> list[Job]:
    return store.list_jobs(ctx.db, tenant_id, limit=limit, recording_id=recording_id, kind=kind)


def get_job(ctx: AppContext, tenant_id: str, job_id: str) -> Job:
    return require(store.get_job(ctx.db, tenant_id, job_id), "job")


def find_job(ctx: AppContext, tenant_id: str, job_id: str) -> Job | None:
    """None once the job is gone (deleted with its recording)."""
    return store.get_job(ctx.db, tenant_id, job_id)


def retry_job(ctx: AppContext, tenant_id: str, job_id: str) -> Job:
    """Re-run a failed or cancelled job with the same parameters."""
    job = get_job(ctx, tenant_id, job_id)
    if store.retry_job(ctx.db, tenant_id, job.id):
        ctx.queue.wake()
    return get_job(ctx, tenant_id, job_id)


def cancel_job(ctx: AppContext, tenant_id: str, job_id: str) -> Job:
    """A queued job will not start; a running one stops at its next progress point and writes nothing."""
    job = get_job(ctx, tenant_id, job_id)
    store.mark_cancelled(ctx.db, tenant_id, job.id)
    return get_job(ctx, tenant_id, job_id)
