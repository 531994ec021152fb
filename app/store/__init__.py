"""The metadata store: SQLAlchemy Core over SQLite (WAL) by default or PostgreSQL, tables declared
in schema.py, migrations run at start-up (migrate.py). One module per table; every query is scoped
by tenant, and functions that take `conn` join the caller's transaction."""

from app.store.db import Database

__all__ = ["Database"]
