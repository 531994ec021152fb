"""Job kind -> handler. Each feature registers its long-running work here."""

from __future__ import annotations

from app.jobs.worker import Handler


def job_handlers() -> dict[str, Handler]:
    from app.services.highlights import run_clip_job, run_highlights_job
    from app.services.knowledge import run_seed_job
    from app.services.transcription import run_transcribe_job

    return {"transcribe": run_transcribe_job, "seed_knowledge": run_seed_job, "highlights": run_highlights_job,
            "clip": run_clip_job}
