"""The store's SQL is dialect-neutral: the same statements run on SQLite here and compile for PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite

from app.store import jobs as job_store
from app.store.db import Database
from app.store.migrate import upgrade
from app.store.schema import glossary, jobs
from app.store.sql import upsert
from app.store.tenants import create_tenant


@pytest.fixture
def db(tmp_path: Path) -> Database:
    db = Database(f"sqlite:///{tmp_path / 'w.db'}")
    upgrade(db)
    return db


@pytest.fixture
def tenant_id(db: Database) -> str:
    return create_tenant(db, "g")[0].id


def test_upsert_does_nothing_or_updates(db: Database, tenant_id: str) -> None:
    row = {"tenant_id": tenant_id, "term": "沙瓤西红柿", "created_at": 1.0}
    with db.write() as conn:
        assert upsert(conn, glossary, row, ["tenant_id", "term"]).rowcount == 1
        assert upsert(conn, glossary, row, ["tenant_id", "term"]).rowcount == 0
        upsert(conn, glossary, {**row, "created_at": 2.0}, ["tenant_id", "term"], lambda new: {"created_at": new.created_at})
    with db.read() as conn:
        assert conn.execute(select(glossary.c.created_at)).scalar_one() == 2.0


def claim_statement():
    return select(jobs.c.id).where(jobs.c.status == "queued").limit(1).with_for_update(skip_locked=True)


def test_job_claiming_skips_locked_rows_on_postgresql() -> None:
    assert "FOR UPDATE SKIP LOCKED" in str(claim_statement().compile(dialect=postgresql.dialect()))
    assert "FOR UPDATE" not in str(claim_statement().compile(dialect=sqlite.dialect()))


def test_upsert_compiles_for_postgresql() -> None:
    stmt = postgresql.insert(glossary).values(tenant_id="t", term="x", created_at=1.0).on_conflict_do_nothing(
        index_elements=["tenant_id", "term"])
    assert "ON CONFLICT (tenant_id, term) DO NOTHING" in str(stmt.compile(dialect=postgresql.dialect()))


def test_a_cancelled_job_keeps_its_status(db: Database, tenant_id: str) -> None:
    with db.write() as conn:
        job_id = job_store.create_job(conn, tenant_id, "transcribe", {}, "r1", "r1")
    claimed = job_store.claim_next(db)
    assert claimed.id == job_id and claimed.status == "running" and claimed.attempts == 1
    assert job_store.update_progress(db, job_id, 0.4, "transcribing")
    assert job_store.update_progress(db, job_id, 0.2, "transcribing")  # never backwards
    assert job_store.get_job(db, tenant_id, job_id).progress == 0.4
    assert job_store.mark_cancelled(db, tenant_id, job_id)
    assert not job_store.update_progress(db, job_id, 0.5, "transcribing")
    job_store.finish_job(db, job_id, {"late": True})
    job_store.fail_job(db, job_id, "x", "late")
    job = job_store.get_job(db, tenant_id, job_id)
    assert (job.status, job.result, job.error_code) == ("cancelled", None, None)
    assert job_store.retry_job(db, tenant_id, job_id) and job_store.claim_next(db).id == job_id
