"""The FastAPI application factory."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI

from app.bodylimit import BodyLimit
from app.bootstrap import start
from app.config import Settings, get_settings
from app.config_sections import MB
from app.context import AppContext
from app.deps import ask_limits
from app.errors import ERROR_RESPONSES, document_errors, install_error_handlers
from app.jobs.registry import job_handlers
from app.jobs.worker import Worker
from app.refusals import RefusalGate, RefusalMemory
from app.routes import (
    ask,
    bot,
    catalog,
    clips,
    comments,
    console,
    demand,
    drafts,
    health,
    highlights,
    jobs,
    kit,
    knowledge,
    live,
    openai_compat,
    orders,
    recordings,
    session,
    transcripts,
)
from app.services.live import resume_all, stop_all

ROUTERS = (health, session, recordings, jobs, transcripts, openai_compat, comments, highlights, clips, kit, live, knowledge,
           catalog, ask, bot, drafts, orders, demand, console)
# Per-tenant limits that a route's own module does not state. scope="function": the question's slot is
# freed before the answer is sent, so a resident asking again right after an answer is never refused.
ROUTER_LIMITS = {ask: [Depends(ask_limits, scope="function")]}


def create_app(settings: Settings | None = None, *, run_worker: bool = True) -> FastAPI:
    settings = settings or get_settings()
    ctx = AppContext.create(settings)
    start(ctx)
    worker = Worker(ctx.queue, job_handlers(), ctx, settings.jobs, lease_s=settings.queue.lease_s)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if run_worker and not settings.redis_url:  # scale-out mode: `wutong worker` processes run the jobs
            worker.start()
        resume_all(ctx)  # live sessions a previous run left unfinished go on
        yield
        worker.stop()
        stop_all(ctx)

    app = FastAPI(title="Wutong 梧桐", version="0.1.0", lifespan=lifespan)
    app.state.ctx = ctx
    app.state.worker = worker
    install_error_handlers(app)
    app.add_middleware(BodyLimit, json_limit=settings.limits.request_body_mb * MB,
                       upload_limit=settings.uploads.largest())
    app.state.refusals = RefusalMemory()
    app.add_middleware(RefusalGate, memory=app.state.refusals)  # outermost: a remembered refusal costs least
    for module in ROUTERS:
        app.include_router(module.router, dependencies=ROUTER_LIMITS.get(module, []), responses=ERROR_RESPONSES)
    document_errors(app)
    return app
