from fastapi import APIRouter
from pydantic import BaseModel

from app.deps import CtxDep

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str
    version: str


@router.get("/health", response_model=Health)
def health(ctx: CtxDep) -> Health:
    with ctx.db.connect() as conn:
        conn.execute("SELECT 1")
    return Health(status="ok", version="0.1.0")
