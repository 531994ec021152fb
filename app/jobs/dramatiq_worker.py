"""The consumer side of scale-out mode: a Dramatiq actor that runs the job its message names.

For each message: a finished (or deleted) job is acknowledged at once; otherwise the tenant takes one of
its `limits.heavy_jobs` slots (a Redis ConcurrentRateLimiter shared by all workers) and the job is
claimed by id: a queued job, or a running one whose worker stopped renewing its lease (it died, and
Redis redelivered its message). Then the existing Worker logic runs it (per-kind time limit,
cancellation, failure recording). The actor returns, and Dramatiq acknowledges the message, only after
the outcome is stored. A tenant at its limit, or a job another live worker holds, raises Retry: the
message comes back after `queue.busy_retry_s` while other tenants' messages run.
"""

from __future__ import annotations

import logging
import random
from typing import Any

import dramatiq
from dramatiq import Retry
from dramatiq.brokers.redis import RedisBroker
from dramatiq.rate_limits import ConcurrentRateLimiter
from dramatiq.rate_limits.backends import RedisBackend

from app.jobs.dramatiq_queue import ACTOR
from app.jobs.options import QueueOptions
from app.jobs.worker import Worker
from app.store import jobs as job_store

log = logging.getLogger("wutong.jobs")


def retry_when(max_retries: int):
    """Waiting for a slot (Retry) never uses up retries; a transient error gets `max_retries`."""
    def should_retry(retries: int, exc: BaseException) -> bool:
        return isinstance(exc, Retry) or retries < max_retries
    return should_retry


class JobActor:
    def __init__(self, worker: Worker, broker: RedisBroker, options: QueueOptions) -> None:
        self.worker, self.options = worker, options
        self.backend = RedisBackend(client=broker.client)
        self.ttl_ms = int(options.lease_s * 1000)  # a dead worker's slot frees itself after one lease

    def __call__(self, job_id: str, tenant_id: str) -> None:
        db = self.worker.queue.db
        job = job_store.get_job(db, tenant_id, job_id)
        if job is None or job.done:
            return  # deleted, cancelled or already finished: acknowledge
        slot = ConcurrentRateLimiter(self.backend, f"wutong:heavy:{tenant_id}", limit=self.worker.limits.heavy_jobs,
                                     ttl=self.ttl_ms)
        with slot.acquire(raise_on_failure=False) as acquired:
            if not acquired:
                raise self._later(f"tenant {tenant_id} is at its heavy_jobs limit")
            claimed, status = job_store.claim_by_id(db, job_id, self.options.lease_s, self.worker.options.max_attempts)
            if claimed is None:
                if status == "running":  # a live worker holds it (this is a duplicate or early redelivery)
                    raise self._later(f"job {job_id} is running on another worker")
                return
            log.info("job %s (%s) of %s: attempt %d", claimed.id, claimed.kind, tenant_id, claimed.attempts)
            self.worker.execute(claimed, keepalive=lambda: self.backend.client.pexpire(slot.key, self.ttl_ms))

    def _later(self, why: str) -> Retry:
        jitter = random.uniform(0.8, 1.2)  # workers that were turned away together do not return together
        return Retry(why, delay=int(self.options.busy_retry_s * 1000 * jitter))


def declare_actor(worker: Worker, broker: RedisBroker, options: QueueOptions) -> dramatiq.Actor[Any, Any]:
    return dramatiq.Actor(JobActor(worker, broker, options), broker=broker, actor_name=ACTOR, queue_name=options.name,
                          priority=0, options={"retry_when": retry_when(options.max_retries)})
