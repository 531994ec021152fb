"""Comments, highlights and clips through the API on the real stream (real whisper, real ffmpeg)."""

from __future__ import annotations

import io

import av
import pytest
from PIL import Image

from app.store.tenants import create_tenant
from tests.app.conftest import StreamService
from tests.utils.jobs import wait_job
from tests.utils.paths import MEDIA

COMMENTS = MEDIA / "stream" / "comments.jsonl"


@pytest.fixture(scope="module")
def highlights(stream_service: StreamService) -> list[dict]:
    api, rec_id = stream_service.client, stream_service.recording_id
    uploaded = api.post(f"/v1/recordings/{rec_id}/comments",
                        files={"file": ("live.jsonl", COMMENTS.read_bytes() + b"\n{broken json\n")})
    assert uploaded.status_code == 201 and uploaded.json()["skipped"] == 1 and uploaded.json()["count"] > 20
    job = wait_job(api, api.post(f"/v1/recordings/{rec_id}/highlights", json={}).json()["job_id"])
    assert job["status"] == "succeeded", job
    return api.get(f"/v1/recordings/{rec_id}/highlights").json()["data"]


@pytest.fixture(scope="module")
def clip(stream_service: StreamService, highlights: list[dict]) -> dict:
    api = stream_service.client
    job = wait_job(api, api.post(f"/v1/highlights/{highlights[0]['id']}/clip", json={"title": "今日团购"}).json()["job_id"])
    assert job["status"] == "succeeded", job
    return api.get(f"/v1/clips/{job['result']['clip_id']}").json()


def test_highlights_are_sentences_that_sell(stream_service: StreamService, highlights: list[dict]) -> None:
    segments = stream_service.client.get(f"/v1/recordings/{stream_service.recording_id}/transcript").json()["segments"]
    assert 3 <= len(highlights) <= 8
    assert [h["score"] for h in highlights] == sorted((h["score"] for h in highlights), reverse=True)
    assert {"offer", "tasting"} & {h["kind"] for h in highlights[:3]}
    for h in highlights:
        assert h["reasons"] and h["title"]
        assert any(abs(h["start"] - s["start"]) <= 0.5 for s in segments), "starts mid-sentence"
        assert any(abs(h["end"] - s["end"]) <= 0.5 for s in segments), "ends mid-sentence"
    spans = sorted((h["start"], h["end"]) for h in highlights)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_clip_is_a_vertical_h264_aac_video(stream_service: StreamService, highlights: list[dict], clip: dict) -> None:
    api = stream_service.client
    video = api.get(clip["video_url"])
    assert video.status_code == 200 and video.headers["content-type"] == "video/mp4"
    with av.open(io.BytesIO(video.content)) as container:
        v, a = container.streams.video[0], container.streams.audio[0]
        assert (v.codec_context.width, v.codec_context.height) == (720, 1280)
        assert v.codec_context.name == "h264" and a.codec_context.name == "aac"
        duration = container.duration / av.time_base
    assert duration == pytest.approx(highlights[0]["end"] - highlights[0]["start"], abs=0.15)


def test_the_recording_reports_what_was_made(stream_service: StreamService, highlights: list[dict], clip: dict) -> None:
    api, rec_id = stream_service.client, stream_service.recording_id
    rec = api.get(f"/v1/recordings/{rec_id}").json()
    assert rec["transcribed"] and rec["has_comments"] and rec["highlights"] == len(highlights) and rec["clips"] >= 1
    listed = api.get(f"/v1/recordings/{rec_id}/clips").json()
    assert listed["data"][0]["id"] == clip["id"] and listed["data"][0]["highlight_id"] == highlights[0]["id"]


def test_clip_supports_range_and_has_a_cover(stream_service: StreamService, clip: dict) -> None:
    api = stream_service.client
    partial = api.get(clip["video_url"], headers={"Range": "bytes=1000-1999"})
    assert partial.status_code == 206 and len(partial.content) == 1000
    cover = api.get(clip["cover_url"])
    assert cover.headers["content-type"] == "image/jpeg"
    assert Image.open(io.BytesIO(cover.content)).format == "JPEG"


def test_bad_requests_are_clear(stream_service: StreamService, highlights: list[dict]) -> None:
    api, rec_id = stream_service.client, stream_service.recording_id
    assert api.post(f"/v1/recordings/{rec_id}/comments", files={"file": ("x.csv", b"a,b\n1,2\n")}).status_code == 400
    assert api.post("/v1/highlights/nope/clip", json={}).status_code == 404
    bad_span = api.post(f"/v1/highlights/{highlights[0]['id']}/clip", json={"start": 10, "end": 5})
    assert bad_span.status_code == 422 and bad_span.json()["error"]["code"] == "invalid_request"
    past_the_end = api.post(f"/v1/highlights/{highlights[0]['id']}/clip", json={"start": 10, "end": 5000})
    assert past_the_end.status_code == 400 and past_the_end.json()["error"]["code"] == "clip_span"


def test_other_tenant_sees_nothing(stream_service: StreamService, highlights: list[dict], clip: dict) -> None:
    api, rec_id = stream_service.client, stream_service.recording_id
    _, key = create_tenant(api.app.state.ctx.db, "highlights-neighbour")
    other = {"Authorization": f"Bearer {key}"}
    assert api.get(f"/v1/recordings/{rec_id}/highlights", headers=other).status_code == 404
    assert api.post(f"/v1/highlights/{highlights[0]['id']}/clip", headers=other, json={}).status_code == 404
    for url in (f"/v1/clips/{clip['id']}", clip["video_url"], clip["cover_url"]):
        assert api.get(url, headers=other).status_code == 404
