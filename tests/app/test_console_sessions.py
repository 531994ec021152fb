"""Keys and sessions: the console cookie is a revocable, expiring server-side session id (never the key);
keys and bot secrets rotate with immediate effect (real SQLite, the CLI through Typer's runner)."""

from __future__ import annotations

import time

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from app.cli import app as cli
from app.deps import SESSION_COOKIE
from app.store.schema import console_sessions

KEY = "test-default-key"
CONSOLE = {"X-Requested-With": "wutong-console"}


def sign_in(client: TestClient) -> str:
    client.headers.pop("Authorization", None)
    assert client.post("/v1/session", json={"api_key": KEY}).status_code == 200
    return client.cookies[SESSION_COOKIE]


def test_the_cookie_holds_a_session_id_not_the_key(client: TestClient) -> None:
    token = sign_in(client)
    assert token != KEY and KEY not in token and len(token) >= 32
    assert client.get("/v1/me").json()["name"] == "default"


def test_the_console_writes_with_its_header_and_no_key(client: TestClient) -> None:
    sign_in(client)
    body = {"path": "notes/a.md", "text": "# 提货\n\n周六下午提货。"}
    assert client.post("/v1/knowledge/documents", json=body).status_code == 401  # a bare cookie: read-only
    assert client.post("/v1/knowledge/documents", json=body, headers=CONSOLE).status_code == 201


def test_sign_out_ends_the_session_on_the_server(client: TestClient) -> None:
    token = sign_in(client)
    assert client.delete("/v1/session").status_code == 204
    client.cookies.set(SESSION_COOKIE, token)  # a copy of the cookie kept somewhere
    assert client.get("/v1/me").status_code == 401


def test_an_expired_session_is_refused(client: TestClient) -> None:
    sign_in(client)
    with client.app.state.ctx.db.write() as conn:
        conn.execute(console_sessions.update().values(expires_at=time.time() - 1))
    response = client.get("/v1/me")
    assert response.status_code == 401 and "过期" in response.json()["error"]["message"]


def test_rotate_key_ends_the_old_key_and_sessions(client: TestClient, wutong: CliRunner) -> None:
    sign_in(client)
    result = wutong.invoke(cli, ["tenants", "rotate-key", "default"])
    assert result.exit_code == 0, result.output
    new_key = result.output.strip().splitlines()[-1]
    assert client.get("/v1/me").status_code == 401  # the session went with the old key
    client.cookies.clear()
    assert client.get("/v1/me", headers={"Authorization": f"Bearer {KEY}"}).status_code == 401
    assert client.get("/v1/me", headers={"Authorization": f"Bearer {new_key}"}).status_code == 200


def test_rotate_bot_secret_and_list(client: TestClient, wutong: CliRunner) -> None:
    old = client.get("/v1/bot/config").json()["bot_secret"]
    result = wutong.invoke(cli, ["tenants", "rotate-bot-secret", "default"])
    assert result.exit_code == 0, result.output
    new = result.output.strip().splitlines()[-1]
    assert new != old and client.get("/v1/bot/config").json()["bot_secret"] == new
    listed = wutong.invoke(cli, ["tenants", "list"])
    assert listed.exit_code == 0 and "default" in listed.output


def test_the_console_asks_for_its_session_without_a_401(client: TestClient) -> None:
    client.headers.pop("Authorization")
    assert client.get("/v1/session").json() == {"signed_in": False, "tenant_id": None, "name": None}
    sign_in(client)
    assert client.get("/v1/session").json()["name"] == "default"
