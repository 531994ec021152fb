"""The scale-out backends for real: a PostgreSQL server and a Chroma server (always run, in both modes).

The store's migrations build schema.py on PostgreSQL; two claimers never take the same job; writers
in different processes take turns; a document indexed by another process is found by a search here.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from app.cluster import postgres
from app.store import gaps, glossary, orders
from app.store import jobs as job_store
from app.store.db import Database
from app.store.migrate import upgrade
from app.store.schema import metadata
from app.store.tenants import create_tenant
from knowledge.base import KnowledgeBase
from tests.knowledge.fakes import FakeEmbedder
from tests.utils.backends import Backend, Cluster
from tests.utils.paths import REPO

# Another process indexes a document into the same Chroma database (as a worker indexes a transcript).
CHILD = """
import sys
from knowledge.base import KnowledgeBase
from tests.knowledge.fakes import FakeEmbedder
kb = KnowledgeBase(sys.argv[1], "shared-tenant", FakeEmbedder(), server_url=sys.argv[2])
kb.add_document("faq/自提.md", "# 自提点\\n\\n每周五下午四点在东门快递柜旁自提，过时请联系团长。", kind="faq")
"""


@pytest.fixture(scope="module")
def servers(cluster_servers: Cluster | None) -> Iterator[Cluster]:
    """The session's servers with --backends=cluster, otherwise this module's own."""
    if cluster_servers is not None:
        yield cluster_servers
        return
    started = Cluster.start()
    try:
        yield started
    finally:
        started.stop()


@pytest.fixture
def server_backend(servers: Cluster) -> Iterator[Backend]:
    with servers.backend() as found:
        yield found


@pytest.fixture
def db(server_backend: Backend) -> Iterator[Database]:
    database = Database(server_backend.database_url)
    upgrade(database)
    yield database
    database.dispose()


def test_migrations_build_the_declared_schema_on_postgresql(db: Database) -> None:
    assert db.dialect == "postgresql"
    with db.read() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
    assert upgrade(db) is False  # at head: nothing to do


def test_processes_starting_together_migrate_once(servers: Cluster) -> None:
    """The API and workers start at once on an empty database: one migrates, the others find it done."""
    postgres.create_database(servers.postgres.port, "empty_at_start")
    url = postgres.url(servers.postgres.port, "empty_at_start")
    starters = [Database(url) for _ in range(3)]
    errors: list[BaseException] = []
    threads = [threading.Thread(target=lambda d=d: _upgrade_or_record(d, errors)) for d in starters]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert errors == []
    with starters[0].read() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
    for db in starters:
        db.dispose()


def _upgrade_or_record(db: Database, errors: list[BaseException]) -> None:
    try:
        upgrade(db)
    except BaseException as error:  # noqa: BLE001 (reported by the test)
        errors.append(error)


def test_each_job_is_claimed_by_exactly_one_of_two_claimers(db: Database, server_backend: Backend) -> None:
    tenant = create_tenant(db, "g")[0].id
    with db.write() as conn:
        queued = {job_store.create_job(conn, tenant, "transcribe", {"n": n}) for n in range(20)}
    claimers = [Database(server_backend.database_url) for _ in range(2)]  # two engines, as two processes
    taken: list[list[str]] = [[], []]
    start = threading.Barrier(2)

    def claim_all(i: int) -> None:
        start.wait()
        while (job := job_store.claim_next(claimers[i])) is not None:
            taken[i].append(job.id)

    threads = [threading.Thread(target=claim_all, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(taken[0] + taken[1]) == sorted(queued)  # every job once, none twice
    assert {j.status for j in job_store.list_jobs(db, tenant)} == {"running"}
    for claimer in claimers:
        claimer.dispose()


def test_writers_in_different_processes_take_turns(db: Database, server_backend: Backend) -> None:
    """Version = max + 1 is read then written: correct only if writers never interleave."""
    tenant = create_tenant(db, "g")[0].id
    writers = [Database(server_backend.database_url) for _ in range(4)]
    threads = [threading.Thread(target=lambda w=w: [orders.save_jielong(w, tenant, "rec-1", "接龙", {"n": n})
                                                    for n in range(5)]) for w in writers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    saved = orders.list_jielong(db, tenant, "rec-1", history=True)
    assert sorted(s.version for s in saved) == list(range(1, 21))
    assert [s.version for s in saved if s.current] == [20]
    for writer in writers:
        writer.dispose()


def test_upserts_json_and_booleans_round_trip(db: Database) -> None:
    tenant = create_tenant(db, "g")[0].id
    assert glossary.add_terms(db, tenant, ["沙瓤西红柿", "土鸡蛋"]) == ["沙瓤西红柿", "土鸡蛋"]
    assert glossary.add_terms(db, tenant, ["土鸡蛋", "赣南脐橙"]) == ["赣南脐橙"]
    gaps.record_gap(db, tenant, "快递柜坏了找谁？", None)
    gaps.record_gap(db, tenant, "快递柜坏了找谁？", "g1")
    assert [(g.asked, g.status) for g in gaps.list_gaps(db, tenant)] == [(2, "open")]
    saved = orders.save_jielong(db, tenant, None, "1. 王阿姨 土鸡蛋 x2", {"rows": [{"qty": 2, "名": "王阿姨"}]})
    assert saved.current is True and saved.result == {"rows": [{"qty": 2, "名": "王阿姨"}]}


def test_a_document_indexed_by_another_process_is_found_here(server_backend: Backend, tmp_path: Path) -> None:
    here = KnowledgeBase(tmp_path / "here", "shared-tenant", FakeEmbedder(), server_url=server_backend.chroma_url)
    here.add_document("recipes/番茄炒蛋.md", "# 番茄炒蛋\n\n西红柿切块，鸡蛋打散炒熟后混合。", kind="recipe")
    before = here.version()
    assert [s.id for s in here.sources()] == ["recipes/番茄炒蛋.md"]  # the snapshot is built and kept

    subprocess.run([sys.executable, "-c", CHILD, str(tmp_path / "there"), server_backend.chroma_url],
                   cwd=REPO, check=True, timeout=120)

    assert here.version() != before
    assert [s.id for s in here.sources()] == ["faq/自提.md", "recipes/番茄炒蛋.md"]
    assert len(here.lexical_index().chunk_ids) == 2  # the BM25 side was rebuilt from the server's data
    assert here.search("东门自提几点", k=1, use_lexical=True)[0].id == "faq/自提.md"
    fresh = KnowledgeBase(tmp_path / "fresh", "shared-tenant", FakeEmbedder(), server_url=server_backend.chroma_url)
    assert fresh.search("东门自提几点", k=1)[0].id == "faq/自提.md"
