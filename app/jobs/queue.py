"""The queue interface. The in-process worker polls DatabaseJobQueue (the default); in scale-out mode
DramatiqJobQueue (app/jobs/dramatiq_queue.py) also sends each job as a message to `wutong worker` processes.

Claiming is fair across tenants (round-robin): the next job goes to the waiting tenant served longest
ago, so a tenant with 20 queued jobs cannot make another tenant's single job wait behind all of them.
A tenant already running `heavy_jobs` jobs waits its turn.
"""

from __future__ import annotations

import itertools
import threading
from typing import Any, Protocol

from app.config_sections import LimitOptions
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

    def __init__(self, db: Database, limits: LimitOptions = LimitOptions()) -> None:
        self.db, self.limits = db, limits
        self._wake = threading.Event()
        self._turn = itertools.count()
        self._served: dict[str, int] = {}  # tenant id -> the turn its last job was claimed on
        self._lock = threading.Lock()

    def enqueue(self, tenant_id: str, kind: str, params: dict[str, Any], subject_id: str | None = None,
                recording_id: str | None = None) -> Job:
        with self.db.write() as conn:
            job_id = job_store.create_job(conn, tenant_id, kind, params, subject_id, recording_id)
        self._wake.set()
        return job_store.get_job(self.db, tenant_id, job_id)

    def claim(self) -> Job | None:
        """The oldest queued job of the tenant whose turn it is (None when nothing may start)."""
        with self._lock:
            for tenant_id in self.turn_order():
                if job := job_store.claim_next(self.db, tenant_id):
                    self._served[tenant_id] = next(self._turn)
                    return job
        return None

    def turn_order(self) -> list[str]:
        """Tenants with queued jobs and room to run one, least recently served first (then oldest job)."""
        waiting = [(tenant, oldest) for tenant, oldest, running in job_store.waiting_tenants(self.db)
                   if running < self.limits.heavy_jobs]
        waiting.sort(key=lambda t: (self._served.get(t[0], -1), t[1]))
        return [tenant for tenant, _ in waiting]

    def wait(self, timeout: float) -> None:
        self._wake.wait(timeout)
        self._wake.clear()

    def wake(self) -> None:
        self._wake.set()
