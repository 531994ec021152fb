"""Tenants (one per leader's group) and their API keys, stored as sha256 hashes."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import delete, func, select

from app.store.db import Database
from app.store.schema import TENANT_TABLES, api_keys, tenants
from app.store.sql import new_id, now, row_as, rows_as
from pipelines.errors import Conflict


@dataclass(frozen=True)
class Tenant:
    id: str
    name: str
    bot_secret: str
    created_at: float = 0.0


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def new_api_key() -> str:
    return "wt_" + secrets.token_urlsafe(32)


def create_tenant(db: Database, name: str, api_key: str | None = None) -> tuple[Tenant, str]:
    """Create a tenant and return it with its API key (the only time the key is visible)."""
    key = api_key or new_api_key()
    tenant = Tenant(id=new_id(12), name=name, bot_secret=secrets.token_urlsafe(24), created_at=now())
    with db.write() as conn:
        if conn.execute(select(tenants.c.id).where(tenants.c.name == name)).first():
            raise Conflict(f"tenant '{name}' already exists")
        conn.execute(tenants.insert().values(vars(tenant)))
        conn.execute(api_keys.insert().values(key_hash=hash_key(key), tenant_id=tenant.id, created_at=now()))
    return tenant, key


def tenant_for_key(db: Database, api_key: str) -> Tenant | None:
    query = select(tenants).join(api_keys, api_keys.c.tenant_id == tenants.c.id).where(
        api_keys.c.key_hash == hash_key(api_key))
    with db.read() as conn:
        return row_as(Tenant, conn.execute(query).first())


def get_tenant(db: Database, tenant_id: str) -> Tenant | None:
    with db.read() as conn:
        return row_as(Tenant, conn.execute(select(tenants).where(tenants.c.id == tenant_id)).first())


def get_tenant_by_name(db: Database, name: str) -> Tenant | None:
    with db.read() as conn:
        return row_as(Tenant, conn.execute(select(tenants).where(tenants.c.name == name)).first())


def list_tenants(db: Database) -> list[Tenant]:
    with db.read() as conn:
        return rows_as(Tenant, conn.execute(select(tenants).order_by(tenants.c.created_at)))


def count_tenants(db: Database) -> int:
    with db.read() as conn:
        return conn.execute(select(func.count()).select_from(tenants)).scalar_one()


def delete_tenant_rows(db: Database, tenant_id: str) -> None:
    """Every row the tenant owns, in every table, then the tenant itself: one transaction."""
    with db.write() as conn:
        for table in TENANT_TABLES:
            conn.execute(delete(table).where(table.c.tenant_id == tenant_id))
        conn.execute(delete(tenants).where(tenants.c.id == tenant_id))
