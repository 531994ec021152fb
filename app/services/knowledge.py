"""The tenant's knowledge base as the app sees it: documents in, search, deletion, knowledge gaps.

A catalog file ingested here goes to the products table first (the catalog's source of truth) and
is indexed from there; deleting a document removes its chunks, a product's row, and re-opens the
gaps it answered.
"""

from __future__ import annotations

import asyncio
import re
import threading
import weakref
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path, PurePosixPath
from typing import Any

from app.config_sections import MB
from app.context import AppContext
from app.jobs.worker import JobContext, lower_priority
from app.services.lookup import not_found, require
from app.store import gaps as gap_store
from app.store import products as product_store
from app.store.gaps import Gap
from knowledge import DocumentInfo, IngestReport, KnowledgeBase, ingest_path, seed_knowledge
from knowledge.ingest import CATALOG_SUFFIXES, guess_kind, ingest_bytes
from pipelines.catalog import Product
from pipelines.embeddings import get_embedder
from pipelines.errors import InvalidInput, NotFound, TooLarge

_DOC_ID = re.compile(r"^[\w\u3400-\u9fff .()（）·+-]+(/[\w\u3400-\u9fff .()（）·+-]+)*$")


INGEST_THREADS = 2  # documents embedded at once over all tenants (2 cores); each tenant one at a time

_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()
_slots: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[str, asyncio.Semaphore]] = weakref.WeakKeyDictionary()


def ingest_pool(nice: int) -> ThreadPoolExecutor:
    """Threads that embed documents at the jobs' lower CPU priority (the embedder's OpenMP threads they
    start inherit it): one tenant's ingests cannot slow another tenant's questions on 2 cores."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(INGEST_THREADS, thread_name_prefix="wutong-ingest",
                                       initializer=lower_priority, initargs=(nice,))
        return _pool


def _tenant_slot(tenant_id: str) -> asyncio.Semaphore:
    slots = _slots.setdefault(asyncio.get_running_loop(), {})
    return slots.setdefault(tenant_id, asyncio.Semaphore(1))


async def run_ingest(ctx: AppContext, tenant_id: str, ingest: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run `ingest(ctx, tenant_id, ...)` in a low-priority ingest thread, one at a time per tenant: a
    tenant's further documents wait their turn without holding a thread, so a flood takes at most one
    of the INGEST_THREADS and other tenants' documents still go in beside it."""
    async with _tenant_slot(tenant_id):
        future = ingest_pool(ctx.settings.jobs.nice).submit(ingest, ctx, tenant_id, *args, **kwargs)
        return await asyncio.wrap_future(future)


def get_kb(ctx: AppContext, tenant_id: str) -> KnowledgeBase:
    options = ctx.settings.kb
    # With a Chroma server the folder holds only the embedding cache, a SQLite file: keep it on this
    # machine's disk, never on the media mount that API and workers share (SQLite over NFS is unsafe).
    root = ctx.settings.data_dir / "knowledge" if ctx.settings.chroma_url else ctx.files.knowledge_root()
    return KnowledgeBase(root, tenant_id, get_embedder(options.embedder_threads),
                         chunk_chars=options.chunk_chars, candidates=options.search_candidates,
                         server_url=ctx.settings.chroma_url)


class CatalogFirst:
    """The knowledge base as ingestion sees it: catalogs are written to the products table, then indexed."""

    def __init__(self, ctx: AppContext, tenant_id: str) -> None:
        self.ctx, self.tenant_id, self.kb = ctx, tenant_id, get_kb(ctx, tenant_id)

    def add_products(self, products: list[Product], source_id: str) -> list[str]:
        product_store.replace_source(self.ctx.db, self.tenant_id, source_id, products)
        return self.kb.add_products(products, source_id)

    def __getattr__(self, name: str):
        return getattr(self.kb, name)


def clean_doc_id(raw: str) -> str:
    """A document id is a relative path such as dishes/vegetable_dish/西红柿炒鸡蛋.md: only an id,
    never a path on our disk, but still held to a strict shape."""
    doc_id = PurePosixPath(raw.strip().replace("\\", "/").lstrip("/")).as_posix()
    if len(doc_id) > 200 or {".", ".."} & set(doc_id.split("/")) or not _DOC_ID.match(doc_id):
        raise InvalidInput("文档路径无效：请用类似 dishes/番茄炒蛋.md 的相对路径", code="invalid_document_id")
    return doc_id


