"""Run a real server process (`wutong serve` or llama.cpp's OpenAI server) on loopback for tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_http(url: str, proc: subprocess.Popen, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode} before answering {url}")
        try:
            if httpx.get(url, timeout=2).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise TimeoutError(f"{url} did not answer within {timeout}s")


class WutongServer:
    """`wutong serve` in a subprocess with its own data dir; kill() is a real SIGKILL."""

    def __init__(self, data_dir: Path, model_dir: Path, env: dict[str, str] | None = None) -> None:
        self.data_dir, self.port = Path(data_dir), free_port()
        self.env = {**os.environ, "WUTONG_DATA_DIR": str(data_dir), "WUTONG_MODEL_DIR": str(model_dir),
                    "WUTONG_PORT": str(self.port), "WUTONG_SEED_KNOWLEDGE": "false", **(env or {})}
        self.proc: subprocess.Popen | None = None
        self.log = self.data_dir / "server.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> WutongServer:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen([sys.executable, "-m", "app", "serve"], env=self.env,
                                         stdout=log, stderr=subprocess.STDOUT)
        wait_http(f"{self.url}/health", self.proc)
        return self

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()


def wait_for(predicate, timeout: float, interval: float = 0.5):
    """The predicate's first truthy value, polled until `timeout` seconds have passed."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := predicate():
            return value
        time.sleep(interval)
    raise TimeoutError("condition not met in time")
