"""Bad input gets a clear 4xx, never a 500 and never a hang (the real service, no model involved)."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.errors import public_message
from pipelines.errors import InvalidInput, MediaError, ModelUnavailable
from pipelines.media import probe
from tests.utils.paths import MEDIA, STREAM_MP4

WAV = MEDIA / "asr" / "paddlespeech_zh.wav"


def recording(client: TestClient) -> str:
    return client.post("/v1/recordings", files={"file": ("zh.wav", WAV.read_bytes())}).json()["id"]


def test_unclosed_danmaku_tags_neither_stall_the_upload_nor_health(client: TestClient) -> None:
    """`python3 -c "print('<d>'*40000)"` took 41 s in the danmaku regex and held every tenant's /health."""
    rec_id = recording(client)
    health_s: list[float] = []

    def poll_health() -> None:
        for _ in range(5):
            started = time.perf_counter()
            assert client.get("/health").status_code == 200
            health_s.append(time.perf_counter() - started)

    poller = threading.Thread(target=poll_health)
    started = time.perf_counter()
    poller.start()
    response = client.post(f"/v1/recordings/{rec_id}/comments",
                           files={"file": ("danmaku.xml", ("<d>" * 40000 + "\n").encode())})
    upload_s = time.perf_counter() - started
    poller.join(30)
    assert response.status_code == 201, response.text
    assert (response.json()["count"], response.json()["skipped"]) == (0, 40000)
    assert upload_s < 5.0 and max(health_s) < 5.0


@pytest.mark.parametrize(("name", "body", "code"), [
    ("bomb.xml", b'<?xml version="1.0"?><!DOCTYPE i [<!ENTITY a "aaaa">]><i><d p="1">&a;</d></i>',
     "xml_entities_refused"),
    ("long.csv", b"time,text\n1," + b"x" * (200 * 1024) + b"\n", "invalid_comments"),
    ("deep.json", b"[" * 50_000, "invalid_comments"),
])
def test_hostile_comment_files_are_400(client: TestClient, name: str, body: bytes, code: str) -> None:
    response = client.post(f"/v1/recordings/{recording(client)}/comments", files={"file": (name, body)})
    assert response.status_code == 400 and response.json()["error"]["code"] == code


def test_a_json_body_over_the_limit_is_refused_before_it_is_read(client: TestClient) -> None:
    big = '{"path": "a.md", "text": "' + "好" * (2 * 1024 * 1024) + '"}'
    response = client.post("/v1/knowledge/documents", content=big, headers={"Content-Type": "application/json"})
    assert response.status_code == 413 and response.json()["error"]["code"] == "too_large"


def test_a_chunked_body_over_the_limit_is_cut_off(client: TestClient) -> None:
    def chunks():
        for _ in range(80):
            yield b"x" * 64 * 1024

    response = client.post("/v1/knowledge/documents", content=chunks(), headers={"Content-Type": "application/json"})
    assert response.status_code == 413 and "上限" in response.json()["error"]["message"]


def test_a_multipart_upload_with_too_many_fields_is_400(client: TestClient) -> None:
    data = {f"f{i}": "x" for i in range(50)}
    response = client.post("/v1/knowledge/documents", data=data, files={"file": ("a.md", b"# a\n\nb")})
    assert response.status_code == 400 and response.json()["error"]["code"] == "too_many_fields"


def test_a_non_ascii_webhook_signature_is_401(client: TestClient) -> None:
    tenant_id = client.get("/v1/bot/config").json()["tenant_id"]
    body = json.dumps({"msg_id": "1", "group_id": "g", "text": "x", "ts": int(time.time())}).encode()
    response = client.post("/v1/bot/webhook", content=body,
                           headers={"X-Wutong-Tenant": tenant_id, "X-Wutong-Signature": "签名".encode(),
                                    "Content-Type": "application/json"})
    assert response.status_code == 401


def test_the_webhook_checks_the_signature_before_parsing_json(client: TestClient) -> None:
    """An unsigned sender's body is never parsed: a wrong signature on invalid JSON is 401, not 422; the
    signed ts must be the message's own."""
    from app.services.bot import sign

    config = client.get("/v1/bot/config").json()
    headers = {"X-Wutong-Tenant": config["tenant_id"], "Content-Type": "application/json"}
    now = int(time.time())
    broken = f'{{"ts": {now}, "text": '.encode() + b"[" * 100_000
    response = client.post("/v1/bot/webhook", content=broken, headers={**headers, "X-Wutong-Signature": "0" * 64})
    assert response.status_code == 401 and response.json()["error"]["code"] == "bad_signature"
    decoy = json.dumps({"meta": {"ts": now}, "msg_id": "d", "group_id": "g", "text": "x", "ts": 1}).encode()
    signed = sign(config["bot_secret"], str(now), decoy)
    response = client.post("/v1/bot/webhook", content=decoy, headers={**headers, "X-Wutong-Signature": signed})
    assert response.status_code in (401, 422)


def test_an_hls_manifest_is_not_probed_as_media(tmp_path: Path) -> None:
    """A manifest makes ffmpeg read the files it lists (here another file on the server); only our own
    containers may open."""
    manifest = tmp_path / "upload.m3u8"
    manifest.write_text(f"#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\n{STREAM_MP4}\n#EXT-X-ENDLIST\n")
    with pytest.raises(MediaError):
        probe(manifest)
    assert probe(WAV).format == "wav"


def test_an_uploaded_manifest_is_415(client: TestClient) -> None:
    body = b"#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\nhttp://127.0.0.1:9/a.ts\n#EXT-X-ENDLIST\n"
    response = client.post("/v1/recordings", files={"file": ("live.m3u8", body)})
    assert response.status_code == 415


def test_error_messages_hide_server_paths_and_raw_model_errors() -> None:
    raw = ModelUnavailable("the language model endpoint failed: Error code: 401 - {'error': 'invalid key sk-...'}")
    assert "sk-" not in public_message(raw) and "模型" in public_message(raw)
    leaked = InvalidInput("无法读取 /srv/wutong/var/tenants/abc/recordings/x.mp4")
    assert "/srv" not in public_message(leaked) and public_message(leaked).startswith("无法读取")
