"""HTTP-FLV and RTMP sources: a connection dropped mid-stream is a gap and a new run, nothing lost."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from pipelines.clips.ffmpeg import ffmpeg_exe
from pipelines.live import finish_recording, load_segments, start_recording
from pipelines.media import probe
from tests.pipelines.live.conftest import EventLog, cut, live_options
from tests.utils.live_source import Canned, LoopbackServer
from tests.utils.server import free_port


def status_segments(folder: Path) -> list[Path]:
    return [s.path for s in load_segments(folder)]


@pytest.fixture(scope="module")
def flv_bytes(short_source: Path, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return cut(short_source, 24, tmp_path_factory.mktemp("flv") / "s.flv", "-c", "copy", "-f", "flv").read_bytes()


def test_flv_drop_is_retried_and_recorded_as_a_gap(flv_bytes: bytes, short_source: Path, tmp_path: Path) -> None:
    half = len(flv_bytes) // 2
    server = LoopbackServer(tmp_path, {"/room.flv": [
        Canned(flv_bytes, "video/x-flv", send_bytes=half),  # the connection drops half-way
        Canned(flv_bytes, "video/x-flv", length=False),  # the stream again, then a clean end
    ]}).start()
    events = EventLog()
    try:
        status = start_recording(server.url("room.flv"), tmp_path / "rec", live_options(segment_s=6), events).wait(60)
    finally:
        server.stop()
    assert status.ended_reason == "source_ended" and len(server.requests) == 2
    assert len(status.gaps) == 1 and status.gaps[0].error == "live_connection_lost"
    assert status.gaps[0].missed_s is None and 0 < status.gaps[0].at_s < 24
    indexes = [index for _, _, index, _, _ in events.closed]
    assert indexes == list(range(len(indexes)))
    finished = finish_recording(status_segments(tmp_path / "rec"), tmp_path / "joined")
    full = probe(short_source).duration_s
    assert full + 6 < finished.info.duration_s < 2 * full + 0.5  # the first half-connection and the whole replay
    assert abs(finished.info.duration_s - status.recorded_s) < 0.5


def test_rtmp_is_read_by_ffmpeg_after_the_host_check(short_source: Path, tmp_path: Path) -> None:
    url = f"rtmp://127.0.0.1:{free_port()}/live/room"
    publisher = subprocess.Popen([ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-i", str(short_source),
                                  "-c", "copy", "-f", "flv", "-listen", "1", url])
    try:
        status = start_recording(url, tmp_path / "rec", live_options(segment_s=8)).wait(60)
    finally:
        publisher.kill()
        publisher.wait()
    assert status.ended_reason == "source_ended" and status.segments >= 3
    finished = finish_recording(status_segments(tmp_path / "rec"), tmp_path / "joined")
    assert abs(finished.info.duration_s - probe(short_source).duration_s) < 0.5
