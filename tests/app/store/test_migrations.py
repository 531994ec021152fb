"""Migrations build exactly schema.py; a database from before migrations is adopted with its data."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, select

from app.store.db import Database
from app.store.migrate import upgrade
from app.store.schema import jobs, metadata, recordings

# The hand-written schema of the first release (before migrations), abridged to the tables used here.
LEGACY = """
CREATE TABLE tenants (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, bot_secret TEXT NOT NULL, created_at REAL NOT NULL);
CREATE TABLE api_keys (key_hash TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  created_at REAL NOT NULL);
CREATE TABLE recordings (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  sha256 TEXT NOT NULL, filename TEXT NOT NULL, size_bytes INTEGER NOT NULL, format TEXT NOT NULL,
  duration_s REAL NOT NULL, has_video INTEGER NOT NULL, width INTEGER, height INTEGER, created_at REAL NOT NULL,
  UNIQUE (tenant_id, sha256));
CREATE TABLE jobs (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  kind TEXT NOT NULL, subject_id TEXT, status TEXT NOT NULL, stage TEXT NOT NULL DEFAULT 'queued',
  progress REAL NOT NULL DEFAULT 0, params TEXT NOT NULL DEFAULT '{}', result TEXT, error_code TEXT,
  error_message TEXT, attempts INTEGER NOT NULL DEFAULT 0, created_at REAL NOT NULL, updated_at REAL NOT NULL);
CREATE TABLE knowledge_gaps (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, question TEXT NOT NULL, group_id TEXT,
  asked INTEGER NOT NULL DEFAULT 1, status TEXT NOT NULL DEFAULT 'open', answer_doc_id TEXT, created_at REAL NOT NULL,
  updated_at REAL NOT NULL, UNIQUE (tenant_id, question));
CREATE TABLE highlights (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, recording_id TEXT NOT NULL
  REFERENCES recordings(id) ON DELETE CASCADE, rank INTEGER NOT NULL, data TEXT NOT NULL, created_at REAL NOT NULL);
CREATE TABLE clips (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, highlight_id TEXT NOT NULL, recording_id TEXT NOT NULL,
  data TEXT NOT NULL, created_at REAL NOT NULL);
CREATE TABLE drafts (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, kind TEXT NOT NULL, title TEXT NOT NULL,
  request TEXT NOT NULL, content TEXT NOT NULL, text TEXT NOT NULL, created_at REAL NOT NULL, updated_at REAL NOT NULL);
CREATE TABLE glossary (tenant_id TEXT NOT NULL, term TEXT NOT NULL, created_at REAL NOT NULL, PRIMARY KEY (tenant_id, term));
CREATE TABLE bot_messages (tenant_id TEXT NOT NULL, msg_id TEXT NOT NULL, reply TEXT NOT NULL, created_at REAL NOT NULL,
  PRIMARY KEY (tenant_id, msg_id));
INSERT INTO tenants VALUES ('t1', 'default', 's', 1);
INSERT INTO recordings VALUES ('r1', 't1', 'sha', 'live.mp4', 10, 'mp4', 104.5, 1, 1280, 720, 2);
INSERT INTO highlights VALUES ('h1', 't1', 'r1', 0, '{"id": "h1"}', 3);
INSERT INTO jobs (id, tenant_id, kind, subject_id, status, params, result, created_at, updated_at) VALUES
  ('j1', 't1', 'transcribe', 'r1', 'succeeded', '{"hotwords": ["接龙"]}', '{"segments": 14}', 4, 4),
  ('j2', 't1', 'clip', 'h1', 'queued', '{}', NULL, 5, 5),
  ('j3', 't1', 'seed_knowledge', NULL, 'succeeded', '{}', NULL, 6, 6);
"""


def database(path: Path) -> Database:
    return Database(f"sqlite:///{path}")


def test_fresh_database_matches_the_declared_schema(tmp_path: Path) -> None:
    db = database(tmp_path / "fresh.db")
    assert upgrade(db) is False
    with db.read() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    assert upgrade(db) is False  # at head: nothing to do


def test_database_from_before_migrations_is_adopted(tmp_path: Path) -> None:
    path = tmp_path / "legacy.db"
    with sqlite3.connect(path) as conn:
        conn.executescript(LEGACY)
    db = database(path)
    assert upgrade(db) is True
    with db.read() as conn:
        assert {"products", "alembic_version"} <= set(inspect(conn).get_table_names())
        rows = {r.id: r for r in conn.execute(select(jobs))}
        rec = conn.execute(select(recordings)).one()
    assert (rows["j1"].recording_id, rows["j2"].recording_id, rows["j3"].recording_id) == ("r1", "r1", None)
    assert rows["j1"].params == {"hotwords": ["接龙"]} and rows["j1"].result == {"segments": 14}
    assert rows["j2"].result is None and rec.has_video is True and rec.duration_s == 104.5
    assert upgrade(db) is False


def test_migrations_render_for_postgresql() -> None:
    """The same migrations are PostgreSQL DDL (rendered offline; a server arrives with issue 16)."""
    from app.store.migrate import offline_sql

    sql = offline_sql("postgresql://wutong@localhost/wutong")
    assert "CREATE TABLE products" in sql and "fields JSON NOT NULL" in sql and "has_video BOOLEAN" in sql
    assert "UPDATE jobs SET recording_id=(SELECT highlights.recording_id" in sql
    assert "PRAGMA" not in sql and "AUTOINCREMENT" not in sql
