"""Scale-out queue: the jobs table stays the record of every job, and each job is also a Dramatiq message
on Redis that names it; `wutong worker` processes consume the messages (app/jobs/dramatiq_worker.py).

A message carries only (job id, tenant id). The API inserts the row, then sends the message; if the send
fails (Redis down), the row stays queued and a worker's reconciler sends it later, so an accepted job is
never lost. A duplicate message is harmless: only one claim of a job succeeds.
"""

from __future__ import annotations

import logging
from typing import Any

import redis
from dramatiq import Message
from dramatiq.brokers.redis import RedisBroker
from dramatiq.middleware import Retries

from app.config_sections import LimitOptions
from app.jobs.options import QueueOptions
from app.jobs.queue import DatabaseJobQueue
from app.store import jobs as job_store
from app.store.db import Database
from app.store.jobs import Job

log = logging.getLogger("wutong.jobs")
ACTOR = "run_job"
NAMESPACE = "dramatiq"


def create_broker(redis_url: str, options: QueueOptions) -> RedisBroker:
    """A Redis broker with only the middleware we rely on: retries. No Dramatiq TimeLimit (the Worker enforces
    each job kind's own limit) and no AgeLimit (a job waits as long as the queue is)."""
    retries = Retries(max_retries=options.max_retries, min_backoff=int(options.min_backoff_s * 1000),
                      max_backoff=int(options.max_backoff_s * 1000))
    return RedisBroker(url=redis_url, middleware=[retries], namespace=NAMESPACE,
                       heartbeat_timeout=int(options.heartbeat_timeout_s * 1000),
                       maintenance_chance=options.maintenance_chance)


def job_message(queue_name: str, job_id: str, tenant_id: str) -> Message:
    return Message(queue_name=queue_name, actor_name=ACTOR, args=(job_id, tenant_id), kwargs={}, options={})


def jobs_in_broker(broker: RedisBroker, queue_name: str) -> tuple[set[str], set[str]]:
    """(jobs with a message waiting: in the queue or delayed for a retry, jobs with any message at all).

    Reads Dramatiq's Redis layout: `<ns>:<queue>` lists waiting message ids, `<ns>:<queue>.msgs` keeps every
    message until it is acknowledged (also while a worker holds it), `<ns>:<queue>.DQ.msgs` the delayed ones."""
    main = f"{NAMESPACE}:{queue_name}"
    listed = set(broker.client.lrange(main, 0, -1))
    messages = broker.client.hgetall(f"{main}.msgs")
    delayed = {_job_id(data) for data in broker.client.hvals(f"{main}.DQ.msgs")}
    waiting = {_job_id(data) for key, data in messages.items() if key in listed} | delayed
    return waiting, waiting | {_job_id(data) for data in messages.values()}


def _job_id(data: bytes) -> str:
    return Message.decode(data).args[0]


class DramatiqJobQueue(DatabaseJobQueue):
    """Enqueue = insert the row (as the embedded queue does) + send a message naming the job."""

    def __init__(self, db: Database, limits: LimitOptions, broker: RedisBroker, options: QueueOptions) -> None:
        super().__init__(db, limits)
        self.broker, self.options = broker, options

    def enqueue(self, tenant_id: str, kind: str, params: dict[str, Any], subject_id: str | None = None,
                recording_id: str | None = None) -> Job:
        job = super().enqueue(tenant_id, kind, params, subject_id, recording_id)
        self.send(job.id, tenant_id)
        return job

    def claim(self) -> Job | None:
        return None  # workers take jobs from their messages, never by polling the table

    def send(self, job_id: str, tenant_id: str) -> bool:
        try:
            self.broker.enqueue(job_message(self.options.name, job_id, tenant_id))
            return True
        except redis.RedisError:  # the row is kept: the reconciler sends it when Redis is back
            log.warning("job %s: Redis unreachable, its message will be sent later", job_id, exc_info=True)
            return False

    def resend_lost(self, settle_s: float | None = None) -> int:
        """Send a message for every job that should have one and has none; returns how many were sent.

        A queued job needs a waiting message: one held by a live worker that never runs it (Redis died
        between a fetch and its reply) would otherwise stay there while that worker lives. A running job
        whose lease expired needs any message (Redis redelivers a dead worker's)."""
        settle = self.options.reconcile_s if settle_s is None else settle_s
        wanted = job_store.unfinished_jobs(self.db, self.options.lease_s, settle)
        if not wanted:
            return 0
        waiting, anywhere = jobs_in_broker(self.broker, self.options.name)
        lost = {job for job in wanted if job.id not in (waiting if job.status == "queued" else anywhere)}
        lost &= set(job_store.unfinished_jobs(self.db, self.options.lease_s, settle))  # not claimed meanwhile
        for job in lost:
            log.warning("job %s had no message in Redis; sending it again", job.id)
            self.send(job.id, job.tenant_id)
        return len(lost)

    def wake(self) -> None:
        """A job was queued again (retry): make sure it has a message."""
        try:
            self.resend_lost(settle_s=0)
        except redis.RedisError:
            log.warning("Redis unreachable; a worker's reconciler will send the retried job", exc_info=True)
