"""Test backends: the embedded default (SQLite + embedded Chroma under each test's data dir) or the
scale-out one, a real PostgreSQL and Chroma server started once per session (`--backends=cluster`).

In cluster mode every scope gets its own data: a fresh PostgreSQL database copied from a migrated
template (tens of milliseconds) and its own chromadb database on the server, both named in
WUTONG_DATABASE_URL / WUTONG_CHROMA_URL, so Settings built anywhere (fixtures, tests, a `wutong serve`
subprocess) use them, and dropped when the scope ends.
"""

from __future__ import annotations

import itertools
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import chromadb
import pytest
from chromadb.config import Settings as ChromaSettings

from app.cluster import postgres
from app.cluster.process import ServerProcess
from app.cluster.servers import start_chroma, start_postgres
from app.store.db import Database
from app.store.migrate import upgrade

MODES = ("embedded", "cluster")
TEMPLATE = "wutong_template"


@dataclass(frozen=True)
class Backend:
    """The URLs one scope uses (None: the embedded default under the data dir)."""

    database_url: str | None = None
    chroma_url: str | None = None

    def settings(self) -> dict[str, str]:
        """Keyword arguments for Settings(...)."""
        return {k: v for k, v in vars(self).items() if v}

    def env(self) -> dict[str, str]:
        return {f"WUTONG_{k.upper()}": v for k, v in self.settings().items()}


@dataclass
class Cluster:
    """One PostgreSQL and one Chroma server for the session, in a folder the `postgres` user can reach."""

    folder: Path
    postgres: ServerProcess
    chroma: ServerProcess
    _names: Iterator[int] = field(default_factory=itertools.count)
    _admin: chromadb.AdminAPI | None = None

    @classmethod
    def start(cls) -> Cluster:
        folder = Path(tempfile.mkdtemp(prefix="wutong-cluster-"))
        folder.chmod(0o755)  # pytest's tmp dirs are private to root; PostgreSQL runs as `postgres`
        pg = start_postgres(folder / "postgres", fast=True)
        try:
            cluster = cls(folder, pg, start_chroma(folder / "chroma"))
        except BaseException:
            pg.stop()
            raise
        cluster._make_template()
        return cluster

    def _make_template(self) -> None:
        postgres.create_database(self.postgres.port, TEMPLATE)
        db = Database(postgres.url(self.postgres.port, TEMPLATE))
        upgrade(db)
        db.dispose()  # a template must have no connections when it is copied

    @contextmanager
    def backend(self) -> Iterator[Backend]:
        """A fresh migrated database and an empty chromadb database, removed afterwards."""
        name = f"test_{next(self._names)}"
        postgres.create_database(self.postgres.port, name, template=TEMPLATE)
        try:
            yield Backend(postgres.url(self.postgres.port, name), f"{self.chroma.url}/{name}")
        finally:
            with postgres.connect(self.postgres.port) as conn:  # FORCE: pools the test left open
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            self._drop_chroma_database(name)

    def _drop_chroma_database(self, name: str) -> None:
        if self._admin is None:
            self._admin = chromadb.AdminClient(ChromaSettings(
                chroma_api_impl="chromadb.api.fastapi.FastAPI", chroma_server_host="127.0.0.1",
                chroma_server_http_port=self.chroma.port, anonymized_telemetry=False))
        if name in {d["name"] for d in self._admin.list_databases()}:  # created only if the test used knowledge
            self._admin.delete_database(name)

    def stop(self) -> None:
        self.chroma.stop()
        self.postgres.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


def add_option(parser: pytest.Parser, default: str) -> None:
    parser.addoption("--backends", choices=MODES, default=default,
                     help="embedded: SQLite + embedded Chroma (default); cluster: a real PostgreSQL and Chroma "
                          "server for the session, a fresh database per test (env WUTONG_TEST_BACKENDS)")


@contextmanager
def scope_backend(cluster: Cluster | None) -> Iterator[Backend]:
    """The scope's backend, its URLs in the environment while the scope lasts."""
    if cluster is None:
        yield Backend()
        return
    with cluster.backend() as backend, pytest.MonkeyPatch.context() as mp:
        for name, value in backend.env().items():
            mp.setenv(name, value)
        yield backend