def _result(doc_id: str, report: IngestReport) -> dict:
    return {"id": doc_id, "documents": report.documents, "products": report.products, "chunks": report.chunks}


def upload_limit(ctx: AppContext, doc_id: str = "") -> int:
    """Catalogs and documents have limits of their own; before the name is known, the larger one."""
    uploads = ctx.settings.uploads
    if not doc_id:
        return max(uploads.limit("catalog"), uploads.limit("documents"))
    return uploads.limit("catalog" if PurePosixPath(doc_id).suffix.lower() in CATALOG_SUFFIXES else "documents")


def ingest_upload(ctx: AppContext, tenant_id: str, filename: str, data: bytes, *, path: str | None = None,
                  kind: str | None = None) -> dict:
    doc_id = clean_doc_id(path or PurePosixPath(filename.replace("\\", "/")).name)
    if len(data) > (limit := upload_limit(ctx, doc_id)):
        raise TooLarge(f"文件超过上限 {limit // MB} MB")
    return _result(doc_id, ingest_bytes(CatalogFirst(ctx, tenant_id), doc_id, data, kind=kind))


def ingest_paths(ctx: AppContext, tenant_id: str, paths: list[Path]) -> list[tuple[Path, IngestReport]]:
    """Files and folders (the CLI's `wutong ingest`); ids are paths relative to each folder."""
    return [(path, ingest_path(CatalogFirst(ctx, tenant_id), path)) for path in paths]


def add_text_document(ctx: AppContext, tenant_id: str, path: str, text: str, *, title: str | None = None,
                      kind: str | None = None) -> dict:
    doc_id = clean_doc_id(path)
    chunks = get_kb(ctx, tenant_id).add_document(doc_id, text, title=title, kind=kind or guess_kind(doc_id, text))
    return {"id": doc_id, "documents": [doc_id], "products": [], "chunks": chunks}


def list_documents(ctx: AppContext, tenant_id: str) -> list[DocumentInfo]:
    return get_kb(ctx, tenant_id).list_documents()


def search(ctx: AppContext, tenant_id: str, query: str, k: int) -> list:
    return get_kb(ctx, tenant_id).search(query, k)


def drop_document(ctx: AppContext, tenant_id: str, doc_id: str) -> bool:
    """Remove a document's chunks, its product row (if it is a product) and re-open the gaps it
    answered; False when the knowledge base did not hold it."""
    product_store.delete_product(ctx.db, tenant_id, doc_id)
    gap_store.reopen_answered_by(ctx.db, tenant_id, doc_id)
    try:
        get_kb(ctx, tenant_id).delete_document(doc_id)
    except NotFound:
        return False
    return True


def delete_document(ctx: AppContext, tenant_id: str, doc_id: str) -> None:
    if not drop_document(ctx, tenant_id, doc_id):
        raise not_found("document")


def list_gaps(ctx: AppContext, tenant_id: str, status: str | None) -> list[Gap]:
    return gap_store.list_gaps(ctx.db, tenant_id, status)


def answer_gap(ctx: AppContext, tenant_id: str, gap_id: str, answer: str) -> dict:
    """The leader's answer becomes an FAQ document the bot can answer from next time."""
    gap = require(gap_store.get_gap(ctx.db, tenant_id, gap_id), "gap")
    doc_id = f"faq/gap-{gap.id}.md"
    text = f"# {gap.question}\n\n{answer.strip()}\n"
    chunks = get_kb(ctx, tenant_id).add_document(doc_id, text, title=gap.question, kind="faq")
    gap_store.mark_answered(ctx.db, tenant_id, gap.id, doc_id)
    return {"id": doc_id, "documents": [doc_id], "products": [], "chunks": chunks}


def run_seed_job(job: JobContext) -> dict:
    """Seed a tenant with the sample catalog and recipes shipped in knowledge/seed."""
    job.progress(0.05, "seeding")
    report = seed_knowledge(CatalogFirst(job.services, job.job.tenant_id))
    return {"documents": len(report.documents), "products": len(report.products), "chunks": report.chunks}


JOBS = {"seed_knowledge": run_seed_job}
