"""Job kind -> handler. Each feature registers its long-running work here."""

from __future__ import annotations

from app.jobs.worker import Handler


def job_handlers() -> dict[str, Handler]:
    return {}
