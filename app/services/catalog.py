"""The tenant's catalog: the products table every feature reads (transcription hotwords, highlights,
drafts), filled when a catalog CSV/JSON is ingested and indexed into the knowledge base from there."""

from __future__ import annotations

from pathlib import PurePosixPath

from app.context import AppContext
from app.jobs.worker import JobContext
from app.services import knowledge
from app.services.lookup import require
from app.store import products as store
from knowledge.ingest import CATALOG_SUFFIXES
from pipelines.catalog import Product
from pipelines.errors import InvalidInput


def tenant_catalog(ctx: AppContext, tenant_id: str) -> list[Product]:
    return store.list_products(ctx.db, tenant_id)


def get_product(ctx: AppContext, tenant_id: str, sku: str) -> Product:
    return require(store.get_product(ctx.db, tenant_id, sku), "product")


def upload_catalog(ctx: AppContext, tenant_id: str, filename: str, data: bytes) -> dict:
    """A catalog file: its products replace the ones the same file listed before."""
    if PurePosixPath(filename).suffix.lower() not in CATALOG_SUFFIXES:
        raise InvalidInput("商品表请用 CSV 或 JSON 文件", code="invalid_catalog")
    return knowledge.ingest_upload(ctx, tenant_id, filename, data)


def delete_product(ctx: AppContext, tenant_id: str, sku: str) -> None:
    get_product(ctx, tenant_id, sku)
    knowledge.drop_document(ctx, tenant_id, sku)


def run_backfill_job(job: JobContext) -> dict:
    """Databases from before the products table: fill it once from the product documents the
    knowledge base indexed (their metadata holds every column)."""
    ctx, tenant_id = job.services, job.job.tenant_id
    by_source: dict[str, list[Product]] = {}
    for doc in knowledge.list_documents(ctx, tenant_id):
        if doc.kind == "product":
            product = Product(sku=doc.id, name=doc.title, fields=doc.meta.get("fields", {}))
            by_source.setdefault(doc.meta.get("catalog", "catalog.csv"), []).append(product)
    for source, products in by_source.items():
        store.replace_source(ctx.db, tenant_id, source, products)
    return {"products": sum(len(p) for p in by_source.values())}


JOBS = {"catalog_backfill": run_backfill_job}
