"""Answer a resident's question from the tenant's knowledge base; log what it could not answer."""

from __future__ import annotations

from app.context import AppContext
from app.services.knowledge import get_kb
from app.store.gaps import record_gap
from pipelines.llm import get_llm
from pipelines.qa import Answer, answer_question


def ask(ctx: AppContext, tenant_id: str, question: str, group_id: str | None = None) -> Answer:
    llm = get_llm(ctx.settings.llm, ctx.settings.models_path)
    answer = answer_question(question, get_kb(ctx, tenant_id), llm, ctx.settings.ask)
    if answer.handoff and answer.reason != "hostile":
        record_gap(ctx.db, tenant_id, question, group_id)
    return answer
