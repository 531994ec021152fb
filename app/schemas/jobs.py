from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from app.store.jobs import Job


class JobError(BaseModel):
    code: str
    message: str


class JobPublic(BaseModel):
    id: str
    kind: str
    subject_id: str | None
    status: str
    stage: str
    progress: float
    result: dict[str, Any] | None
    error: JobError | None
    attempts: int
    created_at: float
    updated_at: float

    @classmethod
    def of(cls, job: Job) -> JobPublic:
        error = JobError(code=job.error_code, message=job.error_message or "") if job.error_code else None
        return cls(id=job.id, kind=job.kind, subject_id=job.subject_id, status=job.status, stage=job.stage,
                   progress=round(job.progress, 4), result=job.result, error=error, attempts=job.attempts,
                   created_at=job.created_at, updated_at=job.updated_at)


class JobAccepted(BaseModel):
    job_id: str
    status: str = "queued"


class JobsPublic(BaseModel):
    data: list[JobPublic]
    count: int
