"""Transcription runs in a child process (the service's interpreter stays free for questions), and a
cancelled or timed-out transcription stops at once: its child is killed, nothing is written back
(real whisper, the real worker)."""

from __future__ import annotations

import multiprocessing
import time
from pathlib import Path

from fastapi.testclient import TestClient

from app.config import LimitOptions, Settings
from app.jobs import child
from app.main import create_app
from tests.utils.paths import MEDIA
from tests.utils.server import wait_for

LONG_WAV = MEDIA / "long" / "funasr_vad_example_70s.wav"


def busy_children() -> list[multiprocessing.Process]:
    """Transcription children doing work right now (idle ones wait in the pool)."""
    idle = {c.process.pid for c in child._pool._idle}
    return [p for p in multiprocessing.active_children() if p.name == "wutong-heavy" and p.pid not in idle]


def start(client: TestClient) -> tuple[str, str]:
    rec_id = client.post("/v1/recordings", files={"file": ("long.wav", LONG_WAV.read_bytes())}).json()["id"]
    job_id = client.post(f"/v1/recordings/{rec_id}/transcribe", json={}).json()["job_id"]
    return rec_id, job_id


def service(tmp_path: Path, model_dir: Path, transcribe_timeout_s: float = 3600) -> TestClient:
    settings = Settings(data_dir=tmp_path, model_dir=model_dir, seed_knowledge=False, default_api_key="k",
                        limits=LimitOptions(job_timeout_s={"transcribe": transcribe_timeout_s}))
    client = TestClient(create_app(settings))
    client.headers["Authorization"] = "Bearer k"
    return client


def test_a_cancelled_transcription_kills_its_child(tmp_path: Path, model_dir: Path) -> None:
    with service(tmp_path, model_dir) as client:
        rec_id, job_id = start(client)
        wait_for(lambda: busy_children() != [], 60, interval=0.1)
        assert all(p.pid != multiprocessing.current_process().pid for p in busy_children())
        assert client.post(f"/v1/jobs/{job_id}/cancel").json()["status"] == "cancelled"
        wait_for(lambda: busy_children() == [], 10, interval=0.1)
        time.sleep(1.0)
        assert client.get(f"/v1/recordings/{rec_id}/transcript").status_code == 404


def test_a_transcription_past_its_time_limit_kills_its_child(tmp_path: Path, model_dir: Path) -> None:
    with service(tmp_path, model_dir, transcribe_timeout_s=4.0) as client:
        rec_id, job_id = start(client)
        wait_for(lambda: client.get(f"/v1/jobs/{job_id}").json()["status"] == "failed", 60, interval=0.1)
        assert client.get(f"/v1/jobs/{job_id}").json()["error"]["code"] == "timeout"
        wait_for(lambda: busy_children() == [], 10, interval=0.1)
        assert client.get(f"/v1/recordings/{rec_id}/transcript").status_code == 404


def test_a_transcription_in_a_child_finishes_with_progress(tmp_path: Path, model_dir: Path) -> None:
    with service(tmp_path, model_dir) as client:
        rec_id, job_id = start(client)
        fractions: list[float] = []

        def succeeded() -> bool:
            job = client.get(f"/v1/jobs/{job_id}").json()
            fractions.append(job["progress"])
            return job["status"] == "succeeded"

        wait_for(succeeded, 240, interval=0.1)
        assert fractions == sorted(fractions) and 0 < max(fractions) <= 1
        segments = client.get(f"/v1/recordings/{rec_id}/transcript").json()["segments"]
        assert len(segments) > 5 and all(s["text"] for s in segments)
