"""Small helpers that keep store modules dialect-neutral: upserts, row mapping, id and time."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from sqlalchemy import Connection, CursorResult, Table, func, select
from sqlalchemy.dialects import postgresql, sqlite

T = TypeVar("T")
_INSERTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}


def upsert(conn: Connection, table: Table, values: dict[str, Any] | list[dict[str, Any]], keys: list[str],
           update: Callable[[Any], dict[str, Any]] | None = None) -> CursorResult:
    """INSERT ... ON CONFLICT (keys) DO NOTHING, or DO UPDATE SET update(excluded) when given.

    `update` receives the statement's `excluded` row (the values that were refused), so callers can
    write `lambda new: {"name": new.name, "asked": table.c.asked + 1}`."""
    # rowcount of an INSERT is only kept on request (psycopg reports -1 otherwise): callers count new rows
    stmt = _INSERTS[conn.dialect.name](table).values(values).execution_options(preserve_rowcount=True)
    if update is None:
        return conn.execute(stmt.on_conflict_do_nothing(index_elements=keys))
    return conn.execute(stmt.on_conflict_do_update(index_elements=keys, set_=update(stmt.excluded)))


def count_per_recording(conn: Connection, table: Table, tenant_id: str) -> dict[str, int]:
    """{recording id: rows} of a table with tenant_id and recording_id columns."""
    query = select(table.c.recording_id, func.count()).where(table.c.tenant_id == tenant_id).group_by(
        table.c.recording_id)
    return dict(conn.execute(query).all())


def rows_as(factory: Callable[..., T], rows: Iterable[Any], drop: tuple[str, ...] = ()) -> list[T]:
    """Build dataclasses from result rows by column name (columns in `drop` left out)."""
    return [factory(**{k: v for k, v in row._mapping.items() if k not in drop}) for row in rows]


def row_as(factory: Callable[..., T], row: Any, drop: tuple[str, ...] = ()) -> T | None:
    return rows_as(factory, [row], drop)[0] if row is not None else None


def new_id(chars: int = 16) -> str:
    return uuid.uuid4().hex[:chars]


def now() -> float:
    return time.time()
