"""What a live recording holds so far: closed segments on one time axis, and the gaps between them.

Times are positions in the recording as it will be joined (segment durations added up), so a
transcript built from the segments lines up with the finished file. A gap is recorded where
it happened on that axis, with how long the source was away (wall clock) and, when known, how
much of the stream was lost. `segments.json` is rewritten atomically after every change, so a
crashed service can still finish the folder, and a ledger opened on a folder that has one goes on
after what is there (a session resumed after a restart).
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import av

MANIFEST = "segments.json"
_SEGMENT_FILE = re.compile(r"^seg_(\d{6})\.mkv$")


@dataclass(frozen=True)
class ClosedSegment:
    index: int
    path: Path
    start_s: float
    end_s: float


@dataclass(frozen=True)
class Gap:
    at_s: float  # position in the recording where the source went away
    wall_time: float  # unix time when it went away
    length_s: float  # wall-clock seconds without data from the source
    missed_s: float | None  # seconds of stream known to be lost (0: none; None: unknown, about length_s)
    error: str  # the error code that caused it


def segment_duration(path: Path) -> float:
    with av.open(str(path)) as container:
        if container.duration:
            return container.duration / av.time_base
        ends = [float((p.pts + (p.duration or 0)) * p.time_base) for p in container.demux() if p.pts is not None]
        return max(ends, default=0.0)


class Ledger:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.segments: list[ClosedSegment] = load_segments(folder) if folder.is_dir() else []
        self.gaps: list[Gap] = load_gaps(folder)
        self._lock = threading.Lock()

    @property
    def recorded_s(self) -> float:
        return self.segments[-1].end_s if self.segments else 0.0

    @property
    def next_index(self) -> int:
        return self.segments[-1].index + 1 if self.segments else 0

    def add_segment(self, path: Path) -> ClosedSegment:
        duration = segment_duration(path)
        with self._lock:
            start = self.recorded_s
            segment = ClosedSegment(int(path.stem.split("_")[1]), path, round(start, 3), round(start + duration, 3))
            self.segments.append(segment)
            self._save()
        return segment

    def add_gap(self, wall_started: float, error: str, missed_s: float | None) -> Gap:
        with self._lock:
            gap = Gap(round(self.recorded_s, 3), round(wall_started, 3), round(time.time() - wall_started, 3),
                      None if missed_s is None else round(missed_s, 3), error)
            self.gaps.append(gap)
            self._save()
        return gap

    def _save(self) -> None:
        data = {"segments": [{**asdict(s), "path": s.path.name} for s in self.segments],
                "gaps": [asdict(g) for g in self.gaps]}
        tmp = self.folder / (MANIFEST + ".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(self.folder / MANIFEST)


def load_segments(folder: Path) -> list[ClosedSegment]:
    """The closed segments a live recording left in `folder`: the manifest's, then any segment file
    closed after it was last written (the service died while ffmpeg finished its segment)."""
    manifest = folder / MANIFEST
    data = json.loads(manifest.read_text(encoding="utf-8")) if manifest.exists() else {"segments": []}
    known = [ClosedSegment(s["index"], folder / s["path"], s["start_s"], s["end_s"]) for s in data["segments"]]
    end = known[-1].end_s if known else 0.0
    for path in sorted(folder.iterdir()):
        match = _SEGMENT_FILE.match(path.name)
        if not match or int(match[1]) <= (known[-1].index if known else -1):
            continue
        duration = _readable_duration(path)
        if duration > 0:
            known.append(ClosedSegment(int(match[1]), path, round(end, 3), round(end + duration, 3)))
            end += duration
    return known


def load_gaps(folder: Path) -> list[Gap]:
    manifest = folder / MANIFEST
    if not manifest.is_file():
        return []
    return [Gap(**g) for g in json.loads(manifest.read_text(encoding="utf-8")).get("gaps", [])]


def _readable_duration(path: Path) -> float:
    try:
        return segment_duration(path)
    except (av.FFmpegError, ValueError):
        return 0.0
