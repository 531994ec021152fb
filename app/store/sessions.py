"""Console sessions and credential rotation: a cookie carries a random session id (stored hashed), so
signing out, rotating the key or deleting the tenant ends it at once, and it expires on its own."""

from __future__ import annotations

import secrets

from sqlalchemy import delete, select, update

from app.store.db import Database
from app.store.schema import api_keys, console_sessions, tenants
from app.store.sql import now, row_as
from app.store.tenants import Tenant, hash_key, new_api_key


def create_session(db: Database, tenant_id: str, lifetime_s: float) -> str:
    """A new session of the tenant; returns the id the cookie carries (the only time it is visible)."""
    token = secrets.token_urlsafe(32)
    ts = now()
    with db.write() as conn:
        conn.execute(delete(console_sessions).where(console_sessions.c.expires_at < ts))  # tidy as we go
        conn.execute(console_sessions.insert().values(token_hash=hash_key(token), tenant_id=tenant_id,
                                                      created_at=ts, expires_at=ts + lifetime_s))
    return token


def tenant_for_session(db: Database, token: str) -> Tenant | None:
    query = select(tenants).join(console_sessions, console_sessions.c.tenant_id == tenants.c.id).where(
        console_sessions.c.token_hash == hash_key(token), console_sessions.c.expires_at > now())
    with db.read() as conn:
        return row_as(Tenant, conn.execute(query).first())


def end_session(db: Database, token: str) -> None:
    with db.write() as conn:
        conn.execute(delete(console_sessions).where(console_sessions.c.token_hash == hash_key(token)))


def rotate_api_key(db: Database, tenant_id: str) -> str:
    """Replace every key of the tenant with a new one and end its console sessions; returns the new key."""
    key = new_api_key()
    with db.write() as conn:
        conn.execute(delete(api_keys).where(api_keys.c.tenant_id == tenant_id))
        conn.execute(delete(console_sessions).where(console_sessions.c.tenant_id == tenant_id))
        conn.execute(api_keys.insert().values(key_hash=hash_key(key), tenant_id=tenant_id, created_at=now()))
    return key


def rotate_bot_secret(db: Database, tenant_id: str) -> str:
    secret = secrets.token_urlsafe(24)
    with db.write() as conn:
        conn.execute(update(tenants).where(tenants.c.id == tenant_id).values(bot_secret=secret))
    return secret
