"""Persisted jobs: the table is the queue, so an accepted job survives a crash."""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass
from typing import Any

from app.store.db import Database

TERMINAL = ("succeeded", "failed")


@dataclass(frozen=True)
class Job:
    id: str
    tenant_id: str
    kind: str
    subject_id: str | None
    status: str  # queued | running | succeeded | failed
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


def _job(row) -> Job | None:
    if row is None:
        return None
    data = dict(row)
    data["params"] = json.loads(data["params"])
    data["result"] = json.loads(data["result"]) if data["result"] else None
    return Job(**data)


def create_job(db: Database, tenant_id: str, kind: str, params: dict[str, Any],
               subject_id: str | None = None) -> Job:
    ts = time.time()
    job_id = uuid.uuid4().hex[:16]
    with db.transaction() as conn:
        conn.execute(
            "INSERT INTO jobs (id, tenant_id, kind, subject_id, status, params, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, 'queued', ?, ?, ?)",
            (job_id, tenant_id, kind, subject_id, json.dumps(params, ensure_ascii=False), ts, ts),
        )
    return get_job(db, tenant_id, job_id)


def get_job(db: Database, tenant_id: str, job_id: str) -> Job | None:
    with db.connect() as conn:
        row = conn.execute("SELECT * FROM jobs WHERE tenant_id = ? AND id = ?", (tenant_id, job_id)).fetchone()
    return _job(row)


def list_jobs(db: Database, tenant_id: str, limit: int = 100) -> list[Job]:
    with db.connect() as conn:
        rows = conn.execute(
            "SELECT * FROM jobs WHERE tenant_id = ? ORDER BY created_at DESC LIMIT ?", (tenant_id, limit)
        ).fetchall()
    return [_job(r) for r in rows]


def claim_next(db: Database) -> Job | None:
    """Atomically move the oldest queued job to running."""
    with db.transaction() as conn:
        row = conn.execute("SELECT id FROM jobs WHERE status = 'queued' ORDER BY created_at LIMIT 1").fetchone()
        if row is None:
            return None
        conn.execute(
            "UPDATE jobs SET status = 'running', stage = 'starting', attempts = attempts + 1, updated_at = ?"
            " WHERE id = ?", (time.time(), row["id"]),
        )
        return _job(conn.execute("SELECT * FROM jobs WHERE id = ?", (row["id"],)).fetchone())


def update_progress(db: Database, job_id: str, progress: float, stage: str) -> None:
    with db.transaction() as conn:
        conn.execute(
            "UPDATE jobs SET progress = MAX(progress, ?), stage = ?, updated_at = ? WHERE id = ? AND status = 'running'",
            (min(max(progress, 0.0), 1.0), stage, time.time(), job_id),
        )


def finish_job(db: Database, job_id: str, result: dict[str, Any]) -> None:
    with db.transaction() as conn:
        conn.execute(
            "UPDATE jobs SET status = 'succeeded', stage = 'done', progress = 1, result = ?, updated_at = ? WHERE id = ?",
            (json.dumps(result, ensure_ascii=False), time.time(), job_id),
        )


def fail_job(db: Database, job_id: str, code: str, message: str) -> None:
    with db.transaction() as conn:
        conn.execute(
            "UPDATE jobs SET status = 'failed', stage = 'failed', error_code = ?, error_message = ?, updated_at = ?"
            " WHERE id = ?", (code, message, time.time(), job_id),
        )


def requeue_interrupted(db: Database, max_attempts: int) -> tuple[int, int]:
    """After a restart: re-run jobs that were running when the process died.

    Jobs that already died `max_attempts` times fail instead, so a job that kills the
    process cannot crash-loop the service."""
    ts = time.time()
    with db.transaction() as conn:
        failed = conn.execute(
            "UPDATE jobs SET status = 'failed', stage = 'failed', error_code = 'interrupted',"
            " error_message = '任务多次中断，请重试', updated_at = ? WHERE status = 'running' AND attempts >= ?",
            (ts, max_attempts),
        ).rowcount
        requeued = conn.execute(
            "UPDATE jobs SET status = 'queued', stage = 'queued', progress = 0, updated_at = ? WHERE status = 'running'",
            (ts,),
        ).rowcount
    return requeued, failed


def retry_job(db: Database, tenant_id: str, job_id: str) -> bool:
    with db.transaction() as conn:
        cur = conn.execute(
            "UPDATE jobs SET status = 'queued', stage = 'queued', progress = 0, error_code = NULL,"
            " error_message = NULL, attempts = 0, updated_at = ? WHERE tenant_id = ? AND id = ? AND status = 'failed'",
            (time.time(), tenant_id, job_id),
        )
    return cur.rowcount > 0
