"""Benchmark the transcription pipeline against bare faster-whisper, and batched vs sequential;
CER raw / catalog only / full correction on both dev streams and the real clips.

    .venv/bin/python benchmarks/transcribe.py [--long-minutes 30] [--skip-long | --long-only] [--repeat 1]
    .venv/bin/python benchmarks/transcribe.py --correction-only

Same model instance, same files, same run. For each file: audio seconds, wall seconds, real-time
factor, peak RSS during the run (sampled), and pipeline/bare wall ratio (target <= 1.05). Then a
looped long file (built with ffmpeg at run time) through the pipeline sequentially and batched.
"""

from __future__ import annotations

import argparse
import csv
import json
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

from pipelines.asr import TranscribeOptions, catalog_hotwords, cer, corpus_cer, get_whisper, transcribe  # noqa: E402
from pipelines.asr.decode import DecodeRequest  # noqa: E402
from pipelines.asr.model import resolve_model_path  # noqa: E402
from pipelines.asr.pipeline import _decode_all, _postprocess  # noqa: E402
from pipelines.asr.progress import Progress  # noqa: E402
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


def knowledge_texts(catalog_csv: Path, recipes: Path) -> list[str]:
    """A tenant's knowledge as the service passes it: product fact sheets and recipe documents."""
    texts = [p.describe() for p in load_catalog(catalog_csv)]
    return texts + [p.read_text(encoding="utf-8") for p in sorted(recipes.rglob("*.md"))
                    if not p.name.startswith(("README", "LICENSE"))]


def decode_once(path: Path) -> tuple[list, float, float]:
    """Whisper once per file (words, duration, whisper seconds); the passes below reuse the words."""
    options, duration = TranscribeOptions(), probe(path).duration_s
    model = get_whisper(resolve_model_path(options, MODEL_DIR), "cpu", "int8", options.threads)
    started = time.perf_counter()
    words, _ = _decode_all(path, options, DecodeRequest(options, False, "zh"), model, Progress(duration, None),
                           {"audio_decode_s": 0.0, "whisper_s": 0.0})
    return words, duration, time.perf_counter() - started


def three_ways(words: list, duration: float, hotwords: list[str], knowledge: list[str]) -> tuple[list[str], float]:
    """Text raw / catalog only / full correction, and the full pass's seconds (vocabulary build included)."""
    texts, seconds = [], 0.0
    for catalog, domain in ((False, False), (True, False), (True, True)):
        options = TranscribeOptions(correct_terms=catalog, correct_domain=domain)
        started = time.perf_counter()
        segments, _ = _postprocess(words, duration, options, hotwords, knowledge)
        seconds = time.perf_counter() - started
        texts.append("".join(s.text for s in segments))
    return texts, seconds


def compare_correction() -> None:
    shared_kb = knowledge_texts(SHARED / "knowledge" / "products.csv", SHARED / "knowledge" / "recipes")
    seed = REPO / "knowledge" / "seed"
    seed_kb = knowledge_texts(seed / "catalog.csv", seed / "recipes")
    shared_hw = catalog_hotwords(load_catalog(SHARED / "knowledge" / "products.csv"))
    seed_hw = catalog_hotwords(load_catalog(seed / "catalog.csv"))
    runs = [("stream", "stream", shared_hw, shared_kb), ("stream3", "stream3", shared_hw, shared_kb),
            ("stream + seed catalog", "stream", seed_hw, seed_kb)]
    print(f"\n{'CER':<24} {'raw':>7} {'catalog':>8} {'full':>7}   correction share of wall", flush=True)
    decoded: dict[str, tuple] = {}
    for label, folder, hotwords, knowledge in runs:
        decoded.setdefault(folder, decode_once(MEDIA / folder / "stream.mp4"))
        words, duration, whisper_s = decoded[folder]
        truth = "".join(s["text"] for s in json.loads((MEDIA / folder / "script_truth.json").read_text("utf-8")))
        texts, seconds = three_ways(words, duration, hotwords, knowledge)
        rates = [cer(truth, t) for t in texts]
        print(f"{label:<24} {rates[0]:>7.4f} {rates[1]:>8.4f} {rates[2]:>7.4f}   "
              f"{seconds:.2f} s of {whisper_s + seconds:.1f} s ({seconds / (whisper_s + seconds):.1%})", flush=True)
    with (MEDIA / "asr" / "transcripts.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    pairs: list[list[tuple[str, str]]] = [[], [], []]
    for row in rows:
        words, duration, _ = decode_once(MEDIA / "asr" / row["file"])
        for i, text in enumerate(three_ways(words, duration, shared_hw, shared_kb)[0]):
            pairs[i].append((row["text_normalized"], text))
    rates = [corpus_cer(p) for p in pairs]
    print(f"{'media/asr clips':<24} {rates[0]:>7.4f} {rates[1]:>8.4f} {rates[2]:>7.4f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--long-minutes", type=float, default=30.0)
    parser.add_argument("--skip-long", action="store_true")
    parser.add_argument("--long-only", action="store_true")
    parser.add_argument("--repeat", type=int, default=1, help="best of N runs per short file")
    parser.add_argument("--correction-only", action="store_true", help="only the CER table of the correction passes")
    args = parser.parse_args()
    compare_correction()
    if args.correction_only:
        return
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
