"""Runs queued jobs in background threads, one heavy job at a time by default (2 cores).

A handler reports progress through its JobContext; when the job has been cancelled (or deleted with
its recording) the next progress report raises Cancelled, so the handler stops there, and whatever
it returns or raises afterwards cannot change the job's row (only a running job can finish).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.config_sections import JobOptions
from app.errors import Cancelled
from app.jobs.queue import DatabaseJobQueue
from app.store import jobs as job_store
from app.store.jobs import Job
from pipelines.errors import WutongError

log = logging.getLogger("wutong.jobs")


@dataclass
class JobContext:
    job: Job
    services: Any  # app.context.AppContext; kept loose so handlers stay importable without it
    interval_s: float = 0.5
    _last_write: float = 0.0
    _last_stage: str = ""

    def progress(self, fraction: float, stage: str) -> None:
        """Report progress (throttled); raises Cancelled when the job is no longer running."""
        now = time.monotonic()
        if stage == self._last_stage and now - self._last_write < self.interval_s and fraction < 1.0:
            return
        self._last_write, self._last_stage = now, stage
        if not job_store.update_progress(self.services.db, self.job.id, fraction, stage):
            raise Cancelled("任务已取消", code="cancelled")

    def check(self) -> None:
        """Raise Cancelled unless the job is still running (call before writing anything)."""
        if not job_store.is_running(self.services.db, self.job.id):
            raise Cancelled("任务已取消", code="cancelled")


Handler = Callable[[JobContext], dict[str, Any]]


class Worker:
    def __init__(self, queue: DatabaseJobQueue, handlers: dict[str, Handler], services: Any,
                 options: JobOptions = JobOptions()) -> None:
        self.queue, self.handlers, self.services, self.options = queue, handlers, services, options
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        requeued, failed = job_store.requeue_interrupted(self.queue.db, self.options.max_attempts)
        if requeued or failed:
            log.warning("after restart: %d interrupted job(s) re-queued, %d failed", requeued, failed)
        for i in range(max(1, self.options.concurrency)):
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
                self.queue.wait(self.options.poll_s)
                continue
            self.run(job)

    def run(self, job: Job) -> None:
        handler = self.handlers.get(job.kind)
        db = self.queue.db
        if handler is None:
            job_store.fail_job(db, job.id, "unknown_job", f"unknown job kind '{job.kind}'")
            return
        try:
            result = handler(JobContext(job, self.services, self.options.progress_interval_s))
        except Cancelled:
            log.info("job %s (%s) cancelled; it wrote nothing back", job.id, job.kind)
            job_store.mark_cancelled(db, job.tenant_id, job.id)
        except WutongError as exc:
            log.info("job %s (%s) failed: %s", job.id, job.kind, exc.message)
            job_store.fail_job(db, job.id, exc.code, exc.message)
        except Exception:  # a bug, not bad input: keep the worker alive and tell the leader plainly
            log.exception("job %s (%s) crashed", job.id, job.kind)
            job_store.fail_job(db, job.id, "internal_error", "处理时出现内部错误，请稍后重试")
        else:
            job_store.finish_job(db, job.id, result)
