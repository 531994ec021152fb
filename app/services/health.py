"""Is the service up: the database answers."""

from __future__ import annotations

from app.context import AppContext

VERSION = "0.1.0"


def check(ctx: AppContext) -> dict[str, str]:
    ctx.db.ping()
    return {"status": "ok", "version": VERSION}
