"""The FastAPI application factory."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from app.bootstrap import start
from app.config import Settings, get_settings
from app.context import AppContext
from app.errors import install_error_handlers
from app.jobs.registry import job_handlers
from app.jobs.worker import Worker
from app.routes import (
    ask,
    bot,
    catalog,
    clips,
    comments,
    console,
    drafts,
    health,
    highlights,
    jobs,
    knowledge,
    openai_compat,
    recordings,
    session,
    transcripts,
)

ROUTERS = (health, session, recordings, jobs, transcripts, openai_compat, comments, highlights, clips, knowledge,
           catalog, ask, bot, drafts, console)


def create_app(settings: Settings | None = None, *, run_worker: bool = True) -> FastAPI:
    settings = settings or get_settings()
    ctx = AppContext.create(settings)
    start(ctx)
    worker = Worker(ctx.queue, job_handlers(), ctx, settings.jobs)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if run_worker:
            worker.start()
        yield
        worker.stop()

    app = FastAPI(title="Wutong 梧桐", version="0.1.0", lifespan=lifespan)
    app.state.ctx = ctx
    app.state.worker = worker
    install_error_handlers(app)
    for module in ROUTERS:
        app.include_router(module.router)
    return app
