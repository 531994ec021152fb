"""Scale-out throughput: the same batch of jobs run by the embedded worker, 1 and 2 `wutong worker` processes.

    .venv/bin/python benchmarks/scale.py [--transcriptions 4] [--clips 4] [--piece-s 45]

The batch, split over two tenants (so `limits.heavy_jobs = 1` lets two workers run one job of each): one
transcription of a `--piece-s` piece of the stream3 dev stream each, and 12 s clip renders of the stream
dev video. Each run gets a fresh data directory and database; worker runs share a real redis-server.
Worker processes load their models on their first job (counted: that is what a new worker machine pays);
the embedded worker runs in this process, whose models the first run loads. Prints throughput (jobs per
minute, in all and per process), queue wait (enqueue -> running), hours of stream one transcription job
gets through per hour it runs, the mean clip render time, and the wall-time ratio against the embedded
worker measured in the same run. On 2 cores a second process adds no CPU: expect no speed-up.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from app.cluster.servers import start_redis  # noqa: E402
from app.config import Settings  # noqa: E402
from app.context import AppContext  # noqa: E402
from app.files import write_atomic  # noqa: E402
from app.jobs.registry import job_handlers  # noqa: E402
from app.jobs.worker import Worker  # noqa: E402
from app.services.clips import start_clip  # noqa: E402
from app.services.recordings import RecordingData, import_file  # noqa: E402
from app.services.tenants import create_tenant  # noqa: E402
from app.services.transcription import start_transcription  # noqa: E402
from app.store import highlights as highlight_store  # noqa: E402
from app.store import jobs as job_store  # noqa: E402
from app.store.jobs import Job  # noqa: E402
from pipelines.highlights import Highlight  # noqa: E402
from tests.utils.workers import WorkerPool, cut_audio  # noqa: E402

SHARED = REPO.parent / "shared"
STREAM3 = SHARED / "media" / "stream3" / "stream.mp4"
STREAM = SHARED / "media" / "stream" / "stream.mp4"
CACHE = Path(os.environ.get("WUTONG_BENCH_CACHE", "/tmp/wutong-scale"))
MODELS = REPO / "var" / "models"
CLIP_S = 12.0


@dataclass
class Result:
    name: str
    workers: int
    wall_s: float
    waits: list[float]
    runs: dict[str, list[float]]  # job kind -> each job's run time (running -> done)
    jobs: int
    audio_s: float
    load: float  # the machine's mean 1-minute load average during the run (other processes share the cores)


def stream_transcript() -> dict:
    """The stream video's transcript (clips burn its subtitles), made once in a child process and cached,
    so this process starts with no model loaded."""
    path = CACHE / "stream-transcript.json"
    if not path.exists():
        code = ("import json,sys; from pathlib import Path; from pipelines.asr import TranscribeOptions, transcribe;"
                f"t=transcribe(Path({str(STREAM)!r}), TranscribeOptions(), model_dir=Path({str(MODELS)!r}));"
                f"Path({str(path)!r}).write_text(json.dumps(t.to_dict(), ensure_ascii=False))")
        os.spawnv(os.P_WAIT, sys.executable, [sys.executable, "-c", code])
    return json.loads(path.read_text(encoding="utf-8"))


def warm_page_cache() -> None:
    """Read the model files once, so the first runner measured does not also pay for a cold disk cache."""
    for path in MODELS.rglob("*"):
        if path.is_file() and path.suffix != ".gguf":  # the language model is not used by this batch
            with path.open("rb") as fh:
                while fh.read(1 << 22):
                    pass


def pieces(count: int, length_s: float) -> list[Path]:
    return [cut_audio(STREAM3, CACHE / f"piece-{i}-{length_s:.0f}.wav", i * length_s, length_s) for i in range(count)]


def settings_for(root: Path, redis_url: str | None) -> Settings:
    return Settings(data_dir=root / "data", media_dir=root / "media", model_dir=MODELS, seed_knowledge=False,
                    database_url=f"sqlite:///{root / 'wutong.db'}", redis_url=redis_url)


def enqueue_batch(ctx: AppContext, audio: list[Path], clips: int, transcript: dict) -> list[Job]:
    """Transcriptions and clip renders, alternating between two tenants."""
    tenants = [create_tenant(ctx, f"bench-{i}")[0].id for i in range(2)]
    video = {t: import_file(ctx, t, STREAM)[0] for t in tenants}
    highlights = {t: _highlights(ctx, video[t], transcript, clips) for t in tenants}
    transcribes = [(tenants[i % 2], import_file(ctx, tenants[i % 2], path)[0]) for i, path in enumerate(audio)]
    jobs = [start_transcription(ctx, tenant, rec.id, {}) for tenant, rec in transcribes]
    jobs += [start_clip(ctx, tenants[i % 2], highlights[tenants[i % 2]][i // 2].id, {}) for i in range(clips)]
    return sorted(jobs, key=lambda job: job.created_at)


def _highlights(ctx: AppContext, rec, transcript: dict, count: int) -> list[Highlight]:
    """Fixed spans on the video (the benchmark measures rendering, not highlight finding)."""
    data = RecordingData(ctx, rec)
    write_atomic(data.transcript, json.dumps(transcript, ensure_ascii=False))
    found = [Highlight(id=f"h{rec.id}{i}", start=10 + i * CLIP_S, end=10 + (i + 1) * CLIP_S, score=0.5, kind="demo",
                       title=f"片段 {i + 1}") for i in range((count + 1) // 2)]
    with ctx.db.write() as conn:
        highlight_store.replace_highlights(conn, rec.tenant_id, rec.id, found)
    return found


def measure(ctx: AppContext, jobs: list[Job], timeout: float = 1200) -> tuple[float, list[float], dict, float]:
    """Wall time from the first enqueue to the last job done, each job's wait until it ran, run times by kind."""
    started: dict[str, float] = {}
    loads: list[float] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        rows = [job_store.get_job(ctx.db, job.tenant_id, job.id) for job in jobs]
        loads.append(os.getloadavg()[0])
        for row in rows:
            if row.status != "queued" and row.id not in started:
                started[row.id] = time.time()
        if all(row.done for row in rows):
            failed = [(row.kind, row.error_message) for row in rows if row.status != "succeeded"]
            if failed:
                raise RuntimeError(f"jobs failed: {failed}")
            runs: dict[str, list[float]] = {}
            for row in rows:
                runs.setdefault(row.kind, []).append(row.updated_at - started[row.id])
            end = max(row.updated_at for row in rows)
            return end - jobs[0].created_at, [started[job.id] - job.created_at for job in jobs], runs, statistics.mean(loads)
        time.sleep(0.2)
    raise TimeoutError("batch did not finish")


