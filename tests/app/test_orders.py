"""接龙 over HTTP and the CLI: parse against the tenant's catalog, versions per recording, exports."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from app.cli import app as cli
from app.services.tenants import find_tenant
from app.store.products import replace_source
from pipelines.catalog import load_catalog
from tests.utils.paths import PRODUCTS_CSV, STREAM_MP4

SET = Path(__file__).resolve().parents[1] / "pipelines" / "orders" / "jielong"
CHAIN = (SET / "02-shared-saturday-chat.txt").read_text(encoding="utf-8")


def with_catalog(client: TestClient) -> None:
    ctx = client.app.state.ctx
    replace_source(ctx.db, find_tenant(ctx, "default").id, "products.csv", load_catalog(PRODUCTS_CSV))


def test_paste_read_and_download(client: TestClient) -> None:
    with_catalog(client)
    created = client.post("/v1/orders/jielong", json={"text": CHAIN + "\n12. 周 7栋 13912345678 玉米1份"})
    assert created.status_code == 201
    body = created.json()
    assert len(body["orders"]) == 10 and {u["no"] for u in body["unreadable"]} == {None, 5, 9}
    assert {t["sku"]: t["qty"] for t in body["totals"]}["WT-014"] == 5
    assert "13912345678" not in created.text and "139****5678" in created.text
    assert client.get(f"/v1/orders/jielong/{body['id']}").json() == body
    table = client.get(f"/v1/orders/jielong/{body['id']}/csv")
    rows = list(csv.reader(io.StringIO(table.text.lstrip("\ufeff"))))
    assert table.headers["content-type"].startswith("text/csv") and len(rows) == 1 + 13
    html = client.get(f"/v1/orders/jielong/{body['id']}/pick-list")
    assert html.status_code == 200 and "size: A4" in html.text and "13912345678" not in html.text


def test_pasting_again_for_a_recording_replaces_it_and_keeps_history(client: TestClient) -> None:
    with_catalog(client)
    rec = client.post("/v1/recordings", files={"file": ("stream.mp4", STREAM_MP4.read_bytes())}).json()["id"]
    first = client.post("/v1/orders/jielong", json={"text": "1. 王 3栋 玉米1份", "recording_id": rec}).json()
    second = client.post("/v1/orders/jielong", json={"text": "1. 王 3栋 玉米2份", "recording_id": rec}).json()
    assert (first["version"], second["version"], second["current"]) == (1, 2, True)
    current = client.get("/v1/orders/jielong", params={"recording_id": rec}).json()["data"]
    assert [c["id"] for c in current] == [second["id"]]
    history = client.get("/v1/orders/jielong", params={"recording_id": rec, "history": True}).json()["data"]
    assert [h["version"] for h in history] == [2, 1] and not history[1]["current"]
    assert client.get(f"/v1/orders/jielong/{first['id']}").json()["totals"][0]["qty"] == 1


def test_errors_and_other_groups(client: TestClient, other_tenant_headers: dict[str, str]) -> None:
    empty = client.post("/v1/orders/jielong", json={"text": "1. 王 3栋 玉米1份"})
    assert empty.status_code == 409 and empty.json()["error"]["code"] == "catalog_required"
    with_catalog(client)
    made = client.post("/v1/orders/jielong", json={"text": "1. 王 3栋 玉米1份"}).json()
    assert client.get(f"/v1/orders/jielong/{made['id']}", headers=other_tenant_headers).status_code == 404
    missing = client.post("/v1/orders/jielong", json={"text": "1. 王", "recording_id": "nope"})
    assert missing.status_code == 404
    assert client.post("/v1/orders/jielong", json={"text": "x" * 300_000}).status_code == 422


def test_cli_reads_a_file(wutong: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "pick.html"
    result = wutong.invoke(cli, ["orders", str(SET / "01-shared-classic.txt"), "--catalog", str(PRODUCTS_CSV),
                                 "--pick-list", str(out)])
    assert result.exit_code == 0, result.output
    assert "11 单" in result.output and "139****5678" in out.read_text(encoding="utf-8")
    assert "13912345678" not in result.output + out.read_text(encoding="utf-8")
