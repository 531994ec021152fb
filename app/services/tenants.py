"""Tenants: keys, sign-in, and deleting a group with everything it owns."""

from __future__ import annotations

from dataclasses import dataclass

from app.context import AppContext
from app.errors import Unauthorized
from app.files import remove
from app.services.knowledge import get_kb
from app.services.recordings import RecordingData
from app.store import jobs as job_store
from app.store import recordings as recording_store
from app.store import tenants as store
from app.store.tenants import Tenant


@dataclass(frozen=True)
class TenantSummary:
    tenant: Tenant
    recordings: int


def authenticate(ctx: AppContext, api_key: str | None, message: str = "API 密钥无效") -> Tenant:
    tenant = store.tenant_for_key(ctx.db, api_key) if api_key else None
    if tenant is None:
        raise Unauthorized(message)
    return tenant


def create_tenant(ctx: AppContext, name: str, api_key: str | None = None) -> tuple[Tenant, str]:
    return store.create_tenant(ctx.db, name, api_key)


def find_tenant(ctx: AppContext, name: str) -> Tenant | None:
    return store.get_tenant_by_name(ctx.db, name)


def list_tenants(ctx: AppContext) -> list[TenantSummary]:
    return [TenantSummary(t, len(recording_store.list_recordings(ctx.db, t.id))) for t in store.list_tenants(ctx.db)]


def delete_tenant(ctx: AppContext, tenant: Tenant) -> None:
    """Cancel its jobs, delete each recording (through RecordingData), its knowledge collection, every row,
    its files and what this process remembers about it."""
    with ctx.db.write() as conn:
        job_store.cancel_jobs(conn, tenant.id)
    for rec in recording_store.list_recordings(ctx.db, tenant.id):
        RecordingData(ctx, rec).delete()
    get_kb(ctx, tenant.id).drop()
    store.delete_tenant_rows(ctx.db, tenant.id)
    remove(ctx.files.tenant_dir(tenant.id))
    ctx.bot_limiter.forget_tenant(tenant.id)
