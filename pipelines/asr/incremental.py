"""Incremental transcription: audio arrives in pieces (a live stream's closed segments) and the
Simplified-Chinese transcript grows, in the same shape `transcribe()` returns.

Audio is buffered until it holds at least `min_window_s`; the window then ends in a pause found
by Silero VAD (the longest pause in its last `search_s`, at most `max_window_s` from its start),
and the audio after that pause is carried over to the next window, so no sentence is cut between
two windows. A window that reaches `max_window_s` without a pause is cut at its quietest point,
as the batch pipeline does. Each window goes through the batch pipeline's own pieces: `decode_window`, `clean_words`,
`punctuate`, `build_sentences` and the correction passes (catalog glossary, then domain), with times
shifted to the stream.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

import numpy as np
from faster_whisper.vad import VadOptions, get_speech_timestamps
from pydantic import BaseModel, ConfigDict, Field

from pipelines.asr.audio import SAMPLE_RATE, AudioWindow, iter_pcm, quietest_cut
from pipelines.asr.correction import correct_all
from pipelines.asr.decode import DecodeRequest, decode_window
from pipelines.asr.model import get_whisper, resolve_model_path
from pipelines.asr.options import TranscribeOptions
from pipelines.asr.prompt import decoder_hotwords, initial_prompt
from pipelines.asr.sentences import SentenceRules, build_sentences, clamp_times, clean_words, punctuate
from pipelines.transcript import Correction, Segment, Transcript

ALIGN_TOLERANCE_S = 0.02  # audio placed at its stated position when it drifts further than this


class WindowOptions(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    min_window_s: float = Field(15.0, ge=2)
    """A window is transcribed once the buffer holds this much audio."""
    max_window_s: float = Field(28.0, ge=5, le=30)
    """Longest window (whisper decodes 30 s at a time); with no pause in it, cut at its quietest point."""
    search_s: float = Field(8.0, ge=1)
    """The cut is the longest pause in the window's last this-many seconds (else its last pause)."""
    min_pause_s: float = Field(0.3, gt=0)
    """Silence at least this long (Silero VAD) counts as a pause."""


def find_pauses(samples: np.ndarray, min_pause_s: float) -> list[tuple[int, int]] | None:
    """Silences of at least `min_pause_s` as (start, end) sample indexes; None when there is no speech."""
    vad = VadOptions(min_silence_duration_ms=int(min_pause_s * 1000), speech_pad_ms=0)
    speech = get_speech_timestamps(samples, vad, sampling_rate=SAMPLE_RATE)
    if not speech:
        return None
    bounds = [(0, speech[0]["start"])] + [(a["end"], b["start"]) for a, b in zip(speech, speech[1:])]
    bounds.append((speech[-1]["end"], len(samples)))
    least = int(min_pause_s * SAMPLE_RATE)
    return [(a, b) for a, b in bounds if b - a >= least]


class Cut(NamedTuple):
    at: int  # sample index where the window ends
    silent: bool  # VAD heard no speech in the whole buffer: skip whisper


