"""Run the bundled ffmpeg (imageio-ffmpeg) and report progress from `-progress pipe:1`."""

from __future__ import annotations

import subprocess
import tempfile
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
               progress: Progress | None = None) -> None:
    """Run ffmpeg with `args` (no executable); raise MediaError with its last error lines."""
    cmd = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
           "-progress", "pipe:1", "-nostats", *args]
    with tempfile.TemporaryFile() as errors:
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=errors, text=True)
        assert proc.stdout is not None
        for line in proc.stdout:
            fraction = parse_progress(line, duration)
            if progress and fraction is not None:
                progress(fraction)
        code = proc.wait()
        if code != 0:
            errors.seek(0)
            tail = errors.read().decode("utf-8", "replace").strip().splitlines()[-5:]
            raise MediaError(f"视频剪辑失败（ffmpeg {code}）：{' / '.join(tail)}", code="render_failed")
