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
from app.store import sessions as session_store
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


def find_session_tenant(ctx: AppContext, token: str | None) -> Tenant | None:
    return session_store.tenant_for_session(ctx.db, token) if token else None


def session_tenant(ctx: AppContext, token: str) -> Tenant:
    tenant = find_session_tenant(ctx, token)
    if tenant is None:
        raise Unauthorized("登录已过期，请重新输入 API 密钥")
    return tenant


def start_session(ctx: AppContext, api_key: str) -> tuple[Tenant, str]:
    """Check a key and open a console session; returns the tenant and the session id for the cookie."""
    tenant = authenticate(ctx, api_key, "API 密钥不对，请检查后重新输入")
    return tenant, session_store.create_session(ctx.db, tenant.id, ctx.settings.console.session_days * 86400)


def end_session(ctx: AppContext, token: str | None) -> None:
    if token:
        session_store.end_session(ctx.db, token)


def rotate_key(ctx: AppContext, tenant: Tenant) -> str:
    """A new API key; the old one and every console session stop working at once."""
    return session_store.rotate_api_key(ctx.db, tenant.id)


def rotate_bot_secret(ctx: AppContext, tenant: Tenant) -> str:
    return session_store.rotate_bot_secret(ctx.db, tenant.id)


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
