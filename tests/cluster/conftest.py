"""Scale-out mode against real servers: a real redis-server (append-only file, so a restart loses nothing),
PostgreSQL and a Chroma server every process shares, and real `wutong worker` subprocesses with the same WUTONG_* environment.

The test process plays the API: it creates tenants and recordings and enqueues jobs through the same
AppContext a `wutong serve` builds, so jobs go to Redis exactly as they do from a request.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.cluster.process import ServerProcess
from app.cluster.servers import start_redis
from app.config import Settings
from app.context import AppContext
from app.jobs.options import QueueOptions
from app.services.recordings import import_file
from app.services.tenants import create_tenant
from app.services.transcription import start_transcription
from app.store import jobs as job_store
from app.store.jobs import Job
from tests.utils.backends import Backend
from tests.utils.backends import Cluster as BackendServers
from tests.utils.paths import STREAM_MP4
from tests.utils.workers import WorkerPool, cut_audio

# Short enough that a killed worker's job moves within seconds (production defaults: 60 s / 120 s).
QUEUE_ENV = {"WUTONG_QUEUE__HEARTBEAT_TIMEOUT_S": "3", "WUTONG_QUEUE__MAINTENANCE_CHANCE": "1000000",
             "WUTONG_QUEUE__LEASE_S": "8", "WUTONG_QUEUE__BUSY_RETRY_S": "1", "WUTONG_QUEUE__RECONCILE_S": "5",
             "WUTONG_QUEUE__MIN_BACKOFF_S": "1", "WUTONG_QUEUE__STOP_GRACE_S": "5",
             "WUTONG_ASR__CHUNK_S": "60", "WUTONG_SEED_KNOWLEDGE": "false"}


@pytest.fixture(scope="session")
def short_audio(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return cut_audio(STREAM_MP4, tmp_path_factory.mktemp("media") / "short.wav", 20, 15)


@pytest.fixture(scope="session")
def two_window_audio(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """75 s: two transcription windows at WUTONG_ASR__CHUNK_S=60, so a worker can die between them."""
    return cut_audio(STREAM_MP4, tmp_path_factory.mktemp("media") / "two-windows.wav", 0, 75)


@pytest.fixture(scope="session")
def scale_servers(cluster_servers: BackendServers | None) -> Iterator[BackendServers]:
    """PostgreSQL and a Chroma server: the session's with --backends=cluster, else started for these tests
    (the scale-out mode always runs on the real servers, whatever mode the rest of the suite uses)."""
    if cluster_servers is not None:
        yield cluster_servers
        return
    servers = BackendServers.start()
    try:
        yield servers
    finally:
        servers.stop()


@pytest.fixture(scope="module")
def scale_backend(scale_servers: BackendServers) -> Iterator[Backend]:
    """This module's own PostgreSQL database and Chroma database, shared by the test and every worker."""
    with scale_servers.backend() as backend:
        yield backend


@pytest.fixture(scope="module")
def database_url(scale_backend: Backend) -> str:
    assert scale_backend.database_url
    return scale_backend.database_url


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    server = start_redis(tmp_path_factory.mktemp("redis"))
    try:
        yield server
    finally:
        server.stop()


@dataclass
class Cluster:
    ctx: AppContext
    workers: WorkerPool
    redis: ServerProcess

    def tenant(self, name: str) -> str:
        return create_tenant(self.ctx, name)[0].id

    def transcribe(self, tenant_id: str, media: Path) -> Job:
        rec, _ = import_file(self.ctx, tenant_id, media)
        return start_transcription(self.ctx, tenant_id, rec.id, {})

    def job(self, job: Job) -> Job:
        found = job_store.get_job(self.ctx.db, job.tenant_id, job.id)
        assert found is not None
        return found


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory, model_dir: Path, database_url: str,
            scale_backend: Backend, redis_server: ServerProcess) -> Iterator[Cluster]:
    """The API side (this process) and two workers on one Redis, one database and one media directory."""
    root = tmp_path_factory.mktemp("cluster")
    env = {**os.environ, **QUEUE_ENV, **scale_backend.env(), "WUTONG_DATA_DIR": str(root / "data"),
           "WUTONG_MEDIA_DIR": str(root / "media"), "WUTONG_MODEL_DIR": str(model_dir),
           "WUTONG_DATABASE_URL": database_url, "WUTONG_REDIS_URL": redis_server.url}
    queue = QueueOptions(**{k.removeprefix("WUTONG_QUEUE__").lower(): v for k, v in QUEUE_ENV.items()
                            if k.startswith("WUTONG_QUEUE__")})
    urls = {**scale_backend.settings(), "database_url": database_url, "redis_url": redis_server.url}
    settings = Settings(data_dir=root / "data", media_dir=root / "media", model_dir=model_dir, seed_knowledge=False,
                        queue=queue, **urls)
    ctx = AppContext.create(settings)
    pool = WorkerPool(env, root)
    try:
        pool.ensure("w1", "w2")
        yield Cluster(ctx, pool, redis_server)
    finally:
        pool.stop_all()
        ctx.db.dispose()


def watch(cluster: Cluster, jobs: list[Job], timeout: float = 300.0, on_sample=None) -> list[list[Job]]:
    """Poll the jobs until all are finished; returns each job's observed rows in order (its history)."""
    history: list[list[Job]] = [[] for _ in jobs]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        rows = [cluster.job(job) for job in jobs]
        for seen, row in zip(history, rows, strict=True):
            seen.append(row)
        if on_sample:
            on_sample(rows)
        if all(row.done for row in rows):
            return history
        time.sleep(0.2)
    raise TimeoutError(f"jobs not finished after {timeout}s: {[(r.id, r.status, r.stage) for r in rows]}")
