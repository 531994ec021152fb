"""Lookup-or-404 helpers; each enforces the tenant, so another group's ids look nonexistent."""

from __future__ import annotations

from app.errors import ApiError
from app.store import jobs as job_store
from app.store import recordings as rec_store
from app.store.db import Database
from app.store.jobs import Job
from app.store.recordings import Recording
from app.store.tenants import Tenant


def recording_or_404(db: Database, tenant: Tenant, recording_id: str) -> Recording:
    rec = rec_store.get_recording(db, tenant.id, recording_id)
    if rec is None:
        raise ApiError(404, "recording_not_found", "找不到这个录像")
    return rec


def job_or_404(db: Database, tenant: Tenant, job_id: str) -> Job:
    job = job_store.get_job(db, tenant.id, job_id)
    if job is None:
        raise ApiError(404, "job_not_found", "找不到这个任务")
    return job
