"""One ffmpeg process that cuts a media byte stream (fed on stdin) into closed segment files.

ffmpeg's segment muxer copies the streams (no re-encoding: a few percent of one core) into
Matroska segments, which hold any codec a source sends (H.264/AAC from HLS and FLV, VP8/VP9/Opus
from a browser). It prints a segment's line in its CSV list *before* closing the file, so a
segment counts as closed only once the next one exists or the process has exited.
"""

from __future__ import annotations

import logging
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path

from pipelines.clips.ffmpeg import ffmpeg_exe
from pipelines.live.errors import SourceDropped

log = logging.getLogger(__name__)

SEGMENT_EXT = ".mkv"
RUNS_DIR = ".runs"  # per-run CSV lists and ffmpeg logs
WATCH_S = 0.2


def segment_name(index: int) -> str:
    return f"seg_{index:06d}{SEGMENT_EXT}"


def segmenter_args(folder: Path, segment_s: float, start: int, input_format: str | None) -> list[str]:
    runs = folder / RUNS_DIR
    return [ffmpeg_exe(), "-hide_banner", "-nostats", "-loglevel", "error", "-fflags", "+genpts",
            *(["-f", input_format] if input_format else []), "-i", "pipe:0",
            "-map", "0:v:0?", "-map", "0:a:0?", "-c", "copy", "-f", "segment",
            "-segment_time", f"{segment_s:g}", "-segment_format", "matroska", "-reset_timestamps", "1",
            "-segment_format_options", "cluster_time_limit=1000:flush_packets=1",
            "-segment_start_number", str(start), "-segment_list", str(runs / f"run-{start:06d}.csv"),
            "-segment_list_type", "csv", "-y", str(folder / f"seg_%06d{SEGMENT_EXT}")]


class Segmenter:
    """Feed bytes with write(); `on_closed(path)` is called (from a watcher thread) per closed segment."""

    def __init__(self, folder: Path, segment_s: float, start: int, on_closed: Callable[[Path], None],
                 input_format: str | None = None) -> None:
        self.folder, self.start = folder, start
        self._on_closed = on_closed
        (folder / RUNS_DIR).mkdir(parents=True, exist_ok=True)
        self._list = folder / RUNS_DIR / f"run-{start:06d}.csv"
        self._log = (folder / RUNS_DIR / f"run-{start:06d}.log").open("wb")
        self._proc = subprocess.Popen(segmenter_args(folder, segment_s, start, input_format),
                                      stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=self._log)
        self._listed: list[str] = []
        self.emitted: list[Path] = []
        self._done = threading.Event()
        self._watcher = threading.Thread(target=self._watch, name=f"segmenter-{start}", daemon=True)
        self._watcher.start()

    @property
    def pid(self) -> int:
        return self._proc.pid

    def write(self, data: bytes) -> None:
        assert self._proc.stdin is not None
        try:
            self._proc.stdin.write(data)
            self._proc.stdin.flush()
        except (BrokenPipeError, ValueError) as exc:
            raise SourceDropped(f"分段程序意外退出：{self.error_tail()}", code="live_segmenter_failed") from exc

    def close(self, timeout: float = 60.0) -> int:
        """End of input: ffmpeg closes the last segment; returns its exit code (killed after `timeout`)."""
        if self._proc.stdin and not self._proc.stdin.closed:
            try:
                self._proc.stdin.close()
            except BrokenPipeError:
                pass
        try:
            code = self._proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            code = self._proc.wait()
        self._done.set()
        self._watcher.join()
        self._log.close()
        if code != 0:
            self._salvage()
        return code

    def _salvage(self) -> None:
        """A run that died mid-segment leaves an unterminated file: re-mux what it holds, keep it if playable."""
        partial = self.folder / segment_name(self.start + len(self.emitted))
        if not partial.exists():
            return
        fixed = partial.with_suffix(".fixed" + SEGMENT_EXT)
        result = subprocess.run([ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", "-i", str(partial),
                                 "-map", "0", "-c", "copy", "-f", "matroska", str(fixed)], capture_output=True)
        if result.returncode == 0 and fixed.stat().st_size > 0:
            fixed.replace(partial)
            self.emitted.append(partial)
            self._report(partial)
        else:
            fixed.unlink(missing_ok=True)
            partial.unlink()

    def error_tail(self, lines: int = 3) -> str:
        self._log.flush()
        text = (self.folder / RUNS_DIR / f"run-{self.start:06d}.log").read_text("utf-8", "replace")
        return " / ".join(text.strip().splitlines()[-lines:]) or "ffmpeg exited"

    def _watch(self) -> None:
        while not self._done.wait(WATCH_S):
            self._emit_ready(exited=False)
        self._emit_ready(exited=True)

    def _read_list(self) -> None:
        if not self._list.exists():
            return
        lines = self._list.read_text("utf-8", "replace").splitlines(keepends=True)
        complete = [line.split(",", 1)[0] for line in lines if line.endswith("\n")]
        self._listed = complete

    def _emit_ready(self, *, exited: bool) -> None:
        self._read_list()
        for name in self._listed[len(self.emitted):]:
            path = self.folder / name
            index = int(path.stem.split("_")[1])
            if not (exited or (self.folder / segment_name(index + 1)).exists()):
                return
            self.emitted.append(path)
            self._report(path)

    def _report(self, path: Path) -> None:
        try:
            self._on_closed(path)
        except Exception:  # an unreadable segment must not stop the watcher (later ones are fine)
            log.exception("closed segment %s could not be recorded", path.name)
