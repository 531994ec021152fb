"""Job kind -> handler. Each feature declares its handlers in its service module (`JOBS = {...}`);
this is the one place they are collected."""

from __future__ import annotations

from app.jobs.worker import Handler


def job_handlers() -> dict[str, Handler]:
    from app.services import catalog, clips, highlights, kit, knowledge, transcription

    handlers: dict[str, Handler] = {}
    for feature in (transcription, highlights, clips, kit, knowledge, catalog):
        if clash := handlers.keys() & feature.JOBS.keys():
            raise RuntimeError(f"job kinds declared twice: {sorted(clash)}")
        handlers |= feature.JOBS
    return handlers
