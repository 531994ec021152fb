"""Runs queued jobs in background threads, one heavy job at a time by default (2 cores)."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.jobs.queue import SqliteJobQueue
from app.store import jobs as job_store
from app.store.jobs import Job
from pipelines.errors import WutongError

log = logging.getLogger("wutong.jobs")
MAX_ATTEMPTS = 3


@dataclass
class JobContext:
    job: Job
    services: Any  # app.context.AppContext; kept loose so handlers stay importable without it
    _last_write: float = 0.0
    _last_stage: str = ""

    def progress(self, fraction: float, stage: str) -> None:
        """Report progress; writes are throttled so a chatty pipeline cannot flood SQLite."""
        now = time.monotonic()
        if stage == self._last_stage and now - self._last_write < 0.5 and fraction < 1.0:
            return
        self._last_write, self._last_stage = now, stage
        job_store.update_progress(self.services.db, self.job.id, fraction, stage)


Handler = Callable[[JobContext], dict[str, Any]]


class Worker:
    def __init__(self, queue: SqliteJobQueue, handlers: dict[str, Handler], services: Any,
                 concurrency: int = 1) -> None:
        self.queue, self.handlers, self.services = queue, handlers, services
        self.concurrency = max(1, concurrency)
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        requeued, failed = job_store.requeue_interrupted(self.queue.db, MAX_ATTEMPTS)
        if requeued or failed:
            log.warning("after restart: %d interrupted job(s) re-queued, %d failed", requeued, failed)
        for i in range(self.concurrency):
            thread = threading.Thread(target=self._loop, name=f"wutong-worker-{i}", daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self.queue.wake()
        for thread in self._threads:
            thread.join(timeout)

    def _loop(self) -> None:
        while not self._stop.is_set():
            job = self.queue.claim()
            if job is None:
                self.queue.wait(1.0)
                continue
            self.run(job)

    def run(self, job: Job) -> None:
        handler = self.handlers.get(job.kind)
        db = self.queue.db
        if handler is None:
            job_store.fail_job(db, job.id, "unknown_job", f"unknown job kind '{job.kind}'")
            return
        try:
            result = handler(JobContext(job, self.services))
        except WutongError as exc:
            log.info("job %s (%s) failed: %s", job.id, job.kind, exc.message)
            job_store.fail_job(db, job.id, exc.code, exc.message)
        except Exception:  # a bug, not bad input: keep the worker alive and tell the leader plainly
            log.exception("job %s (%s) crashed", job.id, job.kind)
            job_store.fail_job(db, job.id, "internal_error", "处理时出现内部错误，请稍后重试")
        else:
            job_store.finish_job(db, job.id, result)
