from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from app.deps import CtxDep, TenantDep
from app.schemas.orders import JielongCreate, JielongList, JielongPublic, JielongSummary
from app.services import orders as service

router = APIRouter(prefix="/v1/orders", tags=["orders"])


@router.post("/jielong", response_model=JielongPublic, status_code=201)
def create_jielong(body: JielongCreate, ctx: CtxDep, tenant: TenantDep) -> JielongPublic:
    """Read a pasted 接龙 into orders, totals per SKU and building, and the lines that are not orders."""
    return JielongPublic.of(service.save_jielong(ctx, tenant.id, body.text, body.recording_id))


@router.get("/jielong", response_model=JielongList)
def list_jielong(ctx: CtxDep, tenant: TenantDep, recording_id: str | None = None,
                 history: bool = False) -> JielongList:
    """Current 接龙 (newest first); `history=true` lists every earlier version too."""
    data = [JielongSummary.of(s) for s in service.list_jielong(ctx, tenant.id, recording_id, history)]
    return JielongList(data=data, count=len(data))


@router.get("/jielong/{jielong_id}", response_model=JielongPublic)
def get_jielong(jielong_id: str, ctx: CtxDep, tenant: TenantDep) -> JielongPublic:
    return JielongPublic.of(service.get_jielong(ctx, tenant.id, jielong_id))


@router.get("/jielong/{jielong_id}/csv")
def download_csv(jielong_id: str, ctx: CtxDep, tenant: TenantDep) -> Response:
    """One row per item (UTF-8 with BOM, opens in Excel and WPS)."""
    return Response(service.jielong_csv(ctx, tenant.id, jielong_id), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="jielong-{jielong_id}.csv"'})


@router.get("/jielong/{jielong_id}/pick-list", response_class=HTMLResponse)
def pick_list(jielong_id: str, ctx: CtxDep, tenant: TenantDep) -> HTMLResponse:
    """A printable A4 pick list: stock totals, orders by building, lines not counted."""
    return HTMLResponse(service.jielong_pick_list(ctx, tenant.id, jielong_id))
