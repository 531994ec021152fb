"""接龙 orders: parse a pasted chain against the tenant's catalog and keep it (a version per paste)."""

from __future__ import annotations

from app.context import AppContext
from app.services.catalog import tenant_catalog
from app.services.recordings import get_recording
from app.store import orders as store
from app.store.orders import StoredJielong
from pipelines.errors import Conflict, NotFound
from pipelines.orders import JielongResult, orders_csv, parse_jielong, pick_list_html
from pipelines.orders.lines import mask_phones


def read_jielong(ctx: AppContext, tenant_id: str, text: str) -> JielongResult:
    """Parse without saving (the CLI, a preview)."""
    catalog = tenant_catalog(ctx, tenant_id)
    if not catalog:
        raise Conflict("商品表是空的：请先上传商品表，再粘贴接龙", code="catalog_required")
    return parse_jielong(text, catalog)


def save_jielong(ctx: AppContext, tenant_id: str, text: str, recording_id: str | None = None) -> StoredJielong:
    """Parse and keep; for a recording, this paste replaces the previous one (which stays in history)."""
    if recording_id:
        get_recording(ctx, tenant_id, recording_id)
    result = read_jielong(ctx, tenant_id, text)
    return store.save_jielong(ctx.db, tenant_id, recording_id, mask_phones(text), result.to_dict())


def get_jielong(ctx: AppContext, tenant_id: str, jielong_id: str) -> StoredJielong:
    found = store.get_jielong(ctx.db, tenant_id, jielong_id)
    if found is None:
        raise NotFound("找不到这份接龙（可能已被新粘贴的版本替换，请刷新）", code="jielong_not_found")
    return found


def list_jielong(ctx: AppContext, tenant_id: str, recording_id: str | None = None,
                 history: bool = False) -> list[StoredJielong]:
    if recording_id:
        get_recording(ctx, tenant_id, recording_id)
    return store.list_jielong(ctx.db, tenant_id, recording_id, history=history)


def jielong_csv(ctx: AppContext, tenant_id: str, jielong_id: str) -> str:
    return orders_csv(JielongResult.from_dict(get_jielong(ctx, tenant_id, jielong_id).result))


def jielong_pick_list(ctx: AppContext, tenant_id: str, jielong_id: str) -> str:
    stored = get_jielong(ctx, tenant_id, jielong_id)
    title = f"接龙分拣单（第{stored.version}版）" if stored.recording_id else "接龙分拣单"
    return pick_list_html(JielongResult.from_dict(stored.result), title)
