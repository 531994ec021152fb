"""The real servers of the scale-out stack: started, killed, restarted with their data, and the
`wutong cluster up/down/status` commands that run them beside the API and workers."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import psycopg
import pytest
import redis
from typer.testing import CliRunner

from app.cli.cluster import app as cluster_cli
from app.cluster.process import free_port, port_open
from app.cluster.servers import start_redis
from app.config import get_settings


@pytest.fixture
def folder() -> Iterator[Path]:
    """A folder the `postgres` system user can reach (pytest's tmp dirs are private to root)."""
    path = Path(tempfile.mkdtemp(prefix="wutong-stack-"))
    path.chmod(0o755)
    yield path
    CliRunner().invoke(cluster_cli, ["down", "--folder", str(path)])  # whatever a failed test left running
    shutil.rmtree(path, ignore_errors=True)


def test_redis_keeps_its_data_across_a_sigkill(folder: Path) -> None:
    server = start_redis(folder / "redis")
    try:
        redis.Redis.from_url(server.url).rpush("queue", "job-1", "job-2")
        server.kill()
        assert not port_open(server.port)
        server.start()  # same port, same append-only file
        assert redis.Redis.from_url(server.url).lrange("queue", 0, -1) == [b"job-1", b"job-2"]
    finally:
        server.stop()


def test_cluster_up_status_down(folder: Path, model_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What `make cluster` runs: the three servers, then the API and a worker on them; `down` stops all."""
    monkeypatch.setenv("WUTONG_MODEL_DIR", str(model_dir))
    monkeypatch.setenv("WUTONG_SEED_KNOWLEDGE", "false")
    get_settings.cache_clear()
    runner = CliRunner()
    ports = {"--postgres-port": free_port(), "--redis-port": free_port(), "--chroma-port": free_port(),
             "--api-port": free_port()}
    args = [str(v) for pair in ports.items() for v in pair]
    started = runner.invoke(cluster_cli, ["up", "--folder", str(folder), "--workers", "1", *args])
    assert started.exit_code == 0, started.output
    env = dict(line.split("=", 1) for line in (folder / "env").read_text().split())
    assert set(env) == {"WUTONG_DATABASE_URL", "WUTONG_REDIS_URL", "WUTONG_CHROMA_URL"}
    with psycopg.connect(env["WUTONG_DATABASE_URL"].replace("+psycopg", "")) as conn:
        assert conn.execute("SELECT current_user").fetchone() == ("wutong",)
    health = httpx.get(f"http://127.0.0.1:{ports['--api-port']}/health", timeout=10)
    assert health.status_code == 200, (folder / "logs" / "api.log").read_text()[-2000:]
    assert runner.invoke(cluster_cli, ["status", "--folder", str(folder)]).exit_code == 0

    stopped = runner.invoke(cluster_cli, ["down", "--folder", str(folder)])
    assert stopped.exit_code == 0 and "api, worker-1, postgres, redis, chroma" in stopped.output
    assert not any(port_open(port) for port in ports.values())
    assert runner.invoke(cluster_cli, ["status", "--folder", str(folder)]).exit_code == 1
    get_settings.cache_clear()
