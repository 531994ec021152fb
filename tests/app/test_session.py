"""Sign-in for the web console: GET /v1/me, and a session cookie that reads media but never writes."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.utils.paths import MEDIA

WAV = MEDIA / "asr" / "paddlespeech_zh.wav"


@pytest.fixture
def recording_id(client: TestClient) -> str:
    response = client.post("/v1/recordings", files={"file": ("zh.wav", WAV.read_bytes())})
    assert response.status_code == 201
    return response.json()["id"]


@pytest.fixture
def browser(client: TestClient) -> TestClient:
    """The same app as a browser sees it after signing in: a cookie, no Authorization header."""
    client.headers.pop("Authorization")
    response = client.post("/v1/session", json={"api_key": "test-default-key"})
    assert response.status_code == 200
    return client


def test_me_names_the_tenant(client: TestClient) -> None:
    body = client.get("/v1/me").json()
    assert body["name"] == "default" and body["tenant_id"]


def test_session_sets_a_strict_httponly_cookie(client: TestClient) -> None:
    response = client.post("/v1/session", json={"api_key": "test-default-key"})
    assert response.status_code == 200 and response.json()["name"] == "default"
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "path=/" in cookie


def test_wrong_key_is_refused_without_a_cookie(client: TestClient) -> None:
    response = client.post("/v1/session", json={"api_key": "not-a-key"})
    assert response.status_code == 401 and response.json()["error"]["code"] == "unauthorized"
    assert "set-cookie" not in response.headers


@pytest.mark.parametrize("path", ["/v1/me", "/v1/recordings", "/v1/recordings/{id}", "/v1/recordings/{id}/media"])
def test_cookie_reads(recording_id: str, browser: TestClient, path: str) -> None:
    assert browser.get(path.format(id=recording_id)).status_code == 200


def test_cookie_streams_media_with_ranges(recording_id: str, browser: TestClient) -> None:
    response = browser.get(f"/v1/recordings/{recording_id}/media", headers={"Range": "bytes=0-99"})
    assert response.status_code == 206 and len(response.content) == 100


@pytest.mark.parametrize(("method", "path", "body"), [
    ("POST", "/v1/recordings/{id}/transcribe", {}),
    ("DELETE", "/v1/recordings/{id}", None),
    ("POST", "/v1/ask", {"question": "橄榄油多少钱？"}),
    ("PUT", "/v1/recordings/{id}/transcript/segments/0", {"text": "改一句"}),
])
def test_cookie_cannot_write(recording_id: str, browser: TestClient, method: str, path: str, body) -> None:
    response = browser.request(method, path.format(id=recording_id), json=body)
    assert response.status_code == 401
    assert "Authorization" in response.json()["error"]["message"]
    assert browser.get(f"/v1/recordings/{recording_id}").status_code == 200  # nothing was deleted


def test_writes_with_the_header_still_work_beside_the_cookie(recording_id: str, browser: TestClient) -> None:
    response = browser.post(f"/v1/recordings/{recording_id}/transcribe", json={},
                            headers={"Authorization": "Bearer test-default-key"})
    assert response.status_code == 202


def test_sign_out_clears_the_cookie(browser: TestClient) -> None:
    assert browser.delete("/v1/session").status_code == 204
    assert browser.get("/v1/me").status_code == 401


def test_cookie_of_another_group_sees_nothing(client: TestClient, recording_id: str,
                                              other_tenant_headers: dict[str, str]) -> None:
    client.headers.pop("Authorization")
    other_key = other_tenant_headers["Authorization"].removeprefix("Bearer ")
    assert client.post("/v1/session", json={"api_key": other_key}).json()["name"] == "other-group"
    assert client.get(f"/v1/recordings/{recording_id}/media").status_code == 404
