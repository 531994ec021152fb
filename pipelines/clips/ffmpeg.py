"""Run the bundled ffmpeg (imageio-ffmpeg) and report progress from `-progress pipe:1`.

ffmpeg never outlives its caller: when the progress callback raises (a job cancelled or past its time
limit) or the deadline passes, the child is killed and reaped before the error goes up, so nothing
is left writing into a folder the caller is about to remove.
"""

from __future__ import annotations

import subprocess
import tempfile
import threading
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from pipelines.errors import MediaError

Progress = Callable[[float], None]  # fraction done, 0..1


@lru_cache(maxsize=1)
def ffmpeg_exe() -> str:
    import imageio_ffmpeg

    return imageio_ffmpeg.get_ffmpeg_exe()


def parse_progress(line: str, duration: float) -> float | None:
    """Fraction done from one `key=value` line of ffmpeg's progress output, if it carries one."""
    key, _, value = line.strip().partition("=")
    if key == "progress" and value == "end":
        return 1.0
    if key == "out_time_us" and value.lstrip("-").isdigit() and duration > 0:
        return min(max(int(value) / 1e6 / duration, 0.0), 1.0)
    return None


def run_ffmpeg(args: list[str], *, duration: float, cwd: Path | None = None,
               progress: Progress | None = None, timeout_s: float | None = None) -> None:
    """Run ffmpeg with `args` (no executable); raise MediaError with its last error lines, or code
    `timeout` when it ran past `timeout_s`."""
    cmd = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
           "-progress", "pipe:1", "-nostats", *args]
    with tempfile.TemporaryFile() as errors:
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=errors, text=True)
        deadline = _Deadline(proc, timeout_s)
        try:
            _follow(proc, duration, progress)
            code = proc.wait()
        except BaseException:
            _kill(proc)
            raise
        finally:
            deadline.cancel()
        if deadline.expired:
            raise MediaError(f"视频剪辑超时（超过 {timeout_s:.0f} 秒）已停止", code="timeout")
        if code != 0:
            errors.seek(0)
            tail = errors.read().decode("utf-8", "replace").strip().splitlines()[-5:]
            raise MediaError(f"视频剪辑失败（ffmpeg {code}）：{' / '.join(tail)}", code="render_failed")


def _follow(proc: subprocess.Popen, duration: float, progress: Progress | None) -> None:
    assert proc.stdout is not None
    for line in proc.stdout:
        fraction = parse_progress(line, duration)
        if progress and fraction is not None:
            progress(fraction)  # may raise (cancelled): the caller kills ffmpeg


def _kill(proc: subprocess.Popen) -> None:
    """Kill ffmpeg and wait for it, so no half-written file changes after we return."""
    if proc.poll() is None:
        proc.kill()
    proc.wait()


class _Deadline:
    """Kills the process when `timeout_s` passes (a stalled ffmpeg reports no progress to stop it by)."""

    def __init__(self, proc: subprocess.Popen, timeout_s: float | None) -> None:
        self.expired = False
        self._proc = proc
        self._timer = threading.Timer(timeout_s, self._expire) if timeout_s else None
        if self._timer:
            self._timer.daemon = True
            self._timer.start()

    def _expire(self) -> None:
        if self._proc.poll() is None:
            self.expired = True
            self._proc.kill()

    def cancel(self) -> None:
        if self._timer:
            self._timer.cancel()
