"""A stopped transcription resumes from its last finished window (a worker killed mid-job, redelivered)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.asr import TranscribeOptions, WindowCheckpoint, transcribe
from tests.utils.paths import STREAM_MP4
from tests.utils.workers import cut_audio

pytestmark = pytest.mark.slow


def _run(audio: Path, options: TranscribeOptions, model_dir: Path, checkpoint: WindowCheckpoint):
    stages: list[str] = []
    transcript = transcribe(audio, options, model_dir=model_dir, checkpoint=checkpoint,
                            progress=lambda _f, stage: stages.append(stage))
    return transcript, stages.count("decoding")


def test_resumes_from_the_last_saved_window(tmp_path: Path, model_dir: Path) -> None:
    audio = cut_audio(STREAM_MP4, tmp_path / "piece.wav", 0, 130)
    options = TranscribeOptions(chunk_s=60, batched=False)
    folder = tmp_path / "windows"
    first, decoded_first = _run(audio, options, model_dir, WindowCheckpoint(folder, "k1"))
    saved = sorted(folder.glob("window-*.json"))
    assert len(saved) >= 2 and decoded_first == len(saved)

    saved[-1].unlink()  # the run was killed while decoding its last window
    resumed, decoded_again = _run(audio, options, model_dir, WindowCheckpoint(folder, "k1"))
    assert decoded_again == 1
    assert resumed.text == first.text and resumed.segments[-1].end == first.segments[-1].end

    assert WindowCheckpoint(folder, "k1").load(0, 0.0) is not None
    assert WindowCheckpoint(folder, "k2").load(0, 0.0) is None  # other options or terms: nothing is reused
