"""Demand from a stream: its transcript's product timeline, its live comments, and the questions the
bot handed to the leader this week -> per-product buying comments, unmet requests, top questions."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from app.context import AppContext
from app.services.catalog import tenant_catalog
from app.services.comments import load_comments
from app.services.knowledge import get_kb
from app.services.recordings import get_recording
from app.services.transcription import load_transcript
from app.store.gaps import list_gaps
from pipelines.demand import DemandReport, Handoff, build_demand
from pipelines.demand.card import render_demand_card
from pipelines.qa import answer_question

WEEK_S = 7 * 24 * 3600


def week_handoffs(ctx: AppContext, tenant_id: str) -> list[Handoff]:
    """Questions the bot handed over in the last week, with whether the leader has answered them."""
    since = time.time() - WEEK_S
    return [Handoff(g.question, g.asked, g.status == "answered") for g in list_gaps(ctx.db, tenant_id)
            if g.updated_at >= since]


def knowledge_answers(ctx: AppContext, tenant_id: str):
    """Whether the knowledge base answers a question now: the resident Q&A's own check, without the LLM."""
    kb, options = get_kb(ctx, tenant_id), ctx.settings.ask

    def answers(question: str) -> bool:
        return not answer_question(question, kb, None, options).handoff

    return answers


def recording_demand(ctx: AppContext, tenant_id: str, recording_id: str) -> DemandReport:
    rec = get_recording(ctx, tenant_id, recording_id)
    return build_demand(load_transcript(ctx, rec), tenant_catalog(ctx, tenant_id), load_comments(ctx, rec),
                        week_handoffs(ctx, tenant_id), knowledge_answers(ctx, tenant_id))


def demand_card(ctx: AppContext, tenant_id: str, recording_id: str) -> bytes:
    """The report as a PNG card to post in the group."""
    report = recording_demand(ctx, tenant_id, recording_id)
    with tempfile.TemporaryDirectory() as folder:
        path = render_demand_card(report, Path(folder) / "demand.png", font_path=ctx.settings.clips.font_path)
        return path.read_bytes()
