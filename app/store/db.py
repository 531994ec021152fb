"""The database: one SQLAlchemy engine on SQLite (WAL, the default) or PostgreSQL.

Reads run in short transactions beside the writer; writes take this process's write lock, so there
is one writer at a time, and on SQLite start with BEGIN IMMEDIATE, so a writer in another process
(the CLI beside the server) waits its turn (busy timeout) instead of failing half-way. On PostgreSQL
a write transaction first takes a transaction-level advisory lock, so writers in every process (API,
workers on other machines) take turns just as on SQLite: read-then-write code such as "next version
= max + 1" stays correct without per-statement locking. Writes are a few milliseconds each (the slow
work happens outside transactions), so one writer at a time costs nothing measurable here.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, text

SQLITE_PRAGMAS = ("journal_mode=WAL", "foreign_keys=ON", "busy_timeout=30000")
WRITES = "wutong_writes"  # execution option marking a write transaction
PG_WRITE_LOCK = 0x5754_0001  # advisory lock key ("WT" 1) taken by every write transaction; per database


def _sqlite_engine(url: str) -> Engine:
    engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # transactions begin in _on_begin, not in the driver
        for pragma in SQLITE_PRAGMAS:
            dbapi_connection.execute(f"PRAGMA {pragma}")

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITES) else "BEGIN")

    return engine


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        database = url.split("///", 1)[-1]
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        return _sqlite_engine(url)
    return create_engine(url, pool_pre_ping=True)


class Database:
    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._write_lock = threading.Lock()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One transaction that commits at the end of the block, or rolls back on an exception."""
        with self._write_lock, self.engine.connect() as conn:
            conn.execution_options(**{WRITES: True})
            with conn.begin():
                if conn.dialect.name == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_WRITE_LOCK})
                yield conn

    def ping(self) -> None:
        with self.read() as conn:
            conn.execute(text("SELECT 1"))

    def dispose(self) -> None:
        self.engine.dispose()
