"""Drafts through the API with the real embedded LLM: structure and facts from the catalog."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from app.store.tenants import create_tenant
from pipelines.adlaw import check_adlaw
from pipelines.catalog import load_catalog
from tests.app.conftest import StreamService
from tests.utils.paths import PRODUCTS_CSV

CATALOG = {p.sku: p for p in load_catalog(PRODUCTS_CSV)}


@pytest.fixture(scope="module")
def api(stream_service: StreamService) -> TestClient:
    return stream_service.client


@pytest.fixture(scope="module")
def script(api: TestClient) -> dict:
    response = api.post("/v1/drafts/script", json={"theme": "春季尝鲜季", "skus": ["WT-001", "WT-005"], "duration_min": 20})
    assert response.status_code == 201, response.text
    return response.json()


def test_script_covers_every_sku_and_adds_up(script: dict) -> None:
    segments = script["content"]["segments"]
    assert sum(s["minute_end"] - s["minute_start"] for s in segments) == pytest.approx(20)
    assert segments[0]["minute_start"] == 0 and segments[-1]["minute_end"] == pytest.approx(20)
    covered = {f["sku"] for s in segments for f in s["facts"]}
    assert {"WT-001", "WT-005"} <= covered
    assert "## " in script["text"] or "# " in script["text"]  # the Markdown rendering


def test_script_prices_come_from_the_catalog(script: dict) -> None:
    prices = {f["sku"]: float(re.match(r"[\d.]+", f["value"]).group())
              for s in script["content"]["segments"] for f in s["facts"] if f["field"] == "price"}
    assert prices == {sku: float(CATALOG[sku].price) for sku in ("WT-001", "WT-005")}
    assert not check_adlaw(script["text"])


def test_copy_is_grounded_short_and_saved(api: TestClient) -> None:
    response = api.post("/v1/drafts/copy", json={"kind": "product_blurb", "skus": ["WT-003"]})
    assert response.status_code == 201, response.text
    draft = response.json()
    assert len(draft["content"]["text"]) <= 120 and not check_adlaw(draft["text"])
    allowed = set(re.findall(r"\d+(?:\.\d+)?", CATALOG["WT-003"].describe())) | {"36"}
    assert set(re.findall(r"\d+(?:\.\d+)?", draft["content"]["text"])) <= allowed
    assert api.get(f"/v1/drafts/{draft['id']}").json()["text"] == draft["text"]


def test_edit_is_saved_and_checked(api: TestClient, script: dict) -> None:
    edited = api.put(f"/v1/drafts/{script['id']}", json={"text": "这是最好的橄榄油！"}).json()
    assert edited["text"] == "这是最好的橄榄油！" and edited["flags"][0]["term"] == "最好"
    listed = api.get("/v1/drafts").json()
    assert script["id"] in [d["id"] for d in listed["data"]]


def test_unknown_sku_and_other_tenant(api: TestClient, script: dict) -> None:
    response = api.post("/v1/drafts/script", json={"theme": "x", "skus": ["NOPE-1"], "duration_min": 10})
    assert response.status_code == 400 and "NOPE-1" in response.json()["error"]["message"]
    _, key = create_tenant(api.app.state.ctx.db, "drafts-neighbour")
    assert api.get(f"/v1/drafts/{script['id']}", headers={"Authorization": f"Bearer {key}"}).status_code == 404
