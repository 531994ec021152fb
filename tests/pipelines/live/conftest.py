"""Live-ingest fixtures: real media cut from ../shared/media/stream3 with live-encoder keyframes."""

from __future__ import annotations

import subprocess
import threading
import time
from pathlib import Path

import pytest

from pipelines.clips.ffmpeg import ffmpeg_exe
from pipelines.live import LiveListener, LiveOptions
from pipelines.live.ledger import Gap
from tests.utils.live_source import make_live_source
from tests.utils.paths import MEDIA

STREAM3 = MEDIA / "stream3"
LIVE_CUT_S = 100.0


class EventLog(LiveListener):
    """Every event with the wall time it arrived."""

    def __init__(self) -> None:
        self.closed: list[tuple[float, Path, int, float, float]] = []
        self.gaps: list[Gap] = []
        self.ended_reasons: list[str] = []
        self.done = threading.Event()

    def segment_closed(self, path: Path, index: int, start_s: float, end_s: float) -> None:
        self.closed.append((time.time(), path, index, start_s, end_s))

    def gap(self, gap: Gap) -> None:
        self.gaps.append(gap)

    def ended(self, reason: str) -> None:
        self.ended_reasons.append(reason)
        self.done.set()


def live_options(**overrides: object) -> LiveOptions:
    base = dict(allowed_hosts=("127.0.0.1",), segment_s=10.0, min_free_mb=0, reconnect_initial_s=0.2,
                reconnect_max_s=1.0, reconnect_for_s=20.0, end_grace_s=0.0, read_timeout_s=5.0, poll_s=0.5)
    return LiveOptions(**{**base, **overrides})


def cut(source: Path, seconds: float, out: Path, *args: str) -> Path:
    subprocess.run([ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", "-t", f"{seconds:g}",
                    "-i", str(source), *(args or ("-c", "copy")), str(out)], check=True)
    return out


@pytest.fixture(scope="session")
def live_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first 100 s of stream3, 640 px wide, a keyframe every 2 s (as a live encoder sends it)."""
    return make_live_source(STREAM3 / "stream.mp4", LIVE_CUT_S, tmp_path_factory.mktemp("live") / "source.mp4")


@pytest.fixture(scope="session")
def short_source(live_source: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return cut(live_source, 24, tmp_path_factory.mktemp("short") / "short.mp4")


@pytest.fixture(scope="session")
def vod_hls(short_source: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A finished HLS playlist (#EXT-X-ENDLIST) of the short source: served at once, no real-time wait."""
    folder = tmp_path_factory.mktemp("vod")
    subprocess.run([ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", "-i", str(short_source), "-c", "copy",
                    "-f", "hls", "-hls_time", "2", "-hls_list_size", "0", "-hls_playlist_type", "vod",
                    "-hls_segment_filename", str(folder / "v%03d.ts"), str(folder / "vod.m3u8")], check=True)
    return folder


@pytest.fixture(scope="session")
def webm(short_source: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """VP8/Opus WebM as Chrome's MediaRecorder writes it."""
    return cut(short_source, 24, tmp_path_factory.mktemp("webm") / "rec.webm", "-vf", "scale=320:-2",
               "-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "300k", "-g", "50",
               "-c:a", "libopus", "-b:a", "48k")
