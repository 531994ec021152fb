from fastapi import APIRouter

from app.deps import CtxDep
from app.schemas.health import HealthPublic
from app.services.health import check

router = APIRouter(tags=["health"])


@router.get("/health", response_model=HealthPublic)
def health(ctx: CtxDep) -> HealthPublic:
    return HealthPublic(**check(ctx))
