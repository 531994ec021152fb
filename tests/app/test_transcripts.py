"""Transcription through the API: the job, the formats, the OpenAI-compatible endpoint with the real client."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import openai
import pysubs2
import pytest
import uvicorn
from fastapi.testclient import TestClient

from tests.app.conftest import StreamService
from tests.utils.paths import MEDIA
from tests.utils.server import free_port, wait_http

WAV = MEDIA / "asr" / "paddlespeech_zh.wav"


@pytest.fixture(scope="module")
def api(stream_service: StreamService) -> TestClient:
    return stream_service.client


@pytest.fixture(scope="module")
def stream_job(stream_service: StreamService) -> tuple[str, dict]:
    return stream_service.recording_id, stream_service.transcribe_job


def test_transcribe_job_succeeds_with_progress(api: TestClient, stream_job: tuple[str, dict]) -> None:
    rec_id, job = stream_job
    assert job["status"] == "succeeded", job
    assert job["progress"] == 1.0 and job["result"]["segments"] > 10
    assert job["recording_id"] == rec_id and api.get(f"/v1/recordings/{rec_id}").json()["transcribed"] is True


def test_transcript_json_uses_catalog_names(api: TestClient, stream_job: tuple[str, dict]) -> None:
    rec_id, _ = stream_job
    body = api.get(f"/v1/recordings/{rec_id}/transcript").json()
    assert "橄榄油" in body["text"] and "西红柿" in body["text"]
    starts = [s["start"] for s in body["segments"]]
    assert starts == sorted(starts) and body["segments"][-1]["end"] <= body["duration"] + 0.01
    assert all(s["words"] for s in body["segments"])


@pytest.mark.parametrize("fmt", ["srt", "vtt"])
def test_subtitle_formats_parse(api: TestClient, stream_job: tuple[str, dict], fmt: str) -> None:
    rec_id, _ = stream_job
    response = api.get(f"/v1/recordings/{rec_id}/transcript", params={"format": fmt})
    assert response.status_code == 200
    subs = pysubs2.SSAFile.from_string(response.text, format_=fmt)
    segments = api.get(f"/v1/recordings/{rec_id}/transcript").json()["segments"]
    assert len(subs) == len(segments)


def test_transcript_before_transcription_is_404(api: TestClient) -> None:
    rec = api.post("/v1/recordings", files={"file": ("a.wav", WAV.read_bytes())}).json()
    response = api.get(f"/v1/recordings/{rec['id']}/transcript")
    assert response.status_code == 404 and response.json()["error"]["code"] == "transcript_not_found"


def test_other_tenant_cannot_transcribe_or_read(api: TestClient, stream_job: tuple[str, dict]) -> None:
    from app.store.tenants import create_tenant

    _, key = create_tenant(api.app.state.ctx.db, "transcripts-neighbour")
    rec_id, job = stream_job
    other = {"Authorization": f"Bearer {key}"}
    assert api.post(f"/v1/recordings/{rec_id}/transcribe", headers=other).status_code == 404
    assert api.get(f"/v1/recordings/{rec_id}/transcript", headers=other).status_code == 404
    assert api.get(f"/v1/jobs/{job['id']}", headers=other).status_code == 404
    assert api.get(f"/v1/jobs/{job['id']}/events", headers=other).status_code == 404


def test_job_events_stream_ends_with_done(api: TestClient, stream_job: tuple[str, dict]) -> None:
    _, job = stream_job
    with api.stream("GET", f"/v1/jobs/{job['id']}/events") as response:
        body = "".join(response.iter_text())
    assert response.headers["content-type"].startswith("text/event-stream")
    assert "event: done" in body and '"status":"succeeded"' in body


@pytest.fixture(scope="module")
def live_url(api: TestClient) -> Iterator[str]:
    """The same app served by uvicorn on loopback, for the real `openai` client."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(api.app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    wait_http(f"http://127.0.0.1:{port}/health", type("P", (), {"poll": lambda self: None})())
    yield f"http://127.0.0.1:{port}/v1"
    server.should_exit = True
    thread.join(10)


def test_openai_client_verbose_json_with_words(live_url: str) -> None:
    client = openai.OpenAI(base_url=live_url, api_key="k")
    with WAV.open("rb") as fh:
        result = client.audio.transcriptions.create(model="whisper-1", file=fh, language="zh",
                                                    response_format="verbose_json",
                                                    timestamp_granularities=["word", "segment"])
    assert result.text and result.duration == pytest.approx(5.0, abs=0.1)
    assert result.words and all(0 <= w.start <= w.end <= result.duration + 0.01 for w in result.words)
    assert [w.start for w in result.words] == sorted(w.start for w in result.words)
    assert result.segments


@pytest.mark.parametrize("fmt", ["json", "text", "srt", "vtt"])
def test_openai_client_formats(live_url: str, fmt: str) -> None:
    client = openai.OpenAI(base_url=live_url, api_key="k")
    with WAV.open("rb") as fh:
        result = client.audio.transcriptions.create(model="whisper-1", file=fh, response_format=fmt)
    text = result.text if fmt == "json" else result
    assert isinstance(text, str) and len(text) > 5
    if fmt in ("srt", "vtt"):
        assert "-->" in text


def test_openai_endpoint_rejects_non_media(live_url: str) -> None:
    client = openai.OpenAI(base_url=live_url, api_key="k")
    with pytest.raises(openai.UnsupportedMediaTypeError if hasattr(openai, "UnsupportedMediaTypeError")
                       else openai.APIStatusError) as caught:
        client.audio.transcriptions.create(model="whisper-1", file=("a.wav", b"not audio at all" * 10))
    assert caught.value.status_code == 415
