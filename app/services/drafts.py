"""Drafts from the tenant's own data: catalog, recipes, residents' questions, last stream's comments."""

from __future__ import annotations

from dataclasses import asdict

from app.context import AppContext
from app.services.highlights import load_comments
from app.services.knowledge import get_kb, tenant_catalog
from app.services.transcription import load_transcript
from app.store import drafts as store
from app.store import gaps as gap_store
from app.store import highlights as highlight_store
from app.store.drafts import Draft
from app.store.recordings import get_recording, list_recordings
from pipelines.adlaw import check_adlaw
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
from pipelines.errors import NotFound
from pipelines.llm import get_llm

EXCERPT_CHARS = 300


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


def copy_context(ctx: AppContext, tenant_id: str, recording_id: str | None, highlight_id: str | None) -> CopyContext:
    context = CopyContext()
    if highlight_id:
        found = highlight_store.get_highlight(ctx.db, tenant_id, highlight_id)
        if found is None:
            raise NotFound("找不到这个高光片段", code="highlight_not_found")
        context.highlight_title, context.highlight_kind = found.highlight.title, found.highlight.kind
        recording_id = recording_id or found.recording_id
        span = (found.highlight.start, found.highlight.end)
    if recording_id:
        rec = get_recording(ctx.db, tenant_id, recording_id)
        if rec is None:
            raise NotFound("找不到这个录像", code="recording_not_found")
        transcript = load_transcript(ctx, rec)
        segments = transcript.segments
        if highlight_id:
            segments = [s for s in segments if s.end > span[0] and s.start < span[1]]
            context.transcript_excerpt = "".join(s.text for s in segments)[:EXCERPT_CHARS]
        else:
            context.recording_summary = transcript.text[:EXCERPT_CHARS]
    return context


def draft_copy(ctx: AppContext, tenant_id: str, kind: str, skus: list[str], tone: str | None,
               recording_id: str | None, highlight_id: str | None) -> Draft:
    request = CopyRequest(kind=kind, skus=skus, tone=tone,
                          context=copy_context(ctx, tenant_id, recording_id, highlight_id))
    if highlight_id and not skus:
        request.skus = highlight_store.get_highlight(ctx.db, tenant_id, highlight_id).highlight.skus
    kb = get_kb(ctx, tenant_id)
    draft = write_copy(request, tenant_catalog(ctx, tenant_id), llm=_llm(ctx), options=ctx.settings.drafts,
                       recipes=recipes_from_search(kb.search))
    title = {"announcement": "群公告", "product_blurb": "商品文案", "follow_up": "售后提醒",
             "clip_caption": "短视频文案"}[kind]
    return store.create_draft(ctx.db, tenant_id, kind, title, asdict(request), draft.to_dict(), draft.full_text)


def revise_draft(ctx: AppContext, tenant_id: str, draft_id: str, text: str, title: str | None) -> tuple[Draft, list]:
    """Save the leader's edit; the 《广告法》 check runs on it again and is reported, not applied."""
    draft = store.update_draft(ctx.db, tenant_id, draft_id, text=text, title=title)
    return draft, check_adlaw(text)
