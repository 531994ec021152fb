"""Run whisper on one audio window and return its timed words, shifted to file time."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from faster_whisper import BatchedInferencePipeline, WhisperModel

from pipelines.asr.audio import AudioWindow
from pipelines.asr.options import TranscribeOptions
from pipelines.transcript import Word


@dataclass
class DecodeRequest:
    """What stays the same for every window of one file."""

    options: TranscribeOptions
    batched: bool
    language: str | None
    initial_prompt: str | None = None
    hotwords: str | None = None


@dataclass
class WindowResult:
    words: list[Word] = field(default_factory=list)
    breaks: set[int] = field(default_factory=set)  # indexes of words ending a whisper segment
    language: str | None = None


def _kwargs(request: DecodeRequest) -> dict:
    o = request.options
    kwargs = dict(language=request.language, beam_size=o.beam_size, vad_filter=o.vad_filter or request.batched,
                  word_timestamps=True, initial_prompt=request.initial_prompt, hotwords=request.hotwords)
    if request.batched:
        kwargs["batch_size"] = o.batch_size
    return kwargs


def decode_window(
    window: AudioWindow,
    request: DecodeRequest,
    model: WhisperModel | BatchedInferencePipeline,
    on_time: Callable[[float], None] | None = None,
) -> WindowResult:
    """Transcribe one window; `on_time` gets the file time reached after each whisper segment."""
    segments, info = model.transcribe(window.samples, **_kwargs(request))
    result = WindowResult(language=info.language)
    for segment in segments:
        result.words.extend(_shift(segment.words or [], window.offset_s))
        if result.words:
            result.breaks.add(len(result.words) - 1)
        if on_time:
            on_time(window.offset_s + segment.end)
    return result


def _shift(words: Sequence, offset: float) -> list[Word]:
    return [Word(float(offset + w.start), float(offset + w.end), w.word, round(float(w.probability), 4)) for w in words]
