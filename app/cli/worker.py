"""`wutong worker`: a job worker process for scale-out mode (WUTONG_REDIS_URL)."""

from __future__ import annotations

import logging

import typer

from app.config import get_settings


def worker(threads: int = typer.Option(1, min=1, help="jobs this process runs at once (2 cores: 1)")) -> None:
    """Run jobs from Redis (scale-out mode): start any number, on any machine that sees WUTONG_MEDIA_DIR."""
    from app.jobs.process import run_worker_process

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings = get_settings()
    if not settings.redis_url:
        raise typer.BadParameter("set WUTONG_REDIS_URL (redis://host:6379/0) to run workers")
    run_worker_process(settings, threads)


def register(app: typer.Typer) -> None:
    app.command()(worker)
