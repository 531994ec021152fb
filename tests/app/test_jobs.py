"""Jobs: cancel, retry, filter, and the event stream of a cancelled job."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.jobs.registry import job_handlers
from app.main import create_app
from tests.utils.paths import MEDIA

WAV = MEDIA / "asr" / "paddlespeech_zh.wav"


@pytest.fixture
def idle(tmp_path: Path, model_dir: Path) -> Iterator[TestClient]:
    """A service whose worker does not run: jobs stay queued until the test says otherwise."""
    settings = Settings(data_dir=tmp_path, model_dir=model_dir, default_api_key="k", seed_knowledge=False)
    with TestClient(create_app(settings, run_worker=False)) as client:
        client.headers["Authorization"] = "Bearer k"
        yield client


def queued_transcription(client: TestClient) -> tuple[str, str]:
    rec_id = client.post("/v1/recordings", files={"file": ("zh.wav", WAV.read_bytes())}).json()["id"]
    return rec_id, client.post(f"/v1/recordings/{rec_id}/transcribe", json={}).json()["job_id"]


def test_cancel_then_retry(idle: TestClient) -> None:
    _, job_id = queued_transcription(idle)
    cancelled = idle.post(f"/v1/jobs/{job_id}/cancel").json()
    assert (cancelled["status"], cancelled["stage"]) == ("cancelled", "cancelled")
    with idle.stream("GET", f"/v1/jobs/{job_id}/events") as response:
        body = "".join(response.iter_text())
    assert "event: done" in body and '"status":"cancelled"' in body
    assert idle.post(f"/v1/jobs/{job_id}/retry").json()["status"] == "queued"


def test_jobs_of_one_recording(idle: TestClient) -> None:
    rec_id, job_id = queued_transcription(idle)
    idle.post("/v1/recordings", files={"file": ("b.wav", (MEDIA / "asr" / "fireredasr_BAC009S0764W0121.wav").read_bytes())})
    listed = idle.get("/v1/jobs", params={"recording_id": rec_id, "kind": "transcribe"}).json()["data"]
    assert [(j["id"], j["recording_id"]) for j in listed] == [(job_id, rec_id)]
    assert idle.get("/v1/jobs", params={"kind": "clip"}).json()["count"] == 0


def test_a_deleted_recordings_queued_job_is_gone(idle: TestClient) -> None:
    rec_id, job_id = queued_transcription(idle)
    assert idle.delete(f"/v1/recordings/{rec_id}").status_code == 204
    assert idle.get(f"/v1/jobs/{job_id}").status_code == 404
    assert idle.post(f"/v1/recordings/{rec_id}/transcribe", json={}).status_code == 404


def test_every_feature_registers_its_jobs() -> None:
    assert set(job_handlers()) == {"transcribe", "highlights", "clip", "kit", "seed_knowledge", "catalog_backfill"}