def choose_cut(samples: np.ndarray, rules: WindowOptions) -> Cut | None:
    """Where the next window ends, or None to wait for more audio. A window is at most
    `max_window_s` long: whisper decodes 30 s at a time, and a longer window would be split
    inside whisper wherever its 30 s run out, not in a pause."""
    n, rate = len(samples), SAMPLE_RATE
    if n < rules.min_window_s * rate:
        return None
    pauses = find_pauses(samples, rules.min_pause_s)
    if pauses is None:
        return Cut(n, True)
    limit = min(n, int(rules.max_window_s * rate))
    usable = [(a, b) for a, b in pauses if rules.min_window_s * rate <= (a + b) // 2 <= limit]
    recent = [(a, b) for a, b in usable if (a + b) // 2 >= limit - rules.search_s * rate]
    if recent or usable:
        a, b = max(recent, key=lambda p: p[1] - p[0]) if recent else usable[-1]
        return Cut((a + b) // 2, False)
    if n >= rules.max_window_s * rate:
        return Cut(quietest_cut(samples[:limit], limit - int(rules.search_s * rate)), False)
    return None


class IncrementalTranscriber:
    """Feed audio with add_file()/add_audio(), call finish() at the end; transcript() any time (thread-safe)."""

    def __init__(self, options: TranscribeOptions, *, model_dir: Path, hotwords: Sequence[str] = (),
                 windows: WindowOptions | None = None, knowledge: Sequence[str] = ()) -> None:
        self.options, self.hotwords, self.knowledge = options, list(hotwords), tuple(knowledge)
        self.windows = windows or WindowOptions()
        self.model_path = resolve_model_path(options, model_dir)
        self.model = get_whisper(self.model_path, options.device, options.compute_type, options.threads)
        language = None if options.language in (None, "auto") else options.language
        self.request = DecodeRequest(options, False, language, initial_prompt(options),
                                     decoder_hotwords(options, hotwords, self.model))
        self.rules = SentenceRules(options.clause_pause_s, options.sentence_pause_s, options.max_sentence_s)
        self._buffer = np.zeros(0, dtype=np.float32)
        self._offset_s = 0.0  # stream time of the buffer's first sample
        self._segments: list[Segment] = []
        self._corrections: list[Correction] = []
        self.window_count = 0
        self.timings = {"audio_decode_s": 0.0, "vad_s": 0.0, "whisper_s": 0.0, "postprocess_s": 0.0}
        self._lock = threading.Lock()

    @property
    def covered_s(self) -> float:
        """Stream time up to which the transcript is final."""
        return self._offset_s

    @property
    def received_s(self) -> float:
        return self._offset_s + len(self._buffer) / SAMPLE_RATE

    def add_file(self, path: Path, at_s: float | None = None) -> list[Segment]:
        """Add a media file's audio (starting at stream time `at_s`, default: right after the last)."""
        started = time.perf_counter()
        chunks = list(iter_pcm(path))
        samples = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.float32)
        self.timings["audio_decode_s"] += time.perf_counter() - started
        return self.add_audio(samples, at_s)

    def add_audio(self, samples: np.ndarray, at_s: float | None = None) -> list[Segment]:
        """Add 16 kHz mono float32 audio; returns the sentences made final by it."""
        self._buffer = np.concatenate([self._buffer, self._aligned(samples, at_s)])
        new: list[Segment] = []
        while (cut := self._choose_cut()) is not None:
            new += self._transcribe(cut)
        return new

    def finish(self) -> list[Segment]:
        """Transcribe what is left in the buffer (end of stream)."""
        if not len(self._buffer):
            return []
        silent = find_pauses(self._buffer, self.windows.min_pause_s) is None
        return self._transcribe(Cut(len(self._buffer), silent))

    def _aligned(self, samples: np.ndarray, at_s: float | None) -> np.ndarray:
        """Pad or trim so the audio lands at `at_s` (segment durations and decoded lengths differ by ms)."""
        if at_s is None:
            return samples.astype(np.float32, copy=False)
        shift = int(round((at_s - self.received_s) * SAMPLE_RATE))
        if abs(shift) <= ALIGN_TOLERANCE_S * SAMPLE_RATE:
            return samples
        if shift > 0:
            return np.concatenate([np.zeros(shift, dtype=np.float32), samples])
        return samples[-shift:]

    def _choose_cut(self) -> Cut | None:
        started = time.perf_counter()
        cut = choose_cut(self._buffer, self.windows)
        self.timings["vad_s"] += time.perf_counter() - started
        return cut

    def _transcribe(self, cut: Cut) -> list[Segment]:
        window = AudioWindow(self._offset_s, self._buffer[:cut.at])
        self._buffer, self._offset_s = self._buffer[cut.at:], window.end_s
        if cut.silent:
            return []
        started = time.perf_counter()
        result = decode_window(window, self.request, self.model)
        self.timings["whisper_s"] += time.perf_counter() - started
        if not result.words:
            return []
        self.request.language = self.request.language or result.language
        started = time.perf_counter()
        words = punctuate(clean_words(result.words), self.rules, result.breaks)
        segments = build_sentences(clamp_times(words, window.end_s), self.rules) if words else []
        segments, corrections = correct_all(segments, self.options, self.hotwords, self.knowledge)
        self.timings["postprocess_s"] += time.perf_counter() - started
        with self._lock:
            self.window_count += 1
            self._segments += segments
            self._corrections += corrections
        return segments

    def transcript(self) -> Transcript:
        """A snapshot of the transcript so far (duration: the stream time it covers)."""
        with self._lock:
            segments, corrections = list(self._segments), list(self._corrections)
        busy = sum(self.timings.values())
        meta = {"model": Path(self.model_path).name, "model_path": self.model_path, "language": self.request.language,
                "batched": False, "beam_size": self.options.beam_size, "hotwords": self.hotwords,
                "decoder_hotwords": self.request.hotwords, "initial_prompt": self.request.initial_prompt,
                "incremental": True, "windows": self.window_count,
                "timings": {k: round(v, 3) for k, v in self.timings.items()},
                "rtf": round(busy / max(self.covered_s, 1e-6), 4)}
        return Transcript(self.request.language or "", round(self.covered_s, 3), segments, corrections, meta)

