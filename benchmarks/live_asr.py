"""Live transcription benchmark: does it keep up with a real-time stream on 2 cores, and is it as good as batch?

    .venv/bin/python benchmarks/live_asr.py [--loops 1] [--segment-s 20] [--batch-cache FILE] [--skip-batch] [--save FILE]

Plays ../shared/media/stream3/stream.mp4 (looped `--loops` times) as a live HLS stream on loopback
(ffmpeg -re, 2 s segments, keyframes every 2 s), records it with the live recorder and transcribes
each closed segment as it arrives, with the sample catalog as hotwords. Prints: lag behind the live
edge (worst and mean, measured just before each transcript update), the real-time factor of the
transcription work, this process's CPU share while live (the -re producer excluded: it stands in for
the leader's encoder), seconds from end of stream to final transcript, and CER against the script
for the live transcript and for batch `transcribe()` on the same file in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipelines.asr import TranscribeOptions, catalog_hotwords, cer, transcribe  # noqa: E402
from pipelines.asr.incremental import IncrementalTranscriber  # noqa: E402
from pipelines.catalog import load_catalog  # noqa: E402
from pipelines.live import LiveOptions, LiveTranscription, start_recording  # noqa: E402
from pipelines.media import probe  # noqa: E402
from pipelines.transcript import Transcript  # noqa: E402
from tests.utils.live_source import HlsProducer, LoopbackServer, make_live_source  # noqa: E402

SHARED = REPO.parent / "shared"
STREAM3 = SHARED / "media" / "stream3"
MODEL_DIR = Path(os.environ.get("WUTONG_MODEL_DIR", REPO / "var" / "models"))


def looped_source(work: Path, loops: int) -> Path:
    import subprocess

    from pipelines.clips.ffmpeg import ffmpeg_exe

    looped = work / "looped.mp4"
    subprocess.run([ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", "-stream_loop", str(loops - 1),
                    "-i", str(STREAM3 / "stream.mp4"), "-c", "copy", str(looped)], check=True)
    return make_live_source(looped, probe(looped).duration_s + 1, work / "live.mp4")


def truth(loops: int) -> str:
    return "".join(s["text"] for s in json.loads((STREAM3 / "script_truth.json").read_text("utf-8"))) * loops


def lags(asr: LiveTranscription, t0: float, duration: float) -> list[float]:
    covered, out = 0.0, []
    for p in asr.progress:
        out.append(min(p.wall_time - t0, duration) - covered)
        covered = p.covered_s
    return out


def cpu_seconds(proc: psutil.Process, exclude: int) -> float:
    total = sum(proc.cpu_times()[:2])
    for child in proc.children(recursive=True):
        if child.pid != exclude:
            try:
                total += sum(child.cpu_times()[:2])
            except psutil.NoSuchProcess:
                pass
    return total


def run_live(source: Path, work: Path, options: TranscribeOptions, hotwords: list[str], segment_s: float) -> dict:
    asr = LiveTranscription(IncrementalTranscriber(options, model_dir=MODEL_DIR, hotwords=hotwords))
    me = psutil.Process()
    t0 = time.time()
    producer = HlsProducer(source, work / "hls")
    server = LoopbackServer(work / "hls")
    while not producer.playlist.exists():
        time.sleep(0.1)
    server.start()
    cpu0 = cpu_seconds(me, producer.proc.pid)
    live = LiveOptions(allowed_hosts=("127.0.0.1",), segment_s=segment_s, min_free_mb=200, poll_s=0.5)
    recorder = start_recording(server.url("live.m3u8"), work / "rec", live, asr)
    producer.proc.wait()
    ended_wall = time.time()
    cpu_live = cpu_seconds(me, producer.proc.pid) - cpu0
    recorder.wait(120)
    transcript = asr.finish()
    ready_wall = time.time()
    server.stop()
    duration = probe(source).duration_s
    worst = lags(asr, t0, duration)
    return {"transcript": transcript, "duration": duration, "max_lag": max(worst), "mean_lag": sum(worst) / len(worst),
            "cpu_share": cpu_live / (ended_wall - t0) / (os.cpu_count() or 1), "tail_s": ready_wall - ended_wall,
            "recorder": recorder.status()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loops", type=int, default=1)
    parser.add_argument("--segment-s", type=float, default=20.0)
    parser.add_argument("--batch-cache", type=Path, help="reuse a batch transcript JSON (1 loop only)")
    parser.add_argument("--skip-batch", action="store_true")
    parser.add_argument("--save", type=Path, help="write the live transcript (JSON) here")
    args = parser.parse_args()
    options = TranscribeOptions()
    hotwords = catalog_hotwords(load_catalog(SHARED / "knowledge" / "products.csv"))
    reference = truth(args.loops)
    with tempfile.TemporaryDirectory(prefix="wutong-live-") as tmp:
        work = Path(tmp)
        source = looped_source(work, args.loops)
        print(f"stream: {probe(source).duration_s:.0f} s ({args.loops} x stream3), segments {args.segment_s:g} s, "
              f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
        live = run_live(source, work, options, hotwords, args.segment_s)
        t: Transcript = live["transcript"]
        if args.save:
            args.save.write_text(json.dumps(t.to_dict(), ensure_ascii=False), encoding="utf-8")
        print(f"live   CER {cer(reference, t.text):.4f}  rtf {t.meta['rtf']:.3f}  windows {t.meta['windows']}  "
              f"max lag {live['max_lag']:.1f} s  mean lag {live['mean_lag']:.1f} s  "
              f"CPU share while live {live['cpu_share']:.0%}  final transcript {live['tail_s']:.1f} s after the end")
        print(f"       recorder: {live['recorder'].segments} segments, {live['recorder'].recorded_s:.1f} s, "
              f"gaps {len(live['recorder'].gaps)}")
        if args.skip_batch:
            return
        if args.batch_cache and args.batch_cache.exists() and args.loops == 1:
            batch = Transcript.from_dict(json.loads(args.batch_cache.read_text("utf-8")))
        else:
            batch = transcribe(source, options, model_dir=MODEL_DIR, hotwords=hotwords)
        print(f"batch  CER {cer(reference, batch.text):.4f}  rtf {batch.meta['rtf']:.3f}  "
              f"(transcribe() on the whole file after the stream: {batch.meta['timings']['total_s']:.1f} s)")


if __name__ == "__main__":
    main()
