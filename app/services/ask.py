"""Answer a resident's question from the tenant's knowledge base; log what it could not answer."""

from __future__ import annotations

from functools import lru_cache

from app.context import AppContext
from app.services.knowledge import get_kb
from app.store.gaps import record_gap
from pipelines.llm import get_llm
from pipelines.qa import Answer, AnswerCache, answer_question


@lru_cache(maxsize=4)
def get_answer_cache(max_entries: int) -> AnswerCache[Answer]:
    """One cache per process: keys hold the knowledge version, a uuid per tenant collection and write."""
    return AnswerCache(max_entries)


def ask(ctx: AppContext, tenant_id: str, question: str, group_id: str | None = None) -> Answer:
    options = ctx.settings.ask
    llm = get_llm(ctx.settings.llm, ctx.settings.models_path) if options.use_llm else None
    cache = get_answer_cache(options.cache_entries) if options.cache_entries else None
    answer = answer_question(question, get_kb(ctx, tenant_id), llm, options, cache)
    if answer.handoff and answer.reason != "hostile":
        record_gap(ctx.db, tenant_id, question, group_id)
    return answer
