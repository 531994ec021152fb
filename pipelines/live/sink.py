"""Bytes in, closed segments out: what the pull recorder and the push assembler share.

A sink runs one Segmenter at a time. A break in the byte stream (a reconnect that cannot
continue where it stopped, an HLS discontinuity) closes the current run, which finishes its
last segment, and the next bytes start a new run numbered after it; segments already closed
are never touched again.
"""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

from pipelines.live.errors import DiskSpaceLow
from pipelines.live.events import Fanout, LiveListener
from pipelines.live.ledger import Gap, Ledger
from pipelines.live.segmenter import Segmenter


class DiskGuard:
    """Checked before every write (one statvfs call, microseconds), so a fast source cannot outrun it."""

    def __init__(self, folder: Path, min_free_mb: float) -> None:
        self.folder, self.min_free = folder, int(min_free_mb * 1024 * 1024)

    def check(self) -> None:
        free = shutil.disk_usage(self.folder).free
        if free < self.min_free:
            raise DiskSpaceLow(f"磁盘空间不足（剩余 {free / 1048576:.0f} MB），已停止录制并保存已录内容")


class SegmentSink:
    def __init__(self, folder: Path, segment_s: float, min_free_mb: float, listener: LiveListener | None = None,
                 input_format: str | None = None) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder, self.segment_s, self.input_format = folder, segment_s, input_format
        self.ledger = Ledger(folder)
        self.guard = DiskGuard(folder, min_free_mb)
        self.listener = Fanout(listener)
        self.bytes_in = 0
        self.last_data = 0.0  # unix time of the last bytes written
        self._run: Segmenter | None = None
        self._drop: tuple[float, str] | None = None  # (unix time the data stopped, error code)
        self._lock = threading.RLock()

    def write(self, data: bytes) -> None:
        with self._lock:
            self.guard.check()
            if self._drop:
                self.resume(missed_s=None, restart=True)
            if self._run is None:
                self._run = Segmenter(self.folder, self.segment_s, self.ledger.next_index, self._closed,
                                      self.input_format)
            self._run.write(data)
            self.bytes_in += len(data)
            self.last_data = time.time()

    def mark_drop(self, code: str, since: float | None = None) -> None:
        """The source went away (at unix time `since`, default the last data); the gap is recorded when
        data flows again."""
        with self._lock:
            if self._drop is None:
                self._drop = (since or self.last_data or time.time(), code)

    @property
    def running(self) -> bool:
        return self._run is not None

    @property
    def dropped(self) -> bool:
        return self._drop is not None

    def resume(self, missed_s: float | None, restart: bool) -> Gap | None:
        """Data flows again: record the gap; `restart` when the stream cannot continue in the same run."""
        with self._lock:
            if restart:
                self.end_run()
            if self._drop is None:
                return None
            gap = self.ledger.add_gap(self._drop[0], self._drop[1], missed_s)
            self._drop = None
        self.listener.gap(gap)
        return gap

    def end_run(self) -> None:
        """Close the current ffmpeg run (its last segment is closed and reported)."""
        with self._lock:
            run, self._run = self._run, None
        if run is not None:
            run.close()

    def close(self) -> None:
        self.end_run()

    def _closed(self, path: Path) -> None:
        segment = self.ledger.add_segment(path)
        self.listener.segment_closed(segment.path, segment.index, segment.start_s, segment.end_s)
