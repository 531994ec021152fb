"""transcribe(path, options) -> Transcript: windowed whisper, sentences, catalog corrections."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from faster_whisper import BatchedInferencePipeline, WhisperModel

from pipelines.asr.audio import AudioWindow, iter_windows
from pipelines.asr.checkpoint import WindowCheckpoint
from pipelines.asr.correction import correct_all
from pipelines.asr.decode import DecodeRequest, WindowResult, decode_window
from pipelines.asr.model import get_batched, get_whisper, resolve_model_path
from pipelines.asr.options import TranscribeOptions
from pipelines.asr.progress import Progress, ProgressFn
from pipelines.asr.prompt import decoder_hotwords, initial_prompt
from pipelines.asr.sentences import SentenceRules, build_sentences, clamp_times, clean_words, punctuate
from pipelines.media import probe
from pipelines.transcript import Correction, Segment, Transcript, Word

Model = WhisperModel | BatchedInferencePipeline


def use_batched(options: TranscribeOptions, duration_s: float) -> bool:
    """The `batched="auto"` rule: batched decoding from `batched_min_s` on (it needs VAD chunks)."""
    if options.batched == "auto":
        return duration_s >= options.batched_min_s
    return bool(options.batched)


def _timed(windows: Iterator[AudioWindow], timings: dict[str, float]) -> Iterator[AudioWindow]:
    """Count the time spent decoding audio separately from the time spent in whisper."""
    while True:
        started = time.perf_counter()
        window = next(windows, None)
        timings["audio_decode_s"] += time.perf_counter() - started
        if window is None:
            return
        yield window


def _decode_all(path: Path, options: TranscribeOptions, request: DecodeRequest, model: Model, progress: Progress,
                timings: dict[str, float], checkpoint: WindowCheckpoint | None) -> tuple[list[Word], str | None]:
    rules = _rules(options)
    words: list[Word] = []
    windows = _timed(iter_windows(path, options.chunk_s, options.cut_search_s), timings)
    for index, window in enumerate(windows):
        if checkpoint and (saved := checkpoint.load(index, window.offset_s)):
            words.extend(saved[0])
            request.language = request.language or saved[1]
            progress.at_time(window.end_s, "transcribing")
            continue
        progress.at_time(window.offset_s, "decoding")
        started = time.perf_counter()
        result: WindowResult = decode_window(window, request, model, lambda t: progress.at_time(t, "transcribing"))
        timings["whisper_s"] += time.perf_counter() - started
        request.language = request.language or result.language
        decoded = punctuate(clean_words(result.words), rules, result.breaks)
        if checkpoint:
            checkpoint.save(index, window.offset_s, decoded, request.language)
        words.extend(decoded)
        progress.at_time(window.end_s, "transcribing")
    return words, request.language


def _rules(options: TranscribeOptions) -> SentenceRules:
    return SentenceRules(options.clause_pause_s, options.sentence_pause_s, options.max_sentence_s)


def _postprocess(
    words: list[Word], duration: float, options: TranscribeOptions, hotwords: Sequence[str],
    knowledge: Sequence[str] = (),
) -> tuple[list[Segment], list[Correction]]:
    """Sentences, then the catalog pass (product names), then the domain pass (everything else)."""
    segments: list[Segment] = build_sentences(clamp_times(words, duration), _rules(options)) if words else []
    return correct_all(segments, options, hotwords, knowledge)


def transcribe(
    path: Path,
    options: TranscribeOptions,
    *,
    model_dir: Path,
    hotwords: Sequence[str] = (),
    knowledge: Sequence[str] = (),
    progress: ProgressFn | None = None,
    checkpoint: WindowCheckpoint | None = None,
) -> Transcript:
    """Transcribe `path` into Simplified-Chinese sentence segments with word times.

    `hotwords` are catalog product names plus any per-request terms; they drive the phonetic
    correction pass (and the decoder when `options.decoder_hotwords`); `knowledge` (the tenant's
    recipes, FAQ and product texts) teaches the domain pass its words. Raises MediaError for
    unusable media and ModelUnavailable when the model cannot be loaded. With a `checkpoint`, windows it
    holds are not decoded again and each newly decoded window is saved to it.
    """
    started = time.perf_counter()
    duration = probe(path).duration_s
    batched = use_batched(options, duration) and options.vad_filter
    model_path = resolve_model_path(options, model_dir)
    model = (get_batched if batched else get_whisper)(model_path, options.device, options.compute_type, options.threads)
    language = None if options.language in (None, "auto") else options.language
    request = DecodeRequest(options, batched, language, initial_prompt(options), decoder_hotwords(options, hotwords, model))
    tracker, timings = Progress(duration, progress), {"audio_decode_s": 0.0, "whisper_s": 0.0}
    words, language = _decode_all(path, options, request, model, tracker, timings, checkpoint)
    tracker.report(tracker.fraction, "correcting")
    post_started = time.perf_counter()
    segments, corrections = _postprocess(words, duration, options, hotwords, knowledge)
    timings["postprocess_s"] = time.perf_counter() - post_started
    timings["total_s"] = time.perf_counter() - started
    tracker.report(1.0, "done")
    meta = {"model": Path(model_path).name, "model_path": model_path, "language": language, "batched": batched,
            "beam_size": options.beam_size, "hotwords": list(hotwords), "decoder_hotwords": request.hotwords,
            "initial_prompt": request.initial_prompt, "timings": {k: round(v, 3) for k, v in timings.items()},
            "rtf": round(timings["total_s"] / max(duration, 1e-6), 4)}
    return Transcript(language=language or "", duration=duration, segments=segments, corrections=corrections, meta=meta)
