"""Dependency aliases for routes: CtxDep, SettingsDep, TenantDep (Bearer key, or the console's
session cookie for reads)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from app.config import Settings
from app.context import AppContext
from app.errors import Unauthorized
from app.services.tenants import authenticate
from app.store.tenants import Tenant

_bearer = HTTPBearer(auto_error=False)
SESSION_COOKIE = "wutong_session"
COOKIE_METHODS = {"GET", "HEAD"}  # the console's <video> and download links; writes still need the header


def get_ctx(request: Request) -> AppContext:
    return request.app.state.ctx


CtxDep = Annotated[AppContext, Depends(get_ctx)]


def get_app_settings(ctx: CtxDep) -> Settings:
    return ctx.settings


SettingsDep = Annotated[Settings, Depends(get_app_settings)]


def request_api_key(request: Request, credentials: HTTPAuthorizationCredentials | None) -> str | None:
    if credentials is not None and credentials.credentials:
        return credentials.credentials
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie and request.method not in COOKIE_METHODS:
        raise Unauthorized("登录 Cookie 只能用于查看；提交修改请加请求头 Authorization: Bearer <key>")
    return cookie


def get_tenant(request: Request, ctx: CtxDep,
               credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> Tenant:
    key = request_api_key(request, credentials)
    if not key:
        raise Unauthorized("缺少 API 密钥：请加请求头 Authorization: Bearer <key>")
    return authenticate(ctx, key)


TenantDep = Annotated[Tenant, Depends(get_tenant)]
