"""Dependency aliases for routes: SettingsDep, CtxDep, StoreDep, TenantDep."""

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


def get_tenant(
    db: StoreDep, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> Tenant:
    if credentials is None or not credentials.credentials:
        raise ApiError(401, "unauthorized", "缺少 API 密钥：请加请求头 Authorization: Bearer <key>",
                       {"WWW-Authenticate": "Bearer"})
    tenant = tenant_for_key(db, credentials.credentials)
    if tenant is None:
        raise ApiError(401, "unauthorized", "API 密钥无效", {"WWW-Authenticate": "Bearer"})
    return tenant


TenantDep = Annotated[Tenant, Depends(get_tenant)]
