"""Incremental transcription: windows end in a pause, times are the stream's, quality as in batch."""

from __future__ import annotations

import json

import numpy as np
import pytest

from pipelines.asr import cer
from pipelines.asr.audio import SAMPLE_RATE, iter_pcm
from pipelines.asr.incremental import IncrementalTranscriber, WindowOptions, choose_cut, find_pauses
from tests.utils.paths import MEDIA

STREAM3 = MEDIA / "stream3"


@pytest.fixture(scope="module")
def audio() -> np.ndarray:
    """The first 60 s of stream3's audio."""
    chunks, size = [], 0
    for chunk in iter_pcm(STREAM3 / "stream.mp4"):
        chunks.append(chunk)
        size += len(chunk)
        if size >= 60 * SAMPLE_RATE:
            break
    return np.concatenate(chunks)[: 60 * SAMPLE_RATE]


@pytest.fixture(scope="module")
def sentences() -> list[dict]:
    return json.loads((STREAM3 / "script_truth.json").read_text(encoding="utf-8"))


def inside_a_sentence(t: float, sentences: list[dict], margin: float = 0.15) -> bool:
    return any(s["start"] + margin < t < s["end"] - margin for s in sentences)


@pytest.mark.parametrize("length_s", [16, 20, 25, 30, 38, 44])
def test_windows_end_in_a_pause(audio, sentences, length_s: int) -> None:
    cut = choose_cut(audio[: length_s * SAMPLE_RATE], WindowOptions())
    assert cut is not None and not cut.silent
    t = cut.at / SAMPLE_RATE
    assert 15 <= t <= min(length_s, 28) and not inside_a_sentence(t, sentences)


def test_short_buffers_wait_and_silence_is_skipped(audio) -> None:
    assert choose_cut(audio[: 10 * SAMPLE_RATE], WindowOptions()) is None
    silence = np.zeros(20 * SAMPLE_RATE, dtype=np.float32)
    assert choose_cut(silence, WindowOptions()) == (len(silence), True)


def test_speech_without_a_pause_is_cut_at_max_window(audio) -> None:
    pauses = find_pauses(audio, 0.3)
    assert pauses is not None and len(pauses) >= 10
    keep = np.ones(len(audio), dtype=bool)
    for a, b in pauses:
        keep[a:b] = False
    talk = audio[keep]  # the same speech with every pause taken out
    assert len(talk) >= 30 * SAMPLE_RATE
    assert choose_cut(talk[: 26 * SAMPLE_RATE], WindowOptions()) is None
    cut = choose_cut(talk[: 30 * SAMPLE_RATE], WindowOptions())
    assert cut is not None and not cut.silent and 20 * SAMPLE_RATE <= cut.at <= 28 * SAMPLE_RATE


def test_pieces_in_give_stream_timed_sentences(audio, sentences, model_dir, asr_options, catalog_terms) -> None:
    inc = IncrementalTranscriber(asr_options, model_dir=model_dir, hotwords=catalog_terms)
    first = inc.add_audio(audio[: 20 * SAMPLE_RATE], at_s=0.0)
    assert first and inc.covered_s < 20 and not inside_a_sentence(inc.covered_s, sentences)
    inc.add_audio(audio[20 * SAMPLE_RATE: 40 * SAMPLE_RATE], at_s=20.0)
    inc.finish()
    t = inc.transcript()
    assert t.duration == pytest.approx(40.0, abs=0.01) and t.meta["incremental"] and t.meta["windows"] >= 2
    previous_end = 0.0
    for s in t.segments:
        assert previous_end <= s.start <= s.end <= 40.0 and s.text == "".join(w.word for w in s.words)
        previous_end = s.end
    truth = "".join(s["text"] for s in sentences if (s["start"] + s["end"]) / 2 < 40)
    assert cer(truth, t.text) <= 0.2
