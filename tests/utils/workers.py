"""`wutong worker` subprocesses for tests and benchmarks, and short pieces of the dev streams."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.clips.ffmpeg import ffmpeg_exe


def cut_audio(source: Path, target: Path, start_s: float, length_s: float) -> Path:
    """A short piece of a dev stream (16 kHz mono WAV), so a transcription takes seconds, not minutes."""
    if not target.exists():
        subprocess.run([ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", "-ss", str(start_s), "-t",
                        str(length_s), "-i", str(source), "-vn", "-ac", "1", "-ar", "16000", str(target)], check=True)
    return target


@dataclass
class WorkerPool:
    """`wutong worker` subprocesses sharing one environment; kill() is a real SIGKILL."""

    env: dict[str, str]
    logs: Path
    procs: dict[str, subprocess.Popen] = field(default_factory=dict)

    def start(self, name: str, timeout: float = 180.0) -> subprocess.Popen:
        log = self.logs / f"{name}.log"
        with log.open("ab") as out:
            proc = subprocess.Popen([sys.executable, "-m", "app", "worker"], env=self.env, stdout=out,
                                    stderr=subprocess.STDOUT, start_new_session=True)
        self.procs[name] = proc
        deadline = time.monotonic() + timeout
        while "worker ready" not in self.log(name):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"worker {name} did not start:\n{self.log(name)[-3000:]}")
            time.sleep(0.3)
        return proc

    def ensure(self, *names: str) -> None:
        for name in names:
            if name not in self.procs or self.procs[name].poll() is not None:
                self.start(name)

    def log(self, name: str) -> str:
        path = self.logs / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def ran(self, name: str, job_id: str) -> bool:
        """This worker claimed the job (its log names each job it starts)."""
        return any(f"job {job_id} (" in line and ": attempt" in line for line in self.log(name).splitlines())

    def kill(self, name: str) -> None:
        self.procs[name].send_signal(signal.SIGKILL)
        self.procs[name].wait(10)

    def stop_all(self) -> None:
        for proc in self.procs.values():
            if proc.poll() is None:
                proc.terminate()
        for proc in self.procs.values():
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
