"""The queue interface. The in-process worker is one consumer; a distributed worker could be another."""

from __future__ import annotations

import threading
from typing import Any, Protocol

from app.store import jobs as job_store
from app.store.db import Database
from app.store.jobs import Job


class JobQueue(Protocol):
    def enqueue(self, tenant_id: str, kind: str, params: dict[str, Any], subject_id: str | None = None,
                recording_id: str | None = None) -> Job: ...

    def claim(self) -> Job | None: ...

    def wait(self, timeout: float) -> None: ...

    def wake(self) -> None: ...


class DatabaseJobQueue:
    """The jobs table is the queue: an accepted job survives a crash, and any process can enqueue."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._wake = threading.Event()

    def enqueue(self, tenant_id: str, kind: str, params: dict[str, Any], subject_id: str | None = None,
                recording_id: str | None = None) -> Job:
        with self.db.write() as conn:
            job_id = job_store.create_job(conn, tenant_id, kind, params, subject_id, recording_id)
        self._wake.set()
        return job_store.get_job(self.db, tenant_id, job_id)

    def claim(self) -> Job | None:
        return job_store.claim_next(self.db)

    def wait(self, timeout: float) -> None:
        self._wake.wait(timeout)
        self._wake.clear()

    def wake(self) -> None:
        self._wake.set()
