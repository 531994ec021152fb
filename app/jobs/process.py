"""One `wutong worker` process: Dramatiq's Worker in-process with N threads, the models loaded once per
process (lazily, by the pipelines' accessors), a reconciler thread, and a graceful stop on SIGTERM."""

from __future__ import annotations

import logging
import signal
import threading

from dramatiq import Worker as DramatiqWorker

from app.config import Settings
from app.context import AppContext
from app.jobs.dramatiq_queue import DramatiqJobQueue
from app.jobs.dramatiq_worker import declare_actor
from app.jobs.registry import job_handlers
from app.jobs.worker import Worker

log = logging.getLogger("wutong.worker")


def worker_context(settings: Settings, threads: int) -> AppContext:
    """The app context of a worker process: as many heavy jobs at once as it has threads."""
    settings = settings.model_copy(update={"jobs": settings.jobs.model_copy(update={"concurrency": threads})})
    ctx = AppContext.create(settings)
    if not isinstance(ctx.queue, DramatiqJobQueue):
        raise RuntimeError("a worker process needs WUTONG_REDIS_URL (scale-out mode)")
    return ctx


def reconcile_forever(queue: DramatiqJobQueue, stop: threading.Event) -> None:
    """Re-send lost messages now and every `queue.reconcile_s` (Redis lost them, or the API's send failed)."""
    while not stop.is_set():
        try:
            if sent := queue.resend_lost():
                log.warning("re-sent %d job message(s) missing from Redis", sent)
        except Exception:  # Redis or the database is down for a moment: try again next round
            log.warning("could not reconcile the queue", exc_info=True)
        stop.wait(queue.options.reconcile_s)


def run_worker_process(settings: Settings, threads: int = 1) -> None:
    ctx = worker_context(settings, threads)
    queue: DramatiqJobQueue = ctx.queue  # type: ignore[assignment]
    jobs = Worker(queue, job_handlers(), ctx, ctx.settings.jobs, lease_s=settings.queue.lease_s)
    declare_actor(jobs, queue.broker, settings.queue)
    consumer = DramatiqWorker(queue.broker, worker_threads=threads)
    consumer.queue_prefetch = threads  # take no more than it can run: an idle worker gets the next message
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    consumer.start()
    reconciler = threading.Thread(target=reconcile_forever, args=(queue, stop), name="wutong-reconcile", daemon=True)
    reconciler.start()
    log.info("worker ready: %d thread(s) on queue %r", threads, settings.queue.name)
    stop.wait()
    log.info("stopping: finishing running jobs for up to %.0f s", settings.queue.stop_grace_s)
    consumer.stop(timeout=int(settings.queue.stop_grace_s * 1000))
    queue.broker.close()
