"""Start PostgreSQL, Redis and a Chroma server on loopback, data under a given folder, and wait until
each accepts connections. Each returns a ServerProcess (stop, kill, restart on the same port and data)
whose `url` is what Wutong's settings take: WUTONG_DATABASE_URL, the Redis URL, WUTONG_CHROMA_URL.
"""

from __future__ import annotations

import shutil
import signal
import sys
from pathlib import Path

import httpx

from app.cluster import postgres
from app.cluster.process import ServerProcess, free_port


def start_postgres(folder: Path, port: int | None = None, *, fast: bool = False) -> ServerProcess:
    """PostgreSQL with its cluster in folder/data (initdb on first use), a `wutong` role and database.

    `fast` turns fsync off: for throw-away test clusters only."""
    folder = Path(folder).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    user = postgres.system_user()
    postgres.init_cluster(folder / "data", user)
    port = port or free_port()
    server = ServerProcess(
        "postgresql", postgres.server_argv(folder / "data", port, fast=fast), port, postgres.url(port),
        folder / "postgres.log", lambda: postgres.accepts(port), user=user,
        stop_signal=signal.SIGINT,  # "fast" shutdown: running transactions roll back, data is flushed
    ).start()
    postgres.ensure_role_and_database(port)
    return server


def redis_server() -> str:
    found = shutil.which("redis-server") or "/usr/bin/redis-server"
    if not Path(found).exists():
        raise FileNotFoundError("redis-server is not installed (Debian: apt-get install redis-server)")
    return found


def start_redis(folder: Path, port: int | None = None) -> ServerProcess:
    """Redis with an append-only file in `folder`, so a restart (even after SIGKILL) loses no message."""
    folder = Path(folder).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    argv = [redis_server(), "--port", str(port), "--bind", "127.0.0.1", "--dir", str(folder), "--daemonize", "no",
            "--appendonly", "yes", "--appendfsync", "always", "--save", "", "--protected-mode", "yes"]
    return ServerProcess("redis", argv, port, f"redis://127.0.0.1:{port}/0", folder / "redis.log",
                         lambda: _redis_pong(port)).start()


def _redis_pong(port: int) -> bool:
    import redis

    try:
        return bool(redis.Redis(host="127.0.0.1", port=port, socket_timeout=2).ping())
    except redis.RedisError:
        return False


def chroma_cli() -> str:
    """`chroma` from the venv that runs us (the chromadb package's server)."""
    found = Path(sys.executable).with_name("chroma")
    return str(found) if found.exists() else (shutil.which("chroma") or "chroma")


def start_chroma(folder: Path, port: int | None = None) -> ServerProcess:
    """`chroma run` persisting to `folder`/chroma."""
    folder = Path(folder).resolve()
    (folder / "chroma").mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    url = f"http://127.0.0.1:{port}"
    argv = [chroma_cli(), "run", "--path", str(folder / "chroma"), "--host", "127.0.0.1", "--port", str(port)]
    return ServerProcess("chroma", argv, port, url, folder / "chroma.log", lambda: _heartbeat(url),
                         env={"ANONYMIZED_TELEMETRY": "False"}).start(timeout=120)


def _heartbeat(url: str) -> bool:
    try:
        return httpx.get(f"{url}/api/v2/heartbeat", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False
