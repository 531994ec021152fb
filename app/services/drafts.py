"""Drafts from the tenant's own data: catalog, recipes, residents' questions, last stream's comments."""

from __future__ import annotations

from dataclasses import asdict

from app.context import AppContext
from app.services.catalog import tenant_catalog
from app.services.comments import load_comments
from app.services.highlights import get_highlight, list_highlights
from app.services.knowledge import get_kb
from app.services.lookup import require
from app.services.recordings import get_recording
from app.services.transcription import load_transcript
from app.store import drafts as store
from app.store import gaps as gap_store
from app.store.drafts import Draft
from app.store.recordings import list_recordings
from pipelines.adlaw import check_adlaw
from pipelines.catalog import product_terms
from pipelines.drafts import (
    CopyContext,
    CopyRequest,
    ScriptRequest,
    build_script,
    mine_comment_requests,
    recipes_from_search,
    render_script_markdown,
    write_copy,
)
from pipelines.llm import get_llm

EXCERPT_CHARS = 300
COPY_TITLES = {"announcement": "群公告", "product_blurb": "商品文案", "follow_up": "售后提醒", "clip_caption": "短视频文案"}


def _llm(ctx: AppContext):
    return get_llm(ctx.settings.llm, ctx.settings.models_path)


def recent_questions(ctx: AppContext, tenant_id: str, limit: int = 5) -> list[str]:
    return [g.question for g in gap_store.list_gaps(ctx.db, tenant_id, "open")[:limit]]


def last_stream_requests(ctx: AppContext, tenant_id: str) -> list[str]:
    """Votes and requests from the newest recording that has live comments."""
    for rec in list_recordings(ctx.db, tenant_id):
        if comments := load_comments(ctx, rec):
            return mine_comment_requests([c.text for c in comments])
    return []


def draft_script(ctx: AppContext, tenant_id: str, request: ScriptRequest) -> Draft:
    kb = get_kb(ctx, tenant_id)
    script = build_script(request, tenant_catalog(ctx, tenant_id), llm=_llm(ctx),
                          recipes=recipes_from_search(kb.search), questions=recent_questions(ctx, tenant_id),
                          comment_requests=last_stream_requests(ctx, tenant_id), options=ctx.settings.drafts)
    return store.create_draft(ctx.db, tenant_id, "script", script.title, asdict(request), script.to_dict(),
                              render_script_markdown(script))


def copy_context(ctx: AppContext, tenant_id: str, recording_id: str | None,
                 highlight_id: str | None) -> tuple[CopyContext, str | None, list[str]]:
    """What the copy may quote: (context, the recording it comes from, the highlight's SKUs)."""
    context, skus, span = CopyContext(), [], None
    if highlight_id:
        found = get_highlight(ctx, tenant_id, highlight_id)
        context.highlight_title, context.highlight_kind = found.highlight.title, found.highlight.kind
        recording_id, skus = recording_id or found.recording_id, found.highlight.skus
        span = (found.highlight.start, found.highlight.end)
    if recording_id:
        segments = load_transcript(ctx, get_recording(ctx, tenant_id, recording_id)).segments
        if span:
            quoted = [s for s in segments if s.end > span[0] and s.start < span[1]]
            context.transcript_excerpt = "".join(s.text for s in quoted)[:EXCERPT_CHARS]
        else:
            context.recording_summary = "".join(s.text for s in segments)[:EXCERPT_CHARS]
            skus = recording_products(ctx, tenant_id, recording_id, "".join(s.text for s in segments))
    return context, recording_id, skus


def recording_products(ctx: AppContext, tenant_id: str, recording_id: str, text: str) -> list[str]:
    """The SKUs a recording sold: its highlights' products, best first, else the catalog products its
    transcript names (so a follow-up post needs no SKUs picked by hand)."""
    found = [sku for h in list_highlights(ctx, tenant_id, recording_id) for sku in h.skus]
    if not found:
        terms = product_terms(tenant_catalog(ctx, tenant_id))
        found = [sku for sku, names in terms.items() if any(t in text for t in names)]
    return list(dict.fromkeys(found))


def draft_copy(ctx: AppContext, tenant_id: str, kind: str, skus: list[str], tone: str | None,
               recording_id: str | None, highlight_id: str | None, clip_url: str | None = None) -> Draft:
    context, recording_id, highlight_skus = copy_context(ctx, tenant_id, recording_id, highlight_id)
    context.clip_url = clip_url
    request = CopyRequest(kind=kind, skus=skus or highlight_skus, tone=tone, context=context)
    kb = get_kb(ctx, tenant_id)
    draft = write_copy(request, tenant_catalog(ctx, tenant_id), llm=_llm(ctx), options=ctx.settings.drafts,
                       recipes=recipes_from_search(kb.search))
    return store.create_draft(ctx.db, tenant_id, kind, COPY_TITLES[kind], asdict(request), draft.to_dict(),
                              draft.full_text, recording_id=recording_id, highlight_id=highlight_id)


def list_drafts(ctx: AppContext, tenant_id: str) -> list[Draft]:
    return store.list_drafts(ctx.db, tenant_id)


def get_draft(ctx: AppContext, tenant_id: str, draft_id: str) -> Draft:
    return require(store.get_draft(ctx.db, tenant_id, draft_id), "draft")


def revise_draft(ctx: AppContext, tenant_id: str, draft_id: str, text: str, title: str | None) -> tuple[Draft, list]:
    """Save the leader's edit; the 《广告法》 check runs on it again and is reported, not applied."""
    get_draft(ctx, tenant_id, draft_id)
    draft = store.update_draft(ctx.db, tenant_id, draft_id, text=text, title=title)
    return draft, check_adlaw(text)
