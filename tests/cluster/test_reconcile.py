"""Claim-by-id and the reconciler against a real redis-server and a real database (no worker processes)."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from dramatiq.brokers.redis import RedisBroker

from app.cluster.process import ServerProcess
from app.config_sections import LimitOptions
from app.jobs.dramatiq_queue import DramatiqJobQueue, create_broker, jobs_in_broker
from app.jobs.options import QueueOptions
from app.store import jobs as job_store
from app.store.db import Database
from app.store.migrate import upgrade
from app.store.tenants import create_tenant
from tests.utils.backends import Backend

_queues = itertools.count()


@dataclass
class Setup:
    db: Database
    queue: DramatiqJobQueue
    tenant: str

    def waiting(self) -> set[str]:
        return jobs_in_broker(self.queue.broker, self.queue.options.name)[0]


@pytest.fixture
def setup(backend: Backend, tmp_path: Path, redis_server: ServerProcess) -> Iterator[Setup]:
    """A fresh database per test (jobs of other tests would be resent too) and a queue of its own in Redis."""
    name = f"test-{next(_queues)}"
    options = QueueOptions(name=name, lease_s=2)
    db = Database(backend.database_url or f"sqlite:///{tmp_path / 'wutong.db'}")
    upgrade(db)
    tenant = create_tenant(db, name)[0].id
    yield Setup(db, DramatiqJobQueue(db, LimitOptions(), create_broker(redis_server.url, options), options), tenant)
    db.dispose()


def test_enqueue_writes_the_row_and_sends_a_message(setup: Setup) -> None:
    job = setup.queue.enqueue(setup.tenant, "transcribe", {})
    assert job.status == "queued"
    assert job.id in setup.waiting()
    assert setup.queue.resend_lost(settle_s=0) == 0  # it has its message: nothing to resend


def test_a_job_whose_message_never_reached_redis_is_sent_by_the_reconciler(setup: Setup) -> None:
    with setup.db.write() as conn:  # as when the API's send failed: the row only
        job_id = job_store.create_job(conn, setup.tenant, "transcribe", {})
    assert job_id not in setup.waiting()
    assert setup.queue.resend_lost(settle_s=0) == 1
    assert job_id in setup.waiting()


def test_a_message_held_by_a_live_worker_that_never_ran_it_is_sent_again(setup: Setup,
                                                                        redis_server: ServerProcess) -> None:
    """Redis died between a worker's fetch and its reply: the message sits in that (live) worker's
    unacknowledged set, where Redis would never redeliver it."""
    job = setup.queue.enqueue(setup.tenant, "transcribe", {})
    other = RedisBroker(url=redis_server.url, namespace="dramatiq")
    assert other.do_fetch(setup.queue.options.name, 1)  # fetched, never processed, never acknowledged
    assert job.id not in setup.waiting()
    assert setup.queue.resend_lost(settle_s=0) == 1
    assert job.id in setup.waiting()


def test_claim_by_id_takes_a_job_once_and_a_dead_workers_job_after_its_lease(setup: Setup) -> None:
    db = setup.db
    job = setup.queue.enqueue(setup.tenant, "transcribe", {})
    taken, _ = job_store.claim_by_id(db, job.id, lease_s=2, max_attempts=3)
    assert taken is not None and taken.attempts == 1
    assert job_store.claim_by_id(db, job.id, lease_s=2, max_attempts=3) == (None, "running")  # a live holder
    time.sleep(2.2)  # nobody renewed the lease: its worker is dead
    again, _ = job_store.claim_by_id(db, job.id, lease_s=2, max_attempts=3)
    assert again is not None and again.attempts == 2
    assert job_store.touch_job(db, job.id)
    job_store.finish_job(db, job.id, {})
    assert job_store.claim_by_id(db, job.id, lease_s=2, max_attempts=3) == (None, "succeeded")
    assert not job_store.touch_job(db, job.id)


def test_a_job_that_keeps_killing_workers_fails(setup: Setup) -> None:
    db = setup.db
    job = setup.queue.enqueue(setup.tenant, "transcribe", {})
    for _ in range(2):
        assert job_store.claim_by_id(db, job.id, lease_s=0.1, max_attempts=2)[0] is not None
        time.sleep(0.2)
    assert job_store.claim_by_id(db, job.id, lease_s=0.1, max_attempts=2) == (None, "failed")
    assert job_store.get_job(db, setup.tenant, job.id).error_code == "interrupted"
