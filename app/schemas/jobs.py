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
    recording_id: str | None
    status: str  # queued | running | succeeded | failed | cancelled
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
        fields = {k: v for k, v in vars(job).items() if k in cls.model_fields}
        return cls(**fields | {"progress": round(job.progress, 4), "error": error})


class JobAccepted(BaseModel):
    job_id: str
    status: str = "queued"


class JobsPublic(BaseModel):
    data: list[JobPublic]
    count: int
