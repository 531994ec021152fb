"""Dependency aliases for routes: CtxDep, SettingsDep, TenantDep (Bearer key, or the console's
session cookie), and the per-tenant limits that routes state as dependencies."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from app.config import Settings
from app.context import AppContext
from app.errors import Unauthorized
from app.limits import check_ask_rate
from app.services.tenants import authenticate, session_tenant
from app.store.tenants import Tenant

_bearer = HTTPBearer(auto_error=False)
SESSION_COOKIE = "wutong_session"
COOKIE_METHODS = {"GET", "HEAD"}  # <video> and download links; a write by cookie also needs CONSOLE_HEADER
# A header no HTML form can send and no other site may add without a CORS preflight (which we never allow):
# with the SameSite=Strict cookie, a write that carries it came from the console itself.
CONSOLE_HEADER, CONSOLE_HEADER_VALUE = "X-Requested-With", "wutong-console"


def get_ctx(request: Request) -> AppContext:
    return request.app.state.ctx


CtxDep = Annotated[AppContext, Depends(get_ctx)]


def get_app_settings(ctx: CtxDep) -> Settings:
    return ctx.settings


SettingsDep = Annotated[Settings, Depends(get_app_settings)]


def get_tenant(request: Request, ctx: CtxDep,
               credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> Tenant:
    """The Bearer key's tenant, or the console session's (a write by session needs the console's header)."""
    if credentials is not None and credentials.credentials:
        return authenticate(ctx, credentials.credentials)
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        raise Unauthorized("缺少 API 密钥：请加请求头 Authorization: Bearer <key>")
    if request.method not in COOKIE_METHODS and request.headers.get(CONSOLE_HEADER) != CONSOLE_HEADER_VALUE:
        raise Unauthorized("登录 Cookie 只能用于查看；提交修改请加请求头 Authorization: Bearer <key>")
    return session_tenant(ctx, token)


TenantDep = Annotated[Tenant, Depends(get_tenant)]


def ask_limits(ctx: CtxDep, tenant: TenantDep) -> Iterator[None]:
    """Router dependency of /v1/ask: a tenant's questions per minute and at once are capped (settings.limits),
    so one group's flood of questions cannot hold the shared language model from the others."""
    limits = ctx.settings.limits
    check_ask_rate(ctx.bot_limiter, tenant.id, limits)
    with ctx.asking.hold(tenant.id, limits.ask_concurrent):
        yield
