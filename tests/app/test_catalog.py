"""The catalog is a table of its own: filled from uploaded CSV/JSON, indexed into the knowledge base from
there, read by every feature, and kept in step with it when a product goes."""

from __future__ import annotations

from fastapi.testclient import TestClient

from app.services.knowledge import get_kb
from app.services.transcription import tenant_hotwords
from pipelines.catalog import load_catalog
from tests.utils.jobs import wait_job
from tests.utils.paths import PRODUCTS_CSV

CSV_V1 = "sku,name,price,产地\nA-1,沙瓤西红柿,5.9,山东寿光\nA-2,散养土鸡蛋,36,湖北\n".encode()
CSV_V2 = "sku,name,price,产地\nA-1,沙瓤西红柿,6.5,山东寿光\n".encode()


def skus(client: TestClient, **kw) -> list[str]:
    return [p["sku"] for p in client.get("/v1/products", **kw).json()["data"]]


def documents(client: TestClient) -> set[str]:
    return {d["id"] for d in client.get("/v1/knowledge/documents").json()["data"]}


def test_upload_fills_the_table_and_the_index(client: TestClient) -> None:
    response = client.post("/v1/products", files={"file": ("veg.csv", CSV_V1)})
    assert response.status_code == 201 and response.json()["products"] == ["A-1", "A-2"]
    product = client.get("/v1/products/A-1").json()
    assert (product["name"], product["price"], product["fields"]["产地"]) == ("沙瓤西红柿", "5.9", "山东寿光")
    assert documents(client) == {"A-1", "A-2"}


def test_the_same_file_again_replaces_what_it_listed(client: TestClient) -> None:
    client.post("/v1/products", files={"file": ("veg.csv", CSV_V1)})
    client.post("/v1/products", files={"file": ("veg.csv", CSV_V2)})
    assert skus(client) == ["A-1"] and client.get("/v1/products/A-1").json()["price"] == "6.5"
    assert documents(client) == {"A-1"}
    assert client.get("/v1/products/A-2").status_code == 404


def test_a_catalog_sent_as_a_knowledge_document_is_a_catalog_too(client: TestClient) -> None:
    with PRODUCTS_CSV.open("rb") as fh:
        assert client.post("/v1/knowledge/documents", files={"file": ("products.csv", fh)}).status_code == 201
    assert len(skus(client)) == 25


def test_features_read_the_table(client: TestClient) -> None:
    client.post("/v1/products", files={"file": ("veg.csv", CSV_V1)})
    tenant_id = client.get("/v1/me").json()["tenant_id"]
    assert {"沙瓤西红柿", "散养土鸡蛋"} <= set(tenant_hotwords(client.app.state.ctx, tenant_id))


def test_deleting_a_product_removes_it_everywhere(client: TestClient) -> None:
    client.post("/v1/products", files={"file": ("veg.csv", CSV_V1)})
    assert client.delete("/v1/products/A-2").status_code == 204
    assert skus(client) == ["A-1"] and documents(client) == {"A-1"}
    assert client.delete("/v1/products/A-2").status_code == 404
    assert client.delete("/v1/knowledge/documents/A-1").status_code == 204  # the other way round
    assert skus(client) == []


def test_not_a_catalog_and_other_groups(client: TestClient, other_tenant_headers: dict[str, str]) -> None:
    response = client.post("/v1/products", files={"file": ("notes.md", "# 笔记".encode())})
    assert response.status_code == 400 and response.json()["error"]["code"] == "invalid_catalog"
    client.post("/v1/products", files={"file": ("veg.csv", CSV_V1)})
    assert skus(client, headers=other_tenant_headers) == []
    assert client.get("/v1/products/A-1", headers=other_tenant_headers).status_code == 404


def test_backfill_from_a_knowledge_base_of_the_first_release(client: TestClient) -> None:
    """Before the table existed the catalog lived only in the index; start-up backfills it once."""
    ctx = client.app.state.ctx
    tenant_id = client.get("/v1/me").json()["tenant_id"]
    get_kb(ctx, tenant_id).add_products(load_catalog(PRODUCTS_CSV), "products.csv")
    assert skus(client) == []
    job = wait_job(client, ctx.queue.enqueue(tenant_id, "catalog_backfill", {}).id)
    assert job["status"] == "succeeded" and job["result"]["products"] == 25
    assert len(skus(client)) == 25 and client.get("/v1/products/WT-001").json()["name"] == "特级初榨橄榄油"
