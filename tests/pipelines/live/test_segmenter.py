"""The segmenter: closed segments only, and what a crashed ffmpeg had written is kept."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from pipelines.live.ledger import segment_duration
from pipelines.live.segmenter import Segmenter
from tests.pipelines.live.conftest import cut


@pytest.fixture(scope="module")
def ts_bytes(short_source: Path, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return cut(short_source, 24, tmp_path_factory.mktemp("ts") / "s.ts", "-c", "copy", "-f", "mpegts").read_bytes()


def test_only_closed_segments_are_reported_and_the_last_on_close(ts_bytes: bytes, tmp_path: Path) -> None:
    closed: list[Path] = []
    segmenter = Segmenter(tmp_path, 6, 0, closed.append)
    segmenter.write(ts_bytes[: len(ts_bytes) // 2])
    time.sleep(1.0)
    halfway = list(closed)
    segmenter.write(ts_bytes[len(ts_bytes) // 2:])
    assert segmenter.close() == 0
    assert [p.name for p in closed] == [f"seg_{i:06d}.mkv" for i in range(len(closed))] and len(closed) == 4
    assert 0 < len(halfway) < len(closed)  # the segment being written was not reported early
    assert sum(segment_duration(p) for p in closed) == pytest.approx(24, abs=0.3)


def test_a_killed_run_keeps_its_partial_segment(ts_bytes: bytes, tmp_path: Path) -> None:
    closed: list[Path] = []
    segmenter = Segmenter(tmp_path, 20, 7, closed.append)
    segmenter.write(ts_bytes[: len(ts_bytes) // 2])
    time.sleep(1.0)
    os.kill(segmenter.pid, signal.SIGKILL)  # ffmpeg dies mid-segment
    assert segmenter.close() != 0
    assert [p.name for p in closed] == ["seg_000007.mkv"]
    assert 5 < segment_duration(closed[0]) <= 12.5