@contextmanager
def embedded(root: Path) -> Iterator[AppContext]:
    ctx = AppContext.create(settings_for(root, None))
    worker = Worker(ctx.queue, job_handlers(), ctx, ctx.settings.jobs)
    worker.start()
    try:
        yield ctx
    finally:
        worker.stop()


@contextmanager
def scaled_out(root: Path, redis_url: str, count: int) -> Iterator[AppContext]:
    ctx = AppContext.create(settings_for(root, redis_url))
    env = {**os.environ, "WUTONG_DATA_DIR": str(root / "data"), "WUTONG_MEDIA_DIR": str(root / "media"),
           "WUTONG_MODEL_DIR": str(MODELS), "WUTONG_DATABASE_URL": ctx.settings.db_url, "WUTONG_REDIS_URL": redis_url,
           "WUTONG_SEED_KNOWLEDGE": "false", "WUTONG_QUEUE__BUSY_RETRY_S": "1"}
    pool = WorkerPool(env, root)
    try:
        pool.ensure(*(f"w{i}" for i in range(count)))
        yield ctx
    finally:
        pool.stop_all()


def run(name: str, workers: int, setup, audio: list[Path], clips: int, transcript: dict) -> Result:
    with setup as ctx:
        jobs = enqueue_batch(ctx, audio, clips, transcript)
        wall, waits, runs, load = measure(ctx, jobs)
    length = sum(_duration(path) for path in audio)
    print(f"  {name}: {wall:.1f} s", flush=True)
    return Result(name, workers, wall, waits, runs, len(jobs), length, load)


def _duration(path: Path) -> float:
    from pipelines.media import probe

    return probe(path).duration_s


def table(results: list[Result]) -> str:
    base = results[0]
    lines = ["| Runner | Processes | Jobs | Wall (s) | Jobs/min | Jobs/min per process | Queue wait mean / max (s) | "
             "Stream h per busy h (transcribe) | Clip render mean (s) | vs embedded | Load avg |", "|---" * 11 + "|"]
    for r in results:
        per_min = r.jobs / r.wall_s * 60
        transcribing, clips = sum(r.runs.get("transcribe", [0])), r.runs.get("clip", [0])
        lines.append(f"| {r.name} | {r.workers} | {r.jobs} | {r.wall_s:.0f} | {per_min:.2f} | {per_min / r.workers:.2f} | "
                     f"{statistics.mean(r.waits):.0f} / {max(r.waits):.0f} | {r.audio_s / max(transcribing, 1e-6):.2f} | "
                     f"{statistics.mean(clips):.1f} | {base.wall_s / r.wall_s:.2f}× | {r.load:.1f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--transcriptions", type=int, default=4)
    parser.add_argument("--clips", type=int, default=4)
    parser.add_argument("--piece-s", type=float, default=45.0)
    args = parser.parse_args()
    CACHE.mkdir(parents=True, exist_ok=True)
    transcript, audio = stream_transcript(), pieces(args.transcriptions, args.piece_s)
    warm_page_cache()
    print(f"batch: {len(audio)} transcriptions of {args.piece_s:.0f} s + {args.clips} clips of {CLIP_S:.0f} s, "
          f"{os.cpu_count()} CPUs", flush=True)
    with tempfile.TemporaryDirectory(prefix="wutong-scale-") as tmp:
        root = Path(tmp)
        redis = start_redis(root / "redis")
        try:
            results = [run("embedded worker", 1, embedded(root / "embedded"), audio, args.clips, transcript)]
            for count in (1, 2):
                results.append(run(f"wutong worker ×{count}", count, scaled_out(root / f"w{count}", redis.url, count),
                                   audio, args.clips, transcript))
        finally:
            redis.stop()
    print(table(results))


if __name__ == "__main__":
    main()
