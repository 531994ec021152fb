"""A tenant's knowledge base: chunks in a chromadb collection, searched by vectors and BM25 fused.

One collection per tenant; a chunk's metadata names its document (`doc_id`), the id a citation
uses (`source_id`), title and kind. Every write bumps a version in the collection's metadata, so
the in-memory BM25 index is rebuilt after any change, even one made by another process.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from knowledge.chunking import Chunk, chunk_document, chunk_transcript
from knowledge.lexical import LexicalIndex
from knowledge.retrieval import fuse, make_hit
from knowledge.snapshot import Snapshot, build_snapshot
from knowledge.store import collection_name, get_cache, get_client, get_tenant_state
from pipelines.catalog import Product
from pipelines.embeddings import CachedEmbedder, ChromaEmbeddingFunction, Embedder
from pipelines.errors import InvalidInput, NotFound
from pipelines.retrieval import Hit, SourceInfo
from pipelines.transcript import Transcript

Kind = Literal["recipe", "faq", "product", "transcript", "doc"]
KINDS = ("recipe", "faq", "product", "transcript", "doc")


@dataclass
class DocumentInfo:
    id: str
    title: str
    kind: str
    chunks: int
    meta: dict = field(default_factory=dict)


class KnowledgeBase:
    def __init__(self, root: Path, tenant_id: str, embedder: Embedder, *, chunk_chars: int = 400,
                 candidates: int = 30, server_url: str | None = None) -> None:
        """`root` holds the embedding cache (and the embedded store); `server_url` is a Chroma server to
        use instead of the embedded store (knowledge/store.py)."""
        self.root, self.tenant_id, self.chunk_chars, self.candidates = Path(root), tenant_id, chunk_chars, candidates
        self.embedder = embedder if isinstance(embedder, CachedEmbedder) else CachedEmbedder(embedder, get_cache(root))
        self._client = get_client(root, server_url)
        self._name = collection_name(tenant_id)
        self._state = get_tenant_state(server_url or root, tenant_id)
        self._collection = self._client.get_or_create_collection(
            self._name, embedding_function=ChromaEmbeddingFunction(self.embedder),
            configuration={"hnsw": {"space": "cosine"}}, metadata=self._version_meta(),
        )

    # -- writes -------------------------------------------------------------------------------

    def add_document(self, doc_id: str, text: str, *, title: str | None = None, kind: Kind = "doc",
                     meta: dict | None = None) -> int:
        """Index (or re-index) a Markdown/text document; returns its number of chunks."""
        if kind not in KINDS:
            raise InvalidInput(f"unknown knowledge kind '{kind}'")
        if not text.strip():
            raise InvalidInput(f"document '{doc_id}' is empty")
        title = title or _first_heading(text) or Path(doc_id).stem
        chunks = chunk_document(doc_id, text, title, max_chars=self.chunk_chars)
        self._replace([doc_id], chunks, {doc_id: (title, kind, meta or {})})
        return len(chunks)

    def add_products(self, products: list[Product], source_id: str) -> list[str]:
        """One chunk per product (id = SKU); products no longer in this catalog are removed."""
        chunks = [Chunk(p.sku, p.sku, p.describe(), {}) for p in products]
        docs = {p.sku: (p.name, "product", {"fields": p.fields, "catalog": source_id}) for p in products}
        stale = [d.id for d in self.list_documents() if d.meta.get("catalog") == source_id and d.id not in docs]
        self._replace(list(docs) + stale, chunks, docs)
        return list(docs)

    def add_transcript(self, recording_id: str, transcript: Transcript, title: str) -> int:
        """Index a recording's talk in 30-60 s windows; each chunk cites `rec:<id>@<start>`."""
        doc_id = f"rec:{recording_id}"
        chunks = chunk_transcript(recording_id, transcript, title)
        self._replace([doc_id], chunks, {doc_id: (title, "transcript", {"recording_id": recording_id})})
        return len(chunks)

    def delete_document(self, doc_id: str) -> int:
        """Remove a document's chunks; NotFound when it has none."""
        with self._state.lock:
            found = self._collection.get(where={"doc_id": doc_id}, include=[])["ids"]
            if not found:
                raise NotFound(f"knowledge document '{doc_id}' not found")
            self._collection.delete(ids=found)
            self._bump()
        return len(found)

    def drop(self) -> None:
        """Delete the tenant's whole collection and forget its in-memory index (tenant deletion)."""
        with self._state.lock:
            self._client.delete_collection(self._name)
            self._state.snapshot = None

    def _replace(self, doc_ids: list[str], chunks: list[Chunk], docs: dict[str, tuple]) -> None:
        """The new chunks are written first and only then the stale ones deleted: a reader sees the old
        version or the new one (briefly both), never neither."""
        vectors = self.embedder.embed_documents([c.text for c in chunks])  # slow part: outside the lock
        metas = [self._chunk_meta(c, docs) for c in chunks]
        with self._state.lock:
            old = self._chunk_ids(doc_ids)
            for start in range(0, len(chunks), 1000):
                end = start + 1000
                self._collection.upsert(ids=[c.chunk_id for c in chunks[start:end]], embeddings=vectors[start:end],
                                        documents=[c.text for c in chunks[start:end]], metadatas=metas[start:end])
            stale = sorted(set(old) - {c.chunk_id for c in chunks})
            for start in range(0, len(stale), 1000):
                self._collection.delete(ids=stale[start:start + 1000])
            self._bump()

    def _chunk_ids(self, doc_ids: list[str]) -> list[str]:
        found: list[str] = []
        for start in range(0, len(doc_ids), 500):
            found += self._collection.get(where={"doc_id": {"$in": doc_ids[start:start + 500]}}, include=[])["ids"]
        return found

    def _chunk_meta(self, chunk: Chunk, docs: dict[str, tuple]) -> dict:
        doc_id = chunk.source_id.split("@")[0] if chunk.source_id.startswith("rec:") else chunk.source_id
        title, kind, meta = docs[doc_id]
        extra = {k: v for k, v in chunk.meta.items() if isinstance(v, (str, int, float, bool))}
        return {"doc_id": doc_id, "source_id": chunk.source_id, "title": title, "kind": kind,
                "meta": json.dumps(meta, ensure_ascii=False), **extra}

    def _version_meta(self) -> dict:
        return {"tenant": self.tenant_id, "version": uuid.uuid4().hex}

    def _bump(self) -> None:
        self._collection.modify(metadata=self._version_meta())

    # -- reads --------------------------------------------------------------------------------

    def list_documents(self) -> list[DocumentInfo]:
        docs: dict[str, DocumentInfo] = {}
        for m in self._collection.get(include=["metadatas"])["metadatas"] or []:
            info = docs.get(m["doc_id"])
            if info is None:
                docs[m["doc_id"]] = DocumentInfo(m["doc_id"], m["title"], m["kind"], 1, json.loads(m["meta"]))
            else:
                info.chunks += 1
        return sorted(docs.values(), key=lambda d: d.id)

    def export_chunks(self) -> list[dict]:
        """Every chunk with its text, metadata and vector (backups, migrations, benchmarks)."""
        rows = self._collection.get(include=["documents", "metadatas", "embeddings"])
        return [{"chunk_id": i, "text": t, "meta": m, "embedding": list(map(float, e))}
                for i, t, m, e in zip(rows["ids"], rows["documents"], rows["metadatas"], rows["embeddings"])]

    def count(self) -> int:
        return self._collection.count()

    def search(self, query: str, k: int = 5, *, candidates: int | None = None, use_lexical: bool = True) -> list[Hit]:
        """The k best chunks by reciprocal-rank fusion of vector and BM25 rankings (raw scores kept)."""
        candidates = candidates or self.candidates
        total = self.count()
        if not query.strip() or total == 0:
            return []
        qvec = self.embedder.embed_query(query)
        res = self._collection.query(query_embeddings=[qvec], n_results=min(candidates, total), include=["distances"])
        vector = {cid: 1.0 - d for cid, d in zip(res["ids"][0], res["distances"][0])}
        lexical = self._lexical_scores(query, candidates) if use_lexical else {}
        ranked = fuse([list(vector), list(lexical)])[:k]
        rows = self._collection.get(ids=[cid for cid, _ in ranked], include=["documents", "metadatas", "embeddings"])
        by_id = {cid: (doc, meta, emb) for cid, doc, meta, emb in
                 zip(rows["ids"], rows["documents"], rows["metadatas"], rows["embeddings"])}
        return [make_hit(cid, fused, by_id[cid], qvec, vector.get(cid), lexical.get(cid, 0.0))
                for cid, fused in ranked if cid in by_id]

    def snapshot(self) -> Snapshot:
        """The whole collection read once per version: BM25 index, sources, chunks by source."""
        version = self._client.get_collection(self._name).metadata.get("version")
        state = self._state
        if state.snapshot is None or state.snapshot.version != version:
            with state.lock:
                if state.snapshot is None or state.snapshot.version != version:
                    state.snapshot = build_snapshot(version, self._collection.get(include=["documents", "metadatas"]))
        return state.snapshot

    def lexical_index(self) -> LexicalIndex:
        """The tenant's BM25 index, rebuilt when the collection changed since it was built."""
        return self.snapshot().index

    def version(self) -> str:
        """Changes with every write (the `Retriever` protocol: answer caches key on it)."""
        return self.snapshot().version

    def sources(self) -> list[SourceInfo]:
        """Every document, product and recording in this knowledge (the `Retriever` protocol)."""
        return self.snapshot().sources

    def source_chunks(self, source_id: str) -> list[Hit]:
        """All chunks of one source in document order (the `Retriever` protocol)."""
        return list(self.snapshot().chunks.get(source_id, []))

    def idf(self, term: str) -> float:
        """The term's BM25 IDF in this tenant's knowledge (the `Retriever` protocol)."""
        return self.lexical_index().idf(term)

    def _lexical_scores(self, query: str, candidates: int) -> dict[str, float]:
        index = self.lexical_index()
        scores = index.scores(query)
        top = scores.argsort()[::-1][:candidates]
        return {index.chunk_ids[i]: float(scores[i]) for i in top if scores[i] > 0}


def _first_heading(text: str) -> str:
    for line in text.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return ""
