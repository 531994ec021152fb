from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from app.deps import CtxDep, TenantDep
from app.schemas.demand import DemandPublic
from app.services import demand as service

router = APIRouter(prefix="/v1/recordings", tags=["demand"])


@router.get("/{recording_id}/demand", response_model=DemandPublic)
def get_demand(recording_id: str, ctx: CtxDep, tenant: TenantDep) -> DemandPublic:
    """Buying comments per product (attributed through the transcript's product timeline), products
    asked for that the catalog lacks, and the questions asked most, each with whether it is answered."""
    report = service.recording_demand(ctx, tenant.id, recording_id)
    return DemandPublic(recording_id=recording_id, **report.to_dict())


@router.get("/{recording_id}/demand/card.png", response_class=Response)
async def get_demand_card(recording_id: str, ctx: CtxDep, tenant: TenantDep) -> Response:
    """The demand report as a 1080x1440 PNG card to post in the group."""
    png = await run_in_threadpool(service.demand_card, ctx, tenant.id, recording_id)
    return Response(png, media_type="image/png", headers={"Cache-Control": "no-store"})
