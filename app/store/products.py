"""The tenant's catalog: one row per SKU, the source of truth every feature reads (and the
knowledge base indexes). Re-ingesting a catalog document replaces what that document listed."""

from __future__ import annotations

from sqlalchemy import delete, select

from app.store.db import Database
from app.store.schema import products
from app.store.sql import now, upsert
from pipelines.catalog import Product


def _product(row) -> Product:
    return Product(sku=row.sku, name=row.name, fields=dict(row.fields))


def replace_source(db: Database, tenant_id: str, source: str, items: list[Product]) -> list[str]:
    """Upsert the catalog `source`'s products; SKUs it no longer lists are removed. Returns those SKUs."""
    unique = {p.sku: p for p in items}  # a SKU listed twice: the later row wins
    skus = list(unique)
    rows = [{"tenant_id": tenant_id, "sku": p.sku, "name": p.name, "fields": p.fields, "source": source,
             "updated_at": now()} for p in unique.values()]
    with db.write() as conn:
        stale = list(conn.execute(select(products.c.sku).where(
            products.c.tenant_id == tenant_id, products.c.source == source, products.c.sku.not_in(skus))).scalars())
        conn.execute(delete(products).where(products.c.tenant_id == tenant_id, products.c.sku.in_(stale)))
        if rows:
            upsert(conn, products, rows, ["tenant_id", "sku"], _replaced)
    return stale


def _replaced(new) -> dict:
    return {"name": new.name, "fields": new.fields, "source": new.source, "updated_at": new.updated_at}


def list_products(db: Database, tenant_id: str) -> list[Product]:
    query = select(products).where(products.c.tenant_id == tenant_id).order_by(products.c.sku)
    with db.read() as conn:
        return [_product(row) for row in conn.execute(query)]


def get_product(db: Database, tenant_id: str, sku: str) -> Product | None:
    query = select(products).where(products.c.tenant_id == tenant_id, products.c.sku == sku)
    with db.read() as conn:
        row = conn.execute(query).first()
    return _product(row) if row else None


def source_of(db: Database, tenant_id: str, sku: str) -> str | None:
    query = select(products.c.source).where(products.c.tenant_id == tenant_id, products.c.sku == sku)
    with db.read() as conn:
        return conn.execute(query).scalar()


def delete_product(db: Database, tenant_id: str, sku: str) -> bool:
    with db.write() as conn:
        return conn.execute(delete(products).where(products.c.tenant_id == tenant_id, products.c.sku == sku)).rowcount > 0
