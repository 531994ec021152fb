"""The after-stream kit through the API on the real stream: real whisper, ffmpeg and the embedded LLM.

One untranscribed recording: asking for highlights starts the transcription itself (no 409), then the
kit renders the top clips and writes the copy; a second kit run makes nothing twice.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app
from pipelines.clips import ClipOptions
from pipelines.highlights import HighlightOptions
from tests.utils.jobs import wait_job
from tests.utils.paths import MEDIA, PRODUCTS_CSV, STREAM_MP4

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory, model_dir: Path) -> Iterator[tuple[TestClient, str]]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("kit"), model_dir=model_dir, default_api_key="k",
                        seed_knowledge=False, clips=ClipOptions(width=360, height=640),
                        highlights=HighlightOptions(llm_titles=False))
    with TestClient(create_app(settings)) as client:
        client.headers["Authorization"] = "Bearer k"
        with PRODUCTS_CSV.open("rb") as fh:
            assert client.post("/v1/knowledge/documents", files={"file": ("products.csv", fh)}).status_code == 201
        rec = client.post("/v1/recordings", files={"file": ("stream.mp4", STREAM_MP4.read_bytes())}).json()
        comments = (MEDIA / "stream" / "comments.jsonl").read_bytes()
        assert client.post(f"/v1/recordings/{rec['id']}/comments",
                           files={"file": ("live.jsonl", comments)}).status_code == 201
        yield client, rec["id"]


@pytest.fixture(scope="module")
def highlights_first(service: tuple[TestClient, str]) -> dict:
    client, rec_id = service
    accepted = client.post(f"/v1/recordings/{rec_id}/highlights", json={})
    assert accepted.status_code == 202, accepted.text  # not 409 transcript_required
    return wait_job(client, accepted.json()["job_id"])


@pytest.fixture(scope="module")
def kit(service: tuple[TestClient, str], highlights_first: dict) -> dict:
    client, rec_id = service
    job = wait_job(client, client.post(f"/v1/recordings/{rec_id}/kit", json={"clips": 2}).json()["job_id"])
    assert job["status"] == "succeeded", job
    return job


def test_highlights_on_an_untranscribed_recording_transcribe_first(service, highlights_first: dict) -> None:
    client, rec_id = service
    assert highlights_first["status"] == "succeeded" and highlights_first["kind"] == "kit"
    assert highlights_first["result"]["stages"] == ["transcribe", "highlights"]
    assert client.get(f"/v1/recordings/{rec_id}/transcript").status_code == 200
    assert client.get(f"/v1/recordings/{rec_id}/highlights").json()["count"] >= 2
    assert client.get(f"/v1/recordings/{rec_id}/clips").json()["count"] == 0


def test_kit_holds_clips_captions_and_follow_up(service, kit: dict) -> None:
    client, rec_id = service
    assert kit["result"]["stages"] == ["transcribe", "highlights", "clips", "copy"] and not kit["result"]["failed_clips"]
    got = client.get(f"/v1/recordings/{rec_id}/kit").json()
    assert got["transcribed"] and got["job"]["id"] == kit["id"]
    assert len(got["clips"]) == 2 and [c["highlight_id"] for c in got["clips"]] == [h["id"] for h in got["highlights"][:2]]
    for clip in got["clips"]:
        assert client.get(clip["cover_url"]).headers["content-type"] == "image/jpeg"
        assert clip["title"]
    assert got["follow_up"] and any(c["caption"] for c in got["clips"])
    names = [p["name"] for p in client.get("/v1/products").json()["data"]]
    assert any(name in got["follow_up"] for name in names), got["follow_up"]


def test_kit_zip_has_every_artefact(service, kit: dict) -> None:
    client, rec_id = service
    response = client.get(f"/v1/recordings/{rec_id}/kit.zip")
    assert response.status_code == 200 and response.headers["content-type"] == "application/zip"
    names = set(zipfile.ZipFile(io.BytesIO(response.content)).namelist())
    assert {"字幕.srt", "群发文案.txt", "01/视频.mp4", "01/封面.jpg", "01/文案.txt", "02/视频.mp4"} <= names


def test_rerun_makes_nothing_twice(service, kit: dict) -> None:
    client, rec_id = service
    again = wait_job(client, client.post(f"/v1/recordings/{rec_id}/kit", json={"clips": 2}).json()["job_id"])
    assert again["status"] == "succeeded"
    assert sorted(again["result"]["clip_ids"]) == sorted(kit["result"]["clip_ids"])
    assert again["result"]["draft_ids"] == []
    assert client.get(f"/v1/recordings/{rec_id}/clips").json()["count"] == 2


def test_kit_of_an_unknown_recording_is_not_found(service) -> None:
    client, rec_id = service
    assert client.get("/v1/recordings/nope/kit").status_code == 404
    assert client.post("/v1/recordings/nope/kit", json={}).status_code == 404


def test_follow_up_from_a_recording_alone_names_its_products(service, kit: dict) -> None:
    """POST /v1/drafts/copy with only a recording: the post is written from the recording's own products."""
    client, rec_id = service
    response = client.post("/v1/drafts/copy", json={"kind": "follow_up", "recording_id": rec_id})
    assert response.status_code == 201, response.text
    sold = {sku for h in client.get(f"/v1/recordings/{rec_id}/highlights").json()["data"] for sku in h["skus"]}
    names = {p["sku"]: p["name"] for p in client.get("/v1/products").json()["data"]}
    assert sold and any(names[sku] in response.json()["text"] for sku in sold), response.json()["text"]
