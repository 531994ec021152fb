from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool

from app.deps import CtxDep, TenantDep
from app.schemas.ask import AnswerPublic, QuestionCreate
from app.services.ask import ask

router = APIRouter(prefix="/v1", tags=["ask"])


@router.post("/ask", response_model=AnswerPublic)
async def ask_question(body: QuestionCreate, ctx: CtxDep, tenant: TenantDep) -> AnswerPublic:
    """A resident's question -> a short cited answer, or a hand-off to the leader."""
    answer = await run_in_threadpool(ask, ctx, tenant.id, body.question, body.group_id)
    return AnswerPublic.model_validate(answer, from_attributes=True)
