import asyncio
from collections.abc import AsyncIterator

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse

from app.context import AppContext
from app.deps import CtxDep, TenantDep
from app.schemas.jobs import JobPublic, JobsPublic
from app.services import jobs as service
from app.services.jobs import TERMINAL

router = APIRouter(prefix="/v1/jobs", tags=["jobs"])


@router.get("", response_model=JobsPublic)
def list_jobs(ctx: CtxDep, tenant: TenantDep, recording_id: str | None = None, kind: str | None = None) -> JobsPublic:
    """The newest jobs first (100 at most), optionally only one recording's or one kind's."""
    jobs = [JobPublic.of(j) for j in service.list_jobs(ctx, tenant.id, recording_id=recording_id, kind=kind)]
    return JobsPublic(data=jobs, count=len(jobs))


@router.get("/{job_id}", response_model=JobPublic)
def get_job(job_id: str, ctx: CtxDep, tenant: TenantDep) -> JobPublic:
    return JobPublic.of(service.get_job(ctx, tenant.id, job_id))


@router.post("/{job_id}/retry", response_model=JobPublic)
def retry_job(job_id: str, ctx: CtxDep, tenant: TenantDep) -> JobPublic:
    """Re-run a failed or cancelled job with the same parameters."""
    return JobPublic.of(service.retry_job(ctx, tenant.id, job_id))


@router.post("/{job_id}/cancel", response_model=JobPublic)
def cancel_job(job_id: str, ctx: CtxDep, tenant: TenantDep) -> JobPublic:
    """Cancel a queued or running job (a running one stops at its next progress point)."""
    return JobPublic.of(service.cancel_job(ctx, tenant.id, job_id))


@router.get("/{job_id}/events")
async def job_events(job_id: str, request: Request, ctx: CtxDep, tenant: TenantDep) -> StreamingResponse:
    """Server-sent events: one `progress` event per change, then `done` when the job ends (a job deleted
    with its recording ends as `cancelled`)."""
    first = JobPublic.of(await run_in_threadpool(service.get_job, ctx, tenant.id, job_id))
    return StreamingResponse(_events(request, ctx, tenant.id, first), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})


async def _state(ctx: AppContext, tenant_id: str, last: JobPublic) -> JobPublic:
    job = await run_in_threadpool(service.find_job, ctx, tenant_id, last.id)
    return JobPublic.of(job) if job else last.model_copy(update={"status": "cancelled", "stage": "cancelled"})


async def _events(request: Request, ctx: AppContext, tenant_id: str, job: JobPublic) -> AsyncIterator[str]:
    """An event per change until the job ends, a keep-alive comment when quiet, nothing after a disconnect."""
    options, sent, idle = ctx.settings.jobs, None, 0.0
    while not await request.is_disconnected():
        job = await _state(ctx, tenant_id, job)
        if (payload := job.model_dump_json()) != sent:
            sent, idle, done = payload, 0.0, job.status in TERMINAL
            yield f"event: {'done' if done else 'progress'}\ndata: {payload}\n\n"
            if done:
                return
        elif idle >= options.events_keepalive_s:
            idle = 0.0
            yield ": keep-alive\n\n"
        await asyncio.sleep(options.events_poll_s)
        idle += options.events_poll_s
