from __future__ import annotations

import subprocess
from pathlib import Path

import imageio_ffmpeg
import pytest
from fastapi.testclient import TestClient

from app.config import Settings, UploadOptions
from app.main import create_app
from tests.utils.paths import MEDIA, STREAM_MP4


def upload(client: TestClient, path: Path | None = None, data: bytes | None = None, name: str = "live.mp4", **kw):
    content = data if data is not None else path.read_bytes()
    return client.post("/v1/recordings", files={"file": (name, content, "application/octet-stream")}, **kw)


def leftover_files(settings: Settings) -> list[Path]:
    roots = [settings.data_dir / "tmp", settings.data_dir / "tenants"]
    return [p for root in roots if root.exists() for p in root.rglob("*") if p.is_file()]


@pytest.fixture(scope="module")
def video_only_mp4(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("media") / "silent.mp4"
    subprocess.run([imageio_ffmpeg.get_ffmpeg_exe(), "-v", "error", "-i", str(STREAM_MP4), "-t", "2", "-an",
                    "-c:v", "copy", str(out)], check=True)
    return out


def test_upload_probes_and_deduplicates(client: TestClient) -> None:
    first = upload(client, STREAM_MP4)
    assert first.status_code == 201
    body = first.json()
    assert body["has_video"] and (body["width"], body["height"]) == (1280, 720)
    assert 104 < body["duration_s"] < 106
    made = (body["transcribed"], body["has_comments"], body["highlights"], body["clips"])
    assert made == (False, False, 0, 0)
    again = upload(client, STREAM_MP4, name="another-name.mp4")
    assert again.status_code == 200 and again.json()["id"] == body["id"]
    assert client.get("/v1/recordings").json()["count"] == 1


@pytest.mark.parametrize("path", sorted((MEDIA / "asr").glob("*.wav"))[:1] + [MEDIA / "long" / "funasr_vad_example_70s.wav"],
                         ids=lambda p: p.name)
def test_upload_audio_only(client: TestClient, path: Path) -> None:
    body = upload(client, path, name="../../etc/passwd").json()
    assert body["has_video"] is False and body["format"] == "wav" and body["duration_s"] > 1
    stored = list((client.app.state.ctx.settings.data_dir / "tenants").rglob("*.wav"))
    assert [p.name for p in stored] == [f"{body['id']}.wav"]  # named by id, never by the client's name


def bad_inputs(video_only: Path) -> dict[str, tuple[bytes, int, str]]:
    stream = STREAM_MP4.read_bytes()
    return {
        "empty": (b"", 400, "empty_file"),
        "not media": ("团购接龙：西红柿 3 份".encode() * 100, 415, "invalid_media"),
        "truncated mp4": (stream[: len(stream) // 2], 415, "truncated_media"),
        "no audio stream": (video_only.read_bytes(), 415, "no_audio"),
    }


@pytest.mark.parametrize("case", ["empty", "not media", "truncated mp4", "no audio stream"])
def test_bad_upload_is_a_clear_4xx_and_leaves_nothing(client: TestClient, settings: Settings,
                                                      video_only_mp4: Path, case: str) -> None:
    data, status, code = bad_inputs(video_only_mp4)[case]
    response = upload(client, data=data)
    assert response.status_code == status
    assert response.json()["error"]["code"] == code and response.json()["error"]["message"]
    assert leftover_files(settings) == []
    assert client.get("/v1/recordings").json()["count"] == 0


def test_upload_over_the_size_limit(tmp_path: Path, model_dir: Path) -> None:
    settings = Settings(data_dir=tmp_path, model_dir=model_dir, default_api_key="k", uploads=UploadOptions(recordings_mb=1))
    with TestClient(create_app(settings, run_worker=False)) as client:
        response = upload(client, STREAM_MP4, headers={"Authorization": "Bearer k"})
    assert response.status_code == 413 and response.json()["error"]["code"] == "too_large"
    assert leftover_files(settings) == []


def test_not_multipart_is_rejected(client: TestClient) -> None:
    response = client.post("/v1/recordings", content=b"raw", headers={"Content-Type": "application/octet-stream"})
    assert response.status_code == 400 and response.json()["error"]["code"] == "expected_multipart"


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic x"}])
def test_auth_required(client: TestClient, headers: dict[str, str]) -> None:
    client.headers.pop("Authorization")
    response = client.get("/v1/recordings", headers=headers)
    assert response.status_code == 401 and response.json()["error"]["code"] == "unauthorized"


def test_tenant_isolation(client: TestClient, other_tenant_headers: dict[str, str]) -> None:
    rec_id = upload(client, STREAM_MP4).json()["id"]
    for method, path in [("GET", f"/v1/recordings/{rec_id}"), ("GET", f"/v1/recordings/{rec_id}/media"),
                         ("DELETE", f"/v1/recordings/{rec_id}")]:
        response = client.request(method, path, headers=other_tenant_headers)
        assert response.status_code == 404, path
    assert client.get("/v1/recordings", headers=other_tenant_headers).json()["count"] == 0
    # the same file uploaded by the other group is its own recording
    assert upload(client, STREAM_MP4, headers=other_tenant_headers).json()["id"] != rec_id
    assert client.get(f"/v1/recordings/{rec_id}").status_code == 200


def test_media_download_supports_range(client: TestClient) -> None:
    rec_id = upload(client, STREAM_MP4).json()["id"]
    response = client.get(f"/v1/recordings/{rec_id}/media", headers={"Range": "bytes=0-99"})
    assert response.status_code == 206 and len(response.content) == 100


def test_delete_removes_file(client: TestClient, settings: Settings) -> None:
    rec_id = upload(client, STREAM_MP4).json()["id"]
    assert client.delete(f"/v1/recordings/{rec_id}").status_code == 204
    assert client.get(f"/v1/recordings/{rec_id}").status_code == 404
    assert leftover_files(settings) == []
