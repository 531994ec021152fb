"""The after-stream kit: how long after the end of a stream is each artefact ready, live vs upload-after?

    .venv/bin/python benchmarks/kit.py [--loops 1] [--clips 5] [--segment-s 20] [--only live|upload]

Plays ../shared/media/stream3/stream.mp4 (looped `--loops` times: 8 loops is a 31-minute stream) two
ways through the real service in-process, on the sample catalog:
- **live**: served as a live HLS playlist on loopback (ffmpeg -re), recorded with POST /v1/live; the
  transcript grows during the stream and the kit is queued when the playlist ends;
- **upload-after** (the baseline, measured in the same run): the same file uploaded when the stream
  ends, then POST /v1/recordings/{id}/kit.
For each it prints seconds from the end of the stream to the transcript, the highlights, each clip and
the copy (follow-up and captions), and, for live, this process's CPU share while the stream played
(the -re producer excluded: it stands in for the leader's encoder) and the transcript's worst lag,
and what scoring highlight candidates during the stream cost (runs, CPU seconds of its thread, the
costliest run; `--score-every-s` sets the throttle, WUTONG_LIVE__SCORE_EVERY_S in the service).
`--score-cost` only times one scoring of stream3's own script (looped `--loops` times, with its
comments) as the live scorer runs it, without the service: the cost of one rescore at that length.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from fastapi.testclient import TestClient  # noqa: E402

from app.config import Settings  # noqa: E402
from app.main import create_app  # noqa: E402
from pipelines.clips import ClipOptions  # noqa: E402
from pipelines.clips.ffmpeg import ffmpeg_exe  # noqa: E402
from pipelines.live import LiveOptions  # noqa: E402
from pipelines.media import probe  # noqa: E402
from tests.utils.live_source import HlsProducer, LoopbackServer, make_live_source  # noqa: E402

SHARED = REPO.parent / "shared"
STREAM3 = SHARED / "media" / "stream3" / "stream.mp4"
MODEL_DIR = Path(os.environ.get("WUTONG_MODEL_DIR", REPO / "var" / "models"))


def source_file(work: Path, loops: int) -> Path:
    looped = work / "looped.mp4"
    subprocess.run([ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", "-stream_loop", str(loops - 1),
                    "-i", str(STREAM3), "-c", "copy", str(looped)], check=True)
    return make_live_source(looped, probe(looped).duration_s + 1, work / "source.mp4")


def service(data_dir: Path, segment_s: float, score_every_s: float = 30.0) -> TestClient:
    live = LiveOptions(allowed_hosts=("127.0.0.1",), segment_s=segment_s, min_free_mb=0, end_grace_s=0.0,
                       poll_s=0.5, score_every_s=score_every_s)
    settings = Settings(data_dir=data_dir, model_dir=MODEL_DIR, default_api_key="k", seed_knowledge=False, live=live,
                        clips=ClipOptions(width=720, height=1280))
    client = TestClient(create_app(settings))
    client.__enter__()
    client.headers["Authorization"] = "Bearer k"
    with (SHARED / "knowledge" / "products.csv").open("rb") as fh:
        client.post("/v1/knowledge/documents", files={"file": ("products.csv", fh)}).raise_for_status()
    return client


def watch_kit(client: TestClient, rec_id: str, ended: float, clips: int, timeout: float = 3600) -> dict[str, float]:
    """Seconds from `ended` to each artefact, polling GET /v1/recordings/{id}/kit as the console would."""
    seen: dict[str, float] = {}
    deadline = time.time() + timeout
    while time.time() < deadline:
        kit = client.get(f"/v1/recordings/{rec_id}/kit").json()
        mark = lambda name, ok: seen.setdefault(name, round(time.time() - ended, 1)) if ok else None  # noqa: E731
        mark("transcript", kit["transcribed"])
        mark("highlights", kit["highlights"])
        for i, _ in enumerate(kit["clips"], 1):
            mark(f"clip {i}", True)
        mark("follow-up", kit["follow_up"])
        mark("captions", kit["clips"] and all(c["caption"] for c in kit["clips"]))
        job = kit["job"] or {}
        if job.get("status") in ("succeeded", "failed"):
            mark("kit done", True)
            return seen
        time.sleep(0.5)
    return seen


def run_upload(client: TestClient, source: Path, clips: int) -> dict[str, float]:
    ended = time.time()
    rec = client.post("/v1/recordings", files={"file": ("stream.mp4", source.read_bytes())}).json()
    client.post(f"/v1/recordings/{rec['id']}/kit", json={"clips": clips}).raise_for_status()
    return watch_kit(client, rec["id"], ended, clips)


def wait_for(predicate: Callable[[], object], timeout: float) -> object:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if value := predicate():
            return value
        time.sleep(0.2)
    raise TimeoutError


def scoring_cost(client: TestClient, live_id: str, stream_s: float) -> str:
    """What live highlight scoring cost: its thread's CPU time, against the stream's length."""
    scorer = next(s for s in client.app.state.ctx.live.all() if s.id == live_id).scorer
    share = scorer.cpu_s / max(stream_s, 1e-6)
    return (f"live highlight scoring: {scorer.runs} runs, {scorer.cpu_s:.2f} s CPU in all ({share:.2%} of one core "
            f"over the stream), costliest run {scorer.worst_cpu_s:.2f} s")


def run_live(client: TestClient, source: Path, clips: int, work: Path) -> tuple[dict[str, float], float, float]:
    producer = HlsProducer(source, work / "hls", hls_time=2, list_size=30)
    server = LoopbackServer(work / "hls")
    me = psutil.Process()
    try:
        wait_for(producer.playlist.exists, 30)
        server.start()
        cpu0, t0 = sum(me.cpu_times()[:2]), time.time()
        live = client.post("/v1/live", json={"source": server.url("live.m3u8"), "title": "bench"}).json()
        lag = 0.0
        while producer.running:
            got = client.get(f"/v1/live/{live['id']}").json()
            lag = max(lag, time.time() - t0 - got["transcribed_s"])
            time.sleep(2)
        ended = time.time()
        cpu_share = (sum(me.cpu_times()[:2]) - cpu0) / (ended - t0) / (psutil.cpu_count() or 1)
        wait_for(lambda: client.get(f"/v1/live/{live['id']}").json()["recording_id"], 600)
        print(scoring_cost(client, live["id"], ended - t0))
    finally:
        server.stop()
        producer.stop()
    return watch_kit(client, live["id"], ended, clips), cpu_share, lag


def score_cost(loops: int) -> None:
    """CPU seconds of one live rescore over a transcript `loops` times stream3's length."""
    from dataclasses import replace

    from pipelines.catalog import load_catalog
    from pipelines.comments import parse_comments
    from pipelines.highlights import HighlightOptions
    from pipelines.live.scoring import score_live
    from pipelines.transcript import Segment, Transcript

    folder = STREAM3.parent
    script = json.loads((folder / "script_truth.json").read_text(encoding="utf-8"))
    comments = parse_comments((folder / "comments.csv").read_bytes(), "comments.csv").comments
    length = probe(STREAM3).duration_s
    segments = [Segment(s["start"] + k * length, s["end"] + k * length, s["text"]) for k in range(loops) for s in script]
    looped = [replace(c, time=c.time + k * length) for k in range(loops) for c in comments]
    transcript = Transcript("zh", length * loops, segments)
    catalog = load_catalog(SHARED / "knowledge" / "products.csv")
    score_live(transcript, catalog, looped, HighlightOptions(), 5)  # warm: lexicon, jieba
    started = time.process_time()
    found = score_live(transcript, catalog, looped, HighlightOptions(), 5)
    spent = time.process_time() - started
    print(f"one live rescore: {length * loops / 60:.1f} min transcript ({len(segments)} sentences, {len(looped)} "
          f"comments): {spent:.2f} s CPU; top: {[h.title for h in found]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loops", type=int, default=1)
    parser.add_argument("--clips", type=int, default=5)
    parser.add_argument("--segment-s", type=float, default=20.0)
    parser.add_argument("--only", choices=("live", "upload"))
    parser.add_argument("--score-cost", action="store_true", help="time one live rescore and exit")
    parser.add_argument("--score-every-s", type=float, default=30.0,
                        help="live highlight scoring throttle (WUTONG_LIVE__SCORE_EVERY_S)")
    args = parser.parse_args()
    if args.score_cost:
        return score_cost(args.loops)
    with tempfile.TemporaryDirectory(prefix="wutong-kit-") as tmp:
        work = Path(tmp)
        source = source_file(work, args.loops)
        print(f"stream: {probe(source).duration_s / 60:.1f} min, {args.clips} clips, {os.cpu_count()} cores")
        results: dict[str, dict[str, float]] = {}
        if args.only != "live":
            results["upload-after"] = run_upload(service(work / "upload", args.segment_s), source, args.clips)
        if args.only != "upload":
            client = service(work / "live", args.segment_s, args.score_every_s)
            live, cpu, lag = run_live(client, source, args.clips, work)
            results["live"] = live
            print(f"live: CPU share while on air {cpu:.0%} of {psutil.cpu_count()} cores; worst transcript lag {lag:.0f} s")
        names = list(dict.fromkeys(k for r in results.values() for k in r))
        print(f"\n| seconds after the end | {' | '.join(results)} |\n|---|{'---|' * len(results)}")
        for name in names:
            print(f"| {name} | {' | '.join(str(r.get(name, '-')) for r in results.values())} |")
        if len(results) == 2 and "kit done" in results["live"]:
            ratio = results["upload-after"].get("kit done", float("nan")) / max(results["live"]["kit done"], 0.1)
            print(f"\nkit done: live is {ratio:.1f}x sooner than upload-after (baseline, same run)")


if __name__ == "__main__":
    main()
