"""The scale-out stack's servers as a unit that outlives the command starting it: PostgreSQL, Redis and
Chroma under one folder (var/cluster/ by default), their pids and URLs in folder/servers.json, and the
settings the API and workers need in folder/env (`set -a; . var/cluster/env; set +a`).
"""

from __future__ import annotations

import json
import os
import signal
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from app.cluster.process import ServerProcess, port_open
from app.cluster.servers import start_chroma, start_postgres, start_redis

STATE = "servers.json"
ENV = "env"
DEFAULT_PORTS = {"postgres": 55432, "redis": 56379, "chroma": 58000}
STARTERS: dict[str, Callable[[Path, int], ServerProcess]] = {
    "postgres": start_postgres, "redis": start_redis, "chroma": start_chroma}
VARIABLES = {"postgres": "WUTONG_DATABASE_URL", "redis": "WUTONG_REDIS_URL", "chroma": "WUTONG_CHROMA_URL"}
STOP_SIGNALS = {"postgres": signal.SIGINT}  # PostgreSQL's "fast" shutdown; the others stop on SIGTERM


@dataclass(frozen=True)
class Running:
    name: str
    pid: int
    port: int
    url: str

    @property
    def alive(self) -> bool:
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:  # someone else's process now has the pid
            return False
        return port_open(self.port)


def read_state(folder: Path) -> dict[str, Running]:
    path = folder / STATE
    if not path.exists():
        return {}
    return {name: Running(**entry) for name, entry in json.loads(path.read_text()).items()}


def _write_state(folder: Path, servers: dict[str, Running]) -> None:
    (folder / STATE).write_text(json.dumps({n: asdict(s) for n, s in servers.items()}, indent=2))
    lines = [f"{VARIABLES[n]}={s.url}" for n, s in servers.items()]
    (folder / ENV).write_text("\n".join(lines) + "\n")


def up(folder: Path, ports: dict[str, int] | None = None) -> dict[str, Running]:
    """Start whichever server is not running (data kept between runs); returns all of them."""
    folder = Path(folder).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    ports = {**DEFAULT_PORTS, **(ports or {})}
    servers = {n: s for n, s in read_state(folder).items() if s.alive}
    for name, start in STARTERS.items():
        if name not in servers:
            server = start(folder / name, ports[name])
            servers[name] = Running(name, server.proc.pid, server.port, server.url)
            _write_state(folder, servers)
    return servers


def down(folder: Path, timeout: float = 30.0) -> list[str]:
    """Stop every recorded server cleanly (SIGKILL after `timeout`); returns the names stopped."""
    folder = Path(folder).resolve()
    stopped = []
    for name, server in read_state(folder).items():
        if server.alive:
            _stop(server.pid, STOP_SIGNALS.get(name, signal.SIGTERM), timeout)
            stopped.append(name)
    (folder / STATE).unlink(missing_ok=True)
    return stopped


def _stop(pid: int, sig: int, timeout: float) -> None:
    os.kill(pid, sig)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _exists(pid):
            return
        time.sleep(0.2)
    os.kill(pid, signal.SIGKILL)


def _exists(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)  # our own child (the same process ran `up`): reap it
    except ChildProcessError:
        pass
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False
