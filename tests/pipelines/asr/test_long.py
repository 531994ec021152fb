"""Long input: windowed decoding on the 70 s talk, and a looped 30-minute file (slow)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import imageio_ffmpeg
import pytest

from pipelines.asr import TranscribeOptions, cer, transcribe
from pipelines.asr.audio import iter_windows
from pipelines.transcript import Transcript
from tests.utils.paths import MEDIA, REPO

LONG_WAV = MEDIA / "long" / "funasr_vad_example_70s.wav"
LONG_MINUTES = float(os.environ.get("WUTONG_LONG_TEST_MINUTES", "30"))


def assert_well_formed(t: Transcript) -> None:
    previous_end = 0.0
    for s in t.segments:
        assert previous_end <= s.start <= s.end <= t.duration
        assert all(s.start <= w.start <= w.end <= s.end for w in s.words)
        previous_end = s.end


def test_windows_cover_the_audio_and_cut_in_quiet_spots() -> None:
    windows = list(iter_windows(LONG_WAV, window_s=30, search_s=5))
    assert len(windows) == 3
    assert all(a.end_s == pytest.approx(b.offset_s) for a, b in zip(windows, windows[1:]))
    assert 70 < windows[-1].end_s < 71
    assert all(25 <= w.duration_s <= 30 for w in windows[:-1])


def test_windowed_transcript_matches_single_window(model_dir: Path) -> None:
    """Cutting a file into windows (in silence) changes the text very little."""
    whole = transcribe(LONG_WAV, TranscribeOptions(batched=False), model_dir=model_dir)
    windowed = transcribe(LONG_WAV, TranscribeOptions(batched=False, chunk_s=60, cut_search_s=10), model_dir=model_dir)
    assert cer(whole.text, windowed.text) < 0.1
    assert_well_formed(windowed)


@pytest.fixture(scope="module")
def looped_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("long") / "looped.m4a"
    subprocess.run([imageio_ffmpeg.get_ffmpeg_exe(), "-v", "error", "-y", "-stream_loop", "-1", "-i", str(LONG_WAV),
                    "-t", str(LONG_MINUTES * 60), "-ac", "1", "-c:a", "aac", "-b:a", "48k", str(out)], check=True)
    return out


@pytest.mark.slow
@pytest.mark.timeout(3600)
def test_looped_long_file(model_dir: Path, looped_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "result.json"
    subprocess.run([sys.executable, "-m", "tests.utils.transcribe_child", str(looped_file), str(model_dir), str(out)],
                   check=True, cwd=REPO)
    result = json.loads(out.read_text(encoding="utf-8"))
    t, ticks, peak_mib = Transcript.from_dict(result["transcript"]), result["ticks"], result["peak_mib"]
    print(f"{LONG_MINUTES:.0f} min: {len(t.segments)} segments, batched={t.meta['batched']}, "
          f"timings={t.meta['timings']}, peak RSS {peak_mib:.0f} MiB")
    fractions = [f for f, _ in ticks]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert t.duration == pytest.approx(LONG_MINUTES * 60, abs=2)
    assert t.segments and t.segments[-1].end > t.duration - 120
    assert_well_formed(t)
    # A whole-file decode alone would be duration * 16 kHz * 4 bytes; windows keep memory flat. The bound
    # is whisper's batched decoding plus the correction passes' fixed cost (jieba's dictionary as the
    # domain pass's prior: about 75 MiB, measured alone), which does not grow with the file.
    assert peak_mib < 2560
    assert len(t.text) > LONG_MINUTES * 60  # > 1 character a second: the talk is dense, not a truncated run
