import asyncio
from collections.abc import AsyncIterator

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse

from app.deps import CtxDep, TenantDep
from app.lookups import job_or_404
from app.schemas.jobs import JobPublic, JobsPublic
from app.store import jobs as job_store

router = APIRouter(prefix="/v1/jobs", tags=["jobs"])
POLL_S = 0.5
KEEPALIVE_S = 15.0


@router.get("", response_model=JobsPublic)
def list_jobs(ctx: CtxDep, tenant: TenantDep) -> JobsPublic:
    jobs = [JobPublic.of(j) for j in job_store.list_jobs(ctx.db, tenant.id)]
    return JobsPublic(data=jobs, count=len(jobs))


@router.get("/{job_id}", response_model=JobPublic)
def get_job(job_id: str, ctx: CtxDep, tenant: TenantDep) -> JobPublic:
    return JobPublic.of(job_or_404(ctx.db, tenant, job_id))


@router.post("/{job_id}/retry", response_model=JobPublic)
def retry_job(job_id: str, ctx: CtxDep, tenant: TenantDep) -> JobPublic:
    """Re-run a failed job with the same parameters."""
    job = job_or_404(ctx.db, tenant, job_id)
    if job_store.retry_job(ctx.db, tenant.id, job.id):
        ctx.queue.wake()
    return JobPublic.of(job_or_404(ctx.db, tenant, job_id))


@router.get("/{job_id}/events")
async def job_events(job_id: str, request: Request, ctx: CtxDep, tenant: TenantDep) -> StreamingResponse:
    """Server-sent events: one `progress` event per change, then `done` when the job ends."""
    job_or_404(ctx.db, tenant, job_id)

    async def stream() -> AsyncIterator[str]:
        last, idle = None, 0.0
        while not await request.is_disconnected():
            job = job_store.get_job(ctx.db, tenant.id, job_id)
            payload = JobPublic.of(job).model_dump_json()
            if payload != last:
                last, idle = payload, 0.0
                yield f"event: {'done' if job.done else 'progress'}\ndata: {payload}\n\n"
                if job.done:
                    return
            elif idle >= KEEPALIVE_S:
                idle = 0.0
                yield ": keep-alive\n\n"
            await asyncio.sleep(POLL_S)
            idle += POLL_S

    return StreamingResponse(stream(), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
