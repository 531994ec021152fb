"""The API and `wutong worker` processes of `make cluster`, on top of the servers in stack.py: each a
detached `wutong` process with the servers' URLs, its own data folder (local caches), the shared
media folder and this checkout's model cache, logging to <folder>/logs/, its pid in <folder>/apps.json."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from app.cluster.process import port_open
from app.cluster.stack import ENV
from app.config import get_settings

STATE = "apps.json"


def _wutong() -> list[str]:
    exe = shutil.which("wutong", path=str(Path(sys.executable).parent))
    return [exe] if exe else [sys.executable, "-m", "app"]


def _env(folder: Path, name: str) -> dict[str, str]:
    urls = dict(line.split("=", 1) for line in (folder / ENV).read_text().splitlines() if "=" in line)
    return {"WUTONG_MODEL_DIR": str(get_settings().models_path.resolve()), **os.environ, **urls,
            "WUTONG_DATA_DIR": str(folder / "nodes" / name), "WUTONG_MEDIA_DIR": str(folder / "media")}


def _spawn(folder: Path, name: str, args: list[str], extra: dict[str, str]) -> int:
    (folder / "logs").mkdir(parents=True, exist_ok=True)
    with (folder / "logs" / f"{name}.log").open("ab") as log:
        proc = subprocess.Popen([*_wutong(), *args], env={**_env(folder, name), **extra}, stdout=log,
                                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    return proc.pid


def read_state(folder: Path) -> dict[str, int]:
    path = folder / STATE
    return json.loads(path.read_text()) if path.exists() else {}


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
        return True
    except (ProcessLookupError, PermissionError):
        return False


def up(folder: Path, api_port: int, workers: int, wait_s: float = 180.0) -> dict[str, int]:
    """Start the API (no in-process worker: WUTONG_REDIS_URL is set) and `workers` worker processes."""
    folder = Path(folder).resolve()
    running = {name: pid for name, pid in read_state(folder).items() if alive(pid)}
    wanted = {"api": ["serve", "--host", "127.0.0.1", "--port", str(api_port)],
              **{f"worker-{i + 1}": ["worker"] for i in range(workers)}}
    for name, args in wanted.items():
        if name not in running:
            running[name] = _spawn(folder, name, args, {})
    (folder / STATE).write_text(json.dumps(running, indent=2))
    deadline = time.monotonic() + wait_s
    while not port_open(api_port) and time.monotonic() < deadline and alive(running["api"]):
        time.sleep(0.5)
    return running


def down(folder: Path, timeout: float = 40.0) -> list[str]:
    """SIGTERM every process (workers finish or hand back their job), SIGKILL after `timeout`."""
    folder = Path(folder).resolve()
    running = {name: pid for name, pid in read_state(folder).items() if alive(pid)}
    for pid in running.values():
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while any(alive(pid) for pid in running.values()) and time.monotonic() < deadline:
        time.sleep(0.3)
    for pid in running.values():
        if alive(pid):
            os.kill(pid, signal.SIGKILL)
    (folder / STATE).unlink(missing_ok=True)
    return list(running)
