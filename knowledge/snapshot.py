"""One read of a tenant's whole collection, kept until the collection's version changes.

The version lives in the collection's metadata (KnowledgeBase bumps it after every write), not in
this process, so a write by another process (the API ingests, a worker indexes a transcript, both on
one Chroma server) makes every process rebuild its snapshot on its next read.

The BM25 index and the answerer's views (the catalog's products, each document's chunks in order)
are built from the same read, so a question never pays for a full collection scan.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from knowledge.lexical import LexicalIndex
from pipelines.retrieval import Hit, SourceInfo


@dataclass
class Snapshot:
    version: str
    index: LexicalIndex
    sources: list[SourceInfo] = field(default_factory=list)
    chunks: dict[str, list[Hit]] = field(default_factory=dict)  # source id -> its chunks, in order


def build_snapshot(version: str, rows: dict) -> Snapshot:
    ids, texts, metas = rows["ids"], rows["documents"], rows["metadatas"]
    snapshot = Snapshot(version, LexicalIndex(ids, texts))
    infos: dict[str, SourceInfo] = {}
    for chunk_id, text, meta in zip(ids, texts, metas):
        extra = json.loads(meta.get("meta") or "{}")
        if "heading" in meta:
            extra["heading"] = meta["heading"]
        hit = Hit(meta["source_id"], chunk_id, meta["title"], meta["kind"], 0.0, "", text, extra)
        hit.snippet = hit.body[:100]
        snapshot.chunks.setdefault(hit.id, []).append(hit)
        if meta["doc_id"] not in infos:
            infos[meta["doc_id"]] = SourceInfo(meta["doc_id"], meta["title"], meta["kind"], json.loads(meta.get("meta") or "{}"))
    for hits in snapshot.chunks.values():
        hits.sort(key=lambda h: _chunk_no(h.chunk_id))
    snapshot.sources = sorted(infos.values(), key=lambda s: s.id)
    return snapshot


def _chunk_no(chunk_id: str) -> int:
    tail = chunk_id.rpartition("#")[2]
    return int(tail) if tail.isdigit() else 0
