"""Sources made at test time from the shared stream: a portrait video and an audio-only file."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from pipelines.clips.ffmpeg import ffmpeg_exe
from pipelines.transcript import Transcript
from tests.utils.paths import STREAM_MP4
from tests.utils.stream_truth import truth_transcript


def ffmpeg(*args: str) -> None:
    subprocess.run([ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", *args], check=True)


@pytest.fixture(scope="session")
def transcript() -> Transcript:
    return truth_transcript()


@pytest.fixture(scope="session")
def portrait_mp4(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The stream's first 20 s, centre-cropped to a 360x640 portrait video."""
    out = tmp_path_factory.mktemp("portrait") / "portrait.mp4"
    ffmpeg("-i", str(STREAM_MP4), "-t", "20", "-vf", "crop=405:720,scale=360:640",
           "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", str(out))
    return out


@pytest.fixture(scope="session")
def audio_only_m4a(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("audio") / "voice.m4a"
    ffmpeg("-i", str(STREAM_MP4), "-t", "20", "-vn", "-c:a", "aac", str(out))
    return out
