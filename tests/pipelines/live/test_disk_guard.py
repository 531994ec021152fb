"""The disk guard stops a recording with a clear status, keeping every segment closed before it."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from pipelines.live import ChunkAssembler, DiskSpaceLow, LiveEnded, finish_recording, start_recording
from pipelines.media import probe
from tests.pipelines.live.conftest import EventLog, live_options
from tests.utils.live_source import LoopbackServer


class FillingDisk:
    """The disk as the guard sees it: free space at the start less what the test writes under `folder`.
    Other processes writing on the same disk (a parallel build, the suite's caches) then cannot trip the
    guard early; the bytes the recorder writes are still real files."""

    def __init__(self, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder, self.start = folder, shutil.disk_usage(folder)
        monkeypatch.setattr("pipelines.live.sink.shutil.disk_usage", self.usage)

    def written(self) -> int:
        return sum(p.stat().st_size for p in self.folder.rglob("*") if p.is_file())

    def usage(self, _path) -> tuple[int, int, int]:
        free = self.start.free - self.written()
        return type(self.start)(self.start.total, self.start.total - free, free)

    def threshold_after(self, margin_bytes: int) -> float:
        """A `min_free_mb` that trips once `margin_bytes` more have been written under the folder."""
        return (self.start.free - self.written() - margin_bytes) / (1024 * 1024)


def test_pull_stops_before_the_disk_fills(vod_hls: Path, short_source: Path, tmp_path: Path, monkeypatch) -> None:
    margin = short_source.stat().st_size // 3
    options = live_options(segment_s=4, min_free_mb=FillingDisk(tmp_path / "rec", monkeypatch).threshold_after(margin))
    server = LoopbackServer(vod_hls).start()
    events = EventLog()
    try:
        status = start_recording(server.url("vod.m3u8"), tmp_path / "rec", options, events).wait(60)
    finally:
        server.stop()
    assert status.state == "ended" and status.ended_reason == "disk_low" and events.ended_reasons == ["disk_low"]
    assert status.last_error == "disk_space_low" and "磁盘空间不足" in status.message
    assert 0 < status.recorded_s < probe(short_source).duration_s - 4
    finished = finish_recording([path for _, path, _, _, _ in events.closed], tmp_path / "kept")
    assert abs(finished.info.duration_s - status.recorded_s) < 0.3


def test_push_refuses_chunks_once_the_disk_is_low(webm: Path, tmp_path: Path, monkeypatch) -> None:
    data = webm.read_bytes()
    chunks = [data[i:i + 8192] for i in range(0, len(data), 8192)]
    disk = FillingDisk(tmp_path / "live", monkeypatch)
    options = live_options(segment_s=4, min_free_mb=disk.threshold_after(len(data) // 3))
    assembler = ChunkAssembler(tmp_path / "live", options)
    with pytest.raises(DiskSpaceLow):
        for seq, chunk in enumerate(chunks):
            assembler.push(seq, chunk)
            time.sleep(0.05)  # a MediaRecorder sends a chunk every second or so; ffmpeg writes in between
    status = assembler.status()
    assert status.ended_reason == "disk_low" and status.last_error == "disk_space_low"
    assert 0 < status.bytes_in < len(data)
    with pytest.raises(LiveEnded):
        assembler.push(assembler.next_seq, chunks[-1])
    assert all(probe(s.path).duration_s > 0 for s in assembler.segments)
