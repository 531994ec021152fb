"""Benchmark the transcription pipeline against bare faster-whisper, and batched vs sequential.

    .venv/bin/python benchmarks/transcribe.py [--long-minutes 30] [--skip-long | --long-only] [--repeat 1]

Same model instance, same files, same run. For each file: audio seconds, wall seconds, real-time
factor, peak RSS during the run (sampled), and pipeline/bare wall ratio (target <= 1.05). Then a
looped long file (built with ffmpeg at run time) through the pipeline sequentially and batched.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipelines.asr import TranscribeOptions, catalog_hotwords, get_whisper, transcribe  # noqa: E402
from pipelines.asr.model import resolve_model_path  # noqa: E402
from pipelines.catalog import load_catalog  # noqa: E402
from pipelines.media import probe  # noqa: E402

SHARED = REPO.parent / "shared"
MEDIA = SHARED / "media"
MODEL_DIR = REPO / "var" / "models"
LONG_SOURCE = MEDIA / "long" / "funasr_vad_example_70s.wav"


class PeakRSS:
    """Samples this process's RSS in a thread; `.peak_mb` is the highest seen while active."""

    def __init__(self, interval_s: float = 0.05) -> None:
        self.interval_s, self.peak = interval_s, 0
        self._stop = threading.Event()
        self._proc = psutil.Process()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._proc.memory_info().rss)
            time.sleep(self.interval_s)

    def __enter__(self) -> PeakRSS:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._proc.memory_info().rss)

    @property
    def peak_mb(self) -> float:
        return self.peak / 2**20


def measure(run: Callable[[], object]) -> tuple[float, float]:
    with PeakRSS() as rss:
        started = time.perf_counter()
        run()
        wall = time.perf_counter() - started
    return wall, rss.peak_mb


def bare_run(path: Path, options: TranscribeOptions) -> Callable[[], object]:
    model = get_whisper(resolve_model_path(options, MODEL_DIR), options.device, options.compute_type, options.threads)

    def run() -> object:
        segments, _ = model.transcribe(str(path), language=options.language, beam_size=options.beam_size,
                                       vad_filter=options.vad_filter, word_timestamps=True)
        return list(segments)

    return run


def pipeline_run(path: Path, options: TranscribeOptions, hotwords: list[str]) -> Callable[[], object]:
    return lambda: transcribe(path, options, model_dir=MODEL_DIR, hotwords=hotwords)


def row(name: str, audio_s: float, wall: float, peak: float, extra: str = "") -> None:
    print(f"{name:<44} {audio_s:>8.1f} {wall:>8.2f} {wall / audio_s:>7.3f} {peak:>9.0f}  {extra}", flush=True)


def header(title: str) -> None:
    print(f"\n{title}\n{'run':<44} {'audio s':>8} {'wall s':>8} {'RTF':>7} {'peak MB':>9}", flush=True)


def compare_short(files: list[Path], hotwords: list[str], repeat: int) -> None:
    options = TranscribeOptions(batched=False)
    header("pipeline vs bare WhisperModel.transcribe (sequential, beam 5, VAD, word timestamps)")
    bare_total = pipe_total = 0.0
    for path in files:
        audio_s = probe(path).duration_s
        bare = min((measure(bare_run(path, options)) for _ in range(repeat)), key=lambda r: r[0])
        pipe = min((measure(pipeline_run(path, options, hotwords)) for _ in range(repeat)), key=lambda r: r[0])
        bare_total, pipe_total = bare_total + bare[0], pipe_total + pipe[0]
        row(f"bare      {path.name}", audio_s, *bare)
        row(f"pipeline  {path.name}", audio_s, *pipe, f"ratio {pipe[0] / bare[0]:.3f}")
    print(f"overall pipeline/bare wall ratio: {pipe_total / bare_total:.3f} (target <= 1.05)", flush=True)


def build_long(minutes: float, folder: Path) -> Path:
    import imageio_ffmpeg

    out = folder / f"looped_{int(minutes)}min.wav"
    subprocess.run([imageio_ffmpeg.get_ffmpeg_exe(), "-v", "error", "-y", "-stream_loop", "-1", "-i",
                    str(LONG_SOURCE), "-t", str(minutes * 60), "-ac", "1", "-ar", "16000", str(out)], check=True)
    return out


def compare_batched(minutes: float, hotwords: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = build_long(minutes, Path(tmp))
        audio_s = probe(path).duration_s
        header(f"{minutes:.0f}-minute looped file: sequential vs BatchedInferencePipeline (windows of 10 min)")
        results = {}
        for batched in (False, True):
            wall, peak = measure(pipeline_run(path, TranscribeOptions(batched=batched), hotwords))
            results[batched] = wall
            row(f"pipeline  batched={batched}", audio_s, wall, peak)
        faster = "batched" if results[True] < results[False] else "sequential"
        print(f"faster on the long file: {faster} (sequential/batched = {results[False] / results[True]:.2f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--long-minutes", type=float, default=30.0)
    parser.add_argument("--skip-long", action="store_true")
    parser.add_argument("--long-only", action="store_true")
    parser.add_argument("--repeat", type=int, default=1, help="best of N runs per short file")
    args = parser.parse_args()
    hotwords = catalog_hotwords(load_catalog(SHARED / "knowledge" / "products.csv"))
    files = sorted((MEDIA / "asr").glob("*.wav")) + [MEDIA / "stream" / "stream.mp4", LONG_SOURCE]
    get_whisper(resolve_model_path(TranscribeOptions(), MODEL_DIR), "cpu", "int8", 2)  # load outside timings
    transcribe(files[0], TranscribeOptions(), model_dir=MODEL_DIR, hotwords=hotwords)  # warm jieba/pypinyin
    if not args.long_only:
        compare_short(files, hotwords, args.repeat)
    if not args.skip_long:
        compare_batched(args.long_minutes, hotwords)


if __name__ == "__main__":
    main()
