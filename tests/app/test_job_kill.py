"""A clip job that is cancelled or runs past its time limit stops its ffmpeg child: nothing keeps
encoding (and writing) after the job has ended (real ffmpeg, real stream, the real worker)."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.config import LimitOptions, Settings
from app.main import create_app
from app.services.recordings import recording_data
from app.services.transcription import keep_transcript
from app.store import highlights as highlight_store
from app.store.tenants import create_tenant
from pipelines.clips import ClipOptions
from pipelines.highlights import Highlight
from pipelines.transcript import Segment, Transcript
from tests.utils.paths import STREAM_MP4
from tests.utils.server import wait_for

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads child processes from /proc")

LONG_SPAN = (0.0, 100.0)  # at 1080x1920 with preset `slow` this takes minutes on 2 cores


def ffmpeg_children() -> list[int]:
    """Our child processes whose command name is ffmpeg's (imageio-ffmpeg's binary, ffmpeg-linux-...)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:  # ended while we looked
            continue
        name, fields = text[text.index("(") + 1:text.rindex(")")], text[text.rindex(")") + 2:].split()
        if int(fields[1]) == os.getpid() and "ffmpeg" in name and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


def service(tmp_path: Path, model_dir: Path, clip_timeout_s: float) -> TestClient:
    settings = Settings(data_dir=tmp_path, model_dir=model_dir, seed_knowledge=False,
                        limits=LimitOptions(job_timeout_s={"clip": clip_timeout_s}), clips=ClipOptions(preset="slow"))
    return TestClient(create_app(settings))


def highlight_to_clip(client: TestClient, name: str = "clipper") -> tuple[dict[str, str], str, str]:
    """A tenant with the stream uploaded, a short transcript and one highlight over LONG_SPAN (no whisper)."""
    ctx = client.app.state.ctx
    tenant, key = create_tenant(ctx.db, name)
    headers = {"Authorization": f"Bearer {key}"}
    rec_id = client.post("/v1/recordings", files={"file": ("stream.mp4", STREAM_MP4.read_bytes())},
                         headers=headers).json()["id"]
    data = recording_data(ctx, tenant.id, rec_id)
    keep_transcript(data, Transcript("zh", 105.2, [Segment(1.0, 4.0, "家人们看一下这个土鸡蛋")]))
    highlight = Highlight("h-" + rec_id, *LONG_SPAN, score=0.9, kind="demo", title="土鸡蛋")
    with ctx.db.write() as conn:
        highlight_store.replace_highlights(conn, tenant.id, rec_id, [highlight])
    return headers, rec_id, highlight.id


def job_thread_ended(job_id: str) -> bool:
    return not any(t.name == f"wutong-job-{job_id}" for t in threading.enumerate())


def job_status(client: TestClient, headers: dict[str, str], job_id: str) -> dict:
    return client.get(f"/v1/jobs/{job_id}", headers=headers).json()


@pytest.fixture
def timed_out(tmp_path: Path, model_dir: Path) -> Iterator[tuple[TestClient, dict[str, str], str, str]]:
    with service(tmp_path, model_dir, clip_timeout_s=2.0) as client:
        headers, rec_id, highlight_id = highlight_to_clip(client)
        job_id = client.post(f"/v1/highlights/{highlight_id}/clip", json={}, headers=headers).json()["job_id"]
        yield client, headers, rec_id, job_id


def test_a_clip_job_past_its_time_limit_leaves_no_ffmpeg_running(timed_out) -> None:
    client, headers, rec_id, job_id = timed_out
    wait_for(lambda: job_status(client, headers, job_id)["status"] == "failed", 60, interval=0.1)
    assert job_status(client, headers, job_id)["error"]["code"] == "timeout"
    wait_for(lambda: job_thread_ended(job_id), 30, interval=0.1)
    assert ffmpeg_children() == []
    assert client.get(f"/v1/recordings/{rec_id}/clips", headers=headers).json()["data"] == []


def test_a_cancelled_clip_job_stops_its_ffmpeg_at_once(tmp_path: Path, model_dir: Path) -> None:
    with service(tmp_path, model_dir, clip_timeout_s=900) as client:
        headers, rec_id, highlight_id = highlight_to_clip(client)
        job_id = client.post(f"/v1/highlights/{highlight_id}/clip", json={}, headers=headers).json()["job_id"]
        wait_for(lambda: ffmpeg_children() != [], 60, interval=0.1)
        assert client.post(f"/v1/jobs/{job_id}/cancel", headers=headers).json()["status"] == "cancelled"
        wait_for(lambda: ffmpeg_children() == [], 10, interval=0.1)
        wait_for(lambda: job_thread_ended(job_id), 10, interval=0.1)
        assert client.get(f"/v1/recordings/{rec_id}/clips", headers=headers).json()["data"] == []
        assert [p for p in tmp_path.rglob("*.mp4") if "clips" in p.parts] == []  # staging removed too
