"""Runs queued jobs in background threads, one heavy job at a time by default (2 cores).

A handler reports progress through its JobContext; when the job has been cancelled (or deleted with
its recording) the next progress report raises Cancelled, so the handler stops there, and whatever
it returns or raises afterwards cannot change the job's row (only a running job can finish).

Every job kind has a time limit (settings.limits.job_timeout_s): the handler runs in its own thread,
and when the limit passes the job ends `failed` (code `timeout`) and the worker moves on; the late
handler can write nothing back (its next progress report or artefact write finds the job not running).
A database error (locked, disk full) fails or re-queues the job and never ends the worker thread.

While a job runs, the worker renews its lease (the row's updated_at) every `lease_s / 3`: in scale-out
mode a redelivered message may take over a running job only once its lease has expired (its worker died).
The same `execute()` runs a job for the in-process threads here and for a Dramatiq actor in `wutong worker`.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.config_sections import JobOptions, LimitOptions
from app.errors import Cancelled, public_message
from app.jobs.options import QueueOptions
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


DB_RETRY_S = 5.0


def lower_priority(nice: int) -> None:
    """Lower this thread's CPU priority (Linux: niceness is per thread, and threads it starts inherit it)."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), nice)
    except (AttributeError, OSError):  # not Linux, or not allowed: run at normal priority
        pass


TIMEOUT_MESSAGE = "任务超时（超过 {minutes} 分钟）已停止，请稍后重试或换一个短一些的文件"


class Worker:
    def __init__(self, queue: DatabaseJobQueue, handlers: dict[str, Handler], services: Any,
                 options: JobOptions = JobOptions(), limits: LimitOptions | None = None,
                 lease_s: float = QueueOptions().lease_s) -> None:
        self.queue, self.handlers, self.services, self.options = queue, handlers, services, options
        self.limits = limits or queue.limits
        self.lease_s = lease_s
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
            try:
                job = self.queue.claim()
            except Exception:  # the database is locked or gone for a moment: wait, never die
                log.exception("could not claim a job; retrying in %.0f s", DB_RETRY_S)
                self._stop.wait(DB_RETRY_S)
                continue
            if job is None:
                self.queue.wait(self.options.poll_s)
                continue
            self.run(job)

    def run(self, job: Job) -> None:
        """Run one claimed job to its end; whatever happens, the job leaves `running` and the caller lives."""
        try:
            self.execute(job)
        except Exception:  # recording the outcome failed (database locked, disk full)
            log.exception("job %s (%s): could not record its outcome", job.id, job.kind)
            self._fail_quietly(job, "internal_error", "处理时出现内部错误，请稍后重试")

    def execute(self, job: Job, keepalive: Callable[[], None] | None = None) -> None:
        """Run one claimed job and record its outcome; raises only when the outcome could not be stored
        (a Dramatiq worker then leaves the message unacknowledged, to be retried). While the job runs its
        lease is renewed every `lease_s / 3` (and `keepalive` called), so no other worker takes it over."""
        handler = self.handlers.get(job.kind)
        if handler is None:
            job_store.fail_job(self.queue.db, job.id, "unknown_job", f"未知的任务类型：{job.kind}")
            return
        outcome: dict[str, Any] = {}
        thread = threading.Thread(target=self._call, args=(handler, job, outcome), name=f"wutong-job-{job.id}",
                                  daemon=True)
        thread.start()
        limit = self.limits.job_timeout(job.kind)
        self._join_renewing(thread, job, limit, keepalive)
        if thread.is_alive():
            log.warning("job %s (%s) ran past its %.0f s limit; failed", job.id, job.kind, limit)
            job_store.fail_job(self.queue.db, job.id, "timeout", TIMEOUT_MESSAGE.format(minutes=max(1, round(limit / 60))))
            return
        self._record(job, outcome)

    def _join_renewing(self, thread: threading.Thread, job: Job, limit: float,
                       keepalive: Callable[[], None] | None) -> None:
        deadline = time.monotonic() + limit
        while thread.is_alive() and (left := deadline - time.monotonic()) > 0:
            thread.join(min(left, self.lease_s / 3))
            if thread.is_alive():
                self._renew(job, keepalive)

    def _renew(self, job: Job, keepalive: Callable[[], None] | None) -> None:
        try:
            job_store.touch_job(self.queue.db, job.id)
            if keepalive:
                keepalive()
        except Exception:  # a missed renewal is retried on the next beat; the lease outlasts a few
            log.warning("job %s: could not renew its lease", job.id, exc_info=True)

    def _call(self, handler: Handler, job: Job, outcome: dict[str, Any]) -> None:
        lower_priority(self.options.nice)
        try:
            outcome["result"] = handler(JobContext(job, self.services, self.options.progress_interval_s))
        except BaseException as exc:  # recorded by the worker thread, which owns the job's row
            outcome["error"] = exc

    def _record(self, job: Job, outcome: dict[str, Any]) -> None:
        db, exc = self.queue.db, outcome.get("error")
        if exc is None:
            job_store.finish_job(db, job.id, outcome.get("result") or {})
        elif isinstance(exc, Cancelled):
            log.info("job %s (%s) cancelled; it wrote nothing back", job.id, job.kind)
            job_store.mark_cancelled(db, job.tenant_id, job.id)
        elif isinstance(exc, WutongError):
            log.info("job %s (%s) failed: %s", job.id, job.kind, exc.message)
            job_store.fail_job(db, job.id, exc.code, public_message(exc))
        else:  # a bug, not bad input: keep the worker alive and tell the leader plainly (details in the log)
            log.error("job %s (%s) crashed", job.id, job.kind, exc_info=exc)
            job_store.fail_job(db, job.id, "internal_error", "处理时出现内部错误，请稍后重试")

    def _fail_quietly(self, job: Job, code: str, message: str) -> None:
        try:
            job_store.fail_job(self.queue.db, job.id, code, message)
        except Exception:  # still no database: start-up re-queues it (requeue_interrupted)
            log.exception("job %s: could not mark it failed either", job.id)
