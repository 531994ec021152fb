"""The CLI runs the services the API runs: `wutong clips` leaves the same recording, transcript,
highlights and clips a leader would get through the API (real whisper and ffmpeg)."""

from __future__ import annotations

from pathlib import Path

import pysubs2
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from app.cli import app as cli
from tests.utils.paths import MEDIA

SHORT_WAV = MEDIA / "asr" / "paddlespeech_zh.wav"
LONG_WAV = MEDIA / "long" / "funasr_vad_example_70s.wav"


def test_transcribe_a_file(wutong: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "zh.srt"
    result = wutong.invoke(cli, ["transcribe", str(SHORT_WAV), "--format", "srt", "-o", str(out)])
    assert result.exit_code == 0, result.output
    subs = pysubs2.load(str(out))
    assert len(subs) >= 1 and "健康" in "".join(e.plaintext for e in subs)


@pytest.mark.slow
def test_clips_end_to_end_through_the_services(client: TestClient, wutong: CliRunner, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WUTONG_HIGHLIGHTS__LLM_TITLES", "false")
    monkeypatch.setenv("WUTONG_CLIPS__WIDTH", "360")
    monkeypatch.setenv("WUTONG_CLIPS__HEIGHT", "640")
    out = tmp_path / "clips"
    result = wutong.invoke(cli, ["clips", str(LONG_WAV), "-n", "1", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert [p.suffix for p in sorted((out / "01").iterdir())] == [".jpg", ".mp4"]
    [rec] = client.get("/v1/recordings").json()["data"]
    assert (rec["transcribed"], rec["highlights"] >= 1, rec["clips"]) == (True, True, 1)
    assert client.get(f"/v1/recordings/{rec['id']}/clips").json()["count"] == 1
