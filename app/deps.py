"""Dependency aliases for routes: SettingsDep, CtxDep, StoreDep, TenantDep (Bearer key, or the console's
session cookie for reads)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from app.config import Settings
from app.context import AppContext
from app.errors import ApiError
from app.store.db import Database
from app.store.tenants import Tenant, tenant_for_key

_bearer = HTTPBearer(auto_error=False)


def get_ctx(request: Request) -> AppContext:
    return request.app.state.ctx


CtxDep = Annotated[AppContext, Depends(get_ctx)]


def get_app_settings(ctx: CtxDep) -> Settings:
    return ctx.settings


def get_db(ctx: CtxDep) -> Database:
    return ctx.db


SettingsDep = Annotated[Settings, Depends(get_app_settings)]
StoreDep = Annotated[Database, Depends(get_db)]


SESSION_COOKIE = "wutong_session"
COOKIE_METHODS = {"GET", "HEAD"}  # the console's <video> and download links; writes still need the header


def request_api_key(request: Request, credentials: HTTPAuthorizationCredentials | None) -> str | None:
    if credentials is not None and credentials.credentials:
        return credentials.credentials
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie and request.method not in COOKIE_METHODS:
        raise ApiError(401, "unauthorized", "登录 Cookie 只能用于查看；提交修改请加请求头 Authorization: Bearer <key>",
                       {"WWW-Authenticate": "Bearer"})
    return cookie


def get_tenant(
    request: Request, db: StoreDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Tenant:
    key = request_api_key(request, credentials)
    if not key:
        raise ApiError(401, "unauthorized", "缺少 API 密钥：请加请求头 Authorization: Bearer <key>",
                       {"WWW-Authenticate": "Bearer"})
    tenant = tenant_for_key(db, key)
    if tenant is None:
        raise ApiError(401, "unauthorized", "API 密钥无效", {"WWW-Authenticate": "Bearer"})
    return tenant


TenantDep = Annotated[Tenant, Depends(get_tenant)]
