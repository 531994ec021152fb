"""The tenant's knowledge base as the app sees it: documents, the product catalog, gaps."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from app.context import AppContext
from app.jobs.worker import JobContext
from app.store.gaps import mark_answered
from knowledge import KnowledgeBase, seed_knowledge
from knowledge.ingest import guess_kind, ingest_bytes
from pipelines.catalog import Product
from pipelines.embeddings import get_embedder
from pipelines.errors import InvalidInput

_DOC_ID = re.compile(r"^[\w\u3400-\u9fff .()（）·+-]+(/[\w\u3400-\u9fff .()（）·+-]+)*$")


def get_kb(ctx: AppContext, tenant_id: str) -> KnowledgeBase:
    return KnowledgeBase(ctx.files.knowledge_root(), tenant_id, get_embedder())


def clean_doc_id(raw: str) -> str:
    """A document id is a relative path such as dishes/vegetable_dish/西红柿炒鸡蛋.md: only an id,
    never a path on our disk, but still held to a strict shape."""
    doc_id = PurePosixPath(raw.strip().replace("\\", "/").lstrip("/")).as_posix()
    if len(doc_id) > 200 or {".", ".."} & set(doc_id.split("/")) or not _DOC_ID.match(doc_id):
        raise InvalidInput("文档路径无效：请用类似 dishes/番茄炒蛋.md 的相对路径", code="invalid_document_id")
    return doc_id


def ingest_upload(ctx: AppContext, tenant_id: str, filename: str, data: bytes, *, path: str | None = None,
                  kind: str | None = None) -> dict:
    doc_id = clean_doc_id(path or PurePosixPath(filename.replace("\\", "/")).name)
    report = ingest_bytes(get_kb(ctx, tenant_id), doc_id, data, kind=kind)
    return {"id": doc_id, "documents": report.documents, "products": report.products, "chunks": report.chunks}


def tenant_catalog(ctx: AppContext, tenant_id: str) -> list[Product]:
    """The catalog is the products in the knowledge base: one source of truth for every feature."""
    return [Product(sku=d.id, name=d.title, fields=d.meta.get("fields", {}))
            for d in get_kb(ctx, tenant_id).list_documents() if d.kind == "product"]


def add_text_document(ctx: AppContext, tenant_id: str, body) -> dict:
    doc_id = clean_doc_id(body.path)
    kb = get_kb(ctx, tenant_id)
    chunks = kb.add_document(doc_id, body.text, title=body.title, kind=body.kind or guess_kind(doc_id))
    return {"id": doc_id, "documents": [doc_id], "products": [], "chunks": chunks}


def answer_gap(ctx: AppContext, tenant_id: str, gap, answer: str) -> dict:
    doc_id = f"faq/gap-{gap.id}.md"
    text = f"# {gap.question}\n\n{answer.strip()}\n"
    chunks = get_kb(ctx, tenant_id).add_document(doc_id, text, title=gap.question, kind="faq")
    mark_answered(ctx.db, tenant_id, gap.id, doc_id)
    return {"id": doc_id, "documents": [doc_id], "products": [], "chunks": chunks}


def run_seed_job(job: JobContext) -> dict:
    """Seed a tenant with the sample catalog and recipes shipped in knowledge/seed."""
    job.progress(0.05, "seeding")
    report = seed_knowledge(get_kb(job.services, job.job.tenant_id))
    return {"documents": len(report.documents), "products": len(report.products), "chunks": report.chunks}
