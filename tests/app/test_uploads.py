"""Multipart uploads: one file per request, nothing left in the temp folder whatever happens."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.utils.paths import MEDIA

WAV = MEDIA / "asr" / "paddlespeech_zh.wav"


def tmp_files(client: TestClient) -> list:
    tmp = client.app.state.ctx.settings.data_dir / "tmp"
    return [p for p in tmp.rglob("*") if p.is_file()] if tmp.exists() else []


def test_a_second_file_part_is_refused_and_leaves_nothing(client: TestClient) -> None:
    files = [("file", ("a.wav", WAV.read_bytes())), ("file", ("b.wav", WAV.read_bytes()))]
    response = client.post("/v1/recordings", files=files)
    assert response.status_code == 400 and response.json()["error"]["code"] == "too_many_files"
    assert tmp_files(client) == []
    assert client.get("/v1/recordings").json()["count"] == 0
