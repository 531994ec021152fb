"""A server process on loopback that can be stopped, killed and restarted on the same port and data.

Tests kill and restart servers mid-queue, so the handle keeps everything needed to start the same
server again; `ready` is the server's own check that it accepts work (not just that the port is open).
"""

from __future__ import annotations

import os
import pwd
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


def free_port() -> int:
    """A port nobody listens on right now (the kernel's pick)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_open(port: int, host: str = "127.0.0.1") -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def run_as(user: str | None) -> dict:
    """Popen arguments that drop root to `user` (PostgreSQL refuses to run as root); none otherwise."""
    if user is None or os.geteuid() != 0:
        return {}
    entry = pwd.getpwnam(user)
    return {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": [],
            "env": {**os.environ, "HOME": entry.pw_dir, "USER": user}}


@dataclass
class ServerProcess:
    """One server: `argv` started with its output in `log`, ready when `ready()` says so."""

    name: str
    argv: list[str]
    port: int
    url: str
    log: Path
    ready: Callable[[], bool]
    user: str | None = None  # run as this system user when we are root
    stop_signal: int = signal.SIGTERM
    env: dict[str, str] = field(default_factory=dict)
    proc: subprocess.Popen | None = None

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    @property
    def pid(self) -> int | None:
        return self.proc.pid if self.running else None

    def start(self, timeout: float = 60.0) -> ServerProcess:
        popen = run_as(self.user)
        popen["env"] = {**popen.get("env", os.environ), **self.env}
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(self.argv, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                         start_new_session=True, **popen)
        self.wait_ready(timeout)
        return self

    def wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.running:
                raise RuntimeError(f"{self.name} exited with {self.proc.returncode}; see {self.log}:\n{self.tail()}")
            if port_open(self.port) and self.ready():
                return
            time.sleep(0.2)
        raise TimeoutError(f"{self.name} did not accept connections on port {self.port} within {timeout}s")

    def stop(self, timeout: float = 30.0) -> None:
        """A clean shutdown (the server flushes its data); SIGKILL if it does not finish in time."""
        if not self.running:
            return
        self.proc.send_signal(self.stop_signal)
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()

    def kill(self) -> None:
        """SIGKILL, as when the machine is lost: no flush, no goodbye."""
        if self.running:
            self.proc.kill()
            self.proc.wait(10)

    def restart(self, timeout: float = 60.0) -> ServerProcess:
        self.stop()
        return self.start(timeout)

    def tail(self, chars: int = 2000) -> str:
        return self.log.read_text(errors="replace")[-chars:] if self.log.exists() else ""
