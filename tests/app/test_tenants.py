"""`wutong tenants list/delete`: deleting a group removes its rows, files, knowledge collection and
cached replies, and nothing of another group."""

from __future__ import annotations

import time

from fastapi.testclient import TestClient
from sqlalchemy import MetaData, create_engine, func, select
from typer.testing import CliRunner

from app.cli import app as cli
from app.config import Settings
from app.services.bot import sign
from knowledge.store import collection_name, get_client
from tests.utils.paths import MEDIA

WAV = MEDIA / "asr" / "paddlespeech_zh.wav"
CATALOG = "sku,name,price\nT-1,测试土鸡蛋,36\n".encode()
FAQ = {"path": "faq/自提.md", "text": "# 自提\n\n每周五下午四点在东门自提。", "kind": "faq"}


def fill_tenant(client: TestClient, headers: dict[str, str]) -> str:
    """A recording, a catalog, a knowledge document, a gap and a cached bot reply for the tenant behind `headers`."""
    rec = client.post("/v1/recordings", files={"file": ("zh.wav", WAV.read_bytes())}, headers=headers).json()
    assert client.post("/v1/products", files={"file": ("c.csv", CATALOG)}, headers=headers).status_code == 201
    assert client.post("/v1/knowledge/documents", json=FAQ, headers=headers).status_code == 201
    bot = client.get("/v1/bot/config", headers=headers).json()
    ts = int(time.time())
    body = f'{{"msg_id": "m1", "group_id": "g", "text": "@梧桐 快递柜坏了找谁？", "ts": {ts}}}'.encode()
    response = client.post("/v1/bot/webhook", content=body, headers={
        "X-Wutong-Tenant": bot["tenant_id"], "X-Wutong-Signature": sign(bot["bot_secret"], str(ts), body),
        "Authorization": ""})
    assert response.status_code == 200 and response.json()["handoff"], response.text
    return rec["id"]


def rows_of(db_url: str, tenant_id: str) -> dict[str, int]:
    """The tenant's rows in every table the database really has (reflected, on SQLite or PostgreSQL)."""
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            found = MetaData()
            found.reflect(conn)
            counts = {}
            for table in found.sorted_tables:
                key = "tenant_id" if "tenant_id" in table.c else "id" if table.name == "tenants" else None
                if key:
                    query = select(func.count()).select_from(table).where(table.c[key] == tenant_id)
                    counts[table.name] = conn.execute(query).scalar_one()
            return counts
    finally:
        engine.dispose()


def test_list_names_every_tenant(client: TestClient, other_tenant_headers: dict, wutong: CliRunner) -> None:
    result = wutong.invoke(cli, ["tenants", "list"])
    assert result.exit_code == 0, result.output
    assert "default" in result.output and "other-group" in result.output


def test_delete_needs_confirmation(client: TestClient, other_tenant_headers: dict, wutong: CliRunner) -> None:
    result = wutong.invoke(cli, ["tenants", "delete", "other-group"])
    assert result.exit_code != 0 and "--yes" in result.output
    assert client.get("/v1/me", headers=other_tenant_headers).status_code == 200


def test_delete_removes_everything_of_the_tenant(client: TestClient, settings: Settings,
                                                 other_tenant_headers: dict, wutong: CliRunner) -> None:
    fill_tenant(client, client.headers)
    fill_tenant(client, other_tenant_headers)
    other_id = client.get("/v1/me", headers=other_tenant_headers).json()["tenant_id"]
    db = settings.db_url
    assert {t for t, n in rows_of(db, other_id).items() if n} >= {"recordings", "products", "bot_messages",
                                                                 "knowledge_gaps", "api_keys"}

    result = wutong.invoke(cli, ["tenants", "delete", "other-group", "--yes"])
    assert result.exit_code == 0, result.output
    assert client.get("/v1/me", headers=other_tenant_headers).status_code == 401
    assert {t: n for t, n in rows_of(db, other_id).items() if n} == {}
    assert not (settings.data_dir / "tenants" / other_id).exists()
    names = [c.name for c in get_client(settings.data_dir / "knowledge", settings.chroma_url).list_collections()]
    assert collection_name(other_id) not in names
    # the default group keeps everything
    assert client.get("/v1/recordings").json()["count"] == 1
    assert client.get("/v1/knowledge/documents").json()["count"] == 2
    assert client.get("/v1/products").json()["count"] == 1


def test_delete_unknown_tenant(wutong: CliRunner, client: TestClient) -> None:
    result = wutong.invoke(cli, ["tenants", "delete", "nobody", "--yes"])
    assert result.exit_code != 0 and "nobody" in result.output

