"""Tenants (one per leader's group) and their API keys, stored as sha256 hashes."""

from __future__ import annotations

import hashlib
import secrets
import time
import uuid
from dataclasses import dataclass

from app.store.db import Database
from pipelines.errors import Conflict


@dataclass(frozen=True)
class Tenant:
    id: str
    name: str
    bot_secret: str


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def new_api_key() -> str:
    return "wt_" + secrets.token_urlsafe(32)


def create_tenant(db: Database, name: str, api_key: str | None = None) -> tuple[Tenant, str]:
    """Create a tenant and return it with its API key (the only time the key is visible)."""
    key = api_key or new_api_key()
    tenant = Tenant(id=uuid.uuid4().hex[:12], name=name, bot_secret=secrets.token_urlsafe(24))
    with db.transaction() as conn:
        if conn.execute("SELECT 1 FROM tenants WHERE name = ?", (name,)).fetchone():
            raise Conflict(f"tenant '{name}' already exists")
        conn.execute("INSERT INTO tenants VALUES (?, ?, ?, ?)",
                     (tenant.id, tenant.name, tenant.bot_secret, time.time()))
        conn.execute("INSERT INTO api_keys VALUES (?, ?, ?)", (hash_key(key), tenant.id, time.time()))
    return tenant, key


def _tenant(row) -> Tenant | None:
    return Tenant(row["id"], row["name"], row["bot_secret"]) if row else None


def tenant_for_key(db: Database, api_key: str) -> Tenant | None:
    with db.connect() as conn:
        row = conn.execute(
            "SELECT t.* FROM tenants t JOIN api_keys k ON k.tenant_id = t.id WHERE k.key_hash = ?",
            (hash_key(api_key),),
        ).fetchone()
    return _tenant(row)


def get_tenant_by_name(db: Database, name: str) -> Tenant | None:
    with db.connect() as conn:
        return _tenant(conn.execute("SELECT * FROM tenants WHERE name = ?", (name,)).fetchone())


def get_tenant(db: Database, tenant_id: str) -> Tenant | None:
    with db.connect() as conn:
        return _tenant(conn.execute("SELECT * FROM tenants WHERE id = ?", (tenant_id,)).fetchone())


def count_tenants(db: Database) -> int:
    with db.connect() as conn:
        return conn.execute("SELECT COUNT(*) FROM tenants").fetchone()[0]
