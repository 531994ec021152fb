from fastapi import APIRouter

from app.deps import CtxDep, TenantDep
from app.schemas.ask import AskRequest, AskResponse
from app.services.ask import ask

router = APIRouter(prefix="/v1", tags=["ask"])


@router.post("/ask", response_model=AskResponse)
def ask_question(body: AskRequest, ctx: CtxDep, tenant: TenantDep) -> AskResponse:
    """A resident's question -> a short cited answer, or a hand-off to the leader."""
    answer = ask(ctx, tenant.id, body.question, body.group_id)
    return AskResponse.model_validate(answer, from_attributes=True)
