"""SQLite (WAL) metadata store. One module per table group; all queries are scoped by tenant."""

from app.store.db import Database

__all__ = ["Database"]
