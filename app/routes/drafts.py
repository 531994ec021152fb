from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool

from app.deps import CtxDep, TenantDep
from app.schemas.drafts import CopyCreate, DraftPublic, DraftsPublic, DraftSummary, DraftUpdate, ScriptCreate
from app.services import drafts as service
from pipelines.drafts import ScriptRequest

router = APIRouter(prefix="/v1/drafts", tags=["drafts"])


@router.post("/script", response_model=DraftPublic, status_code=201)
async def create_script(body: ScriptCreate, ctx: CtxDep, tenant: TenantDep) -> DraftPublic:
    """A run sheet: segments with minutes, talk, catalog facts and cues (plus its Markdown in `text`)."""
    request = ScriptRequest(**body.model_dump())
    return DraftPublic.of(await run_in_threadpool(service.draft_script, ctx, tenant.id, request))


@router.post("/copy", response_model=DraftPublic, status_code=201)
async def create_copy(body: CopyCreate, ctx: CtxDep, tenant: TenantDep) -> DraftPublic:
    """Group announcement, product blurb, follow-up tips or a clip caption (with hashtags)."""
    draft = await run_in_threadpool(service.draft_copy, ctx, tenant.id, body.kind, body.skus, body.tone,
                                    body.recording_id, body.highlight_id, body.clip_url)
    return DraftPublic.of(draft)


@router.get("", response_model=DraftsPublic)
def list_drafts(ctx: CtxDep, tenant: TenantDep) -> DraftsPublic:
    drafts = [DraftSummary.model_validate(d, from_attributes=True) for d in service.list_drafts(ctx, tenant.id)]
    return DraftsPublic(data=drafts, count=len(drafts))


@router.get("/{draft_id}", response_model=DraftPublic)
def get_draft(draft_id: str, ctx: CtxDep, tenant: TenantDep) -> DraftPublic:
    return DraftPublic.of(service.get_draft(ctx, tenant.id, draft_id))


@router.put("/{draft_id}", response_model=DraftPublic)
def update_draft(draft_id: str, body: DraftUpdate, ctx: CtxDep, tenant: TenantDep) -> DraftPublic:
    """Save the leader's revision; `flags` lists any 《广告法》 terms in it (not rewritten)."""
    draft, flags = service.revise_draft(ctx, tenant.id, draft_id, body.text, body.title)
    return DraftPublic.of(draft, flags)
