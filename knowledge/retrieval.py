"""Search results and rank fusion."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import numpy as np

RRF_K = 60  # the usual reciprocal-rank-fusion constant: damps the weight of the very first ranks


@dataclass
class Hit:
    id: str  # the source id a citation names: SKU, document path, or rec:<id>@<start>
    chunk_id: str
    title: str
    kind: str
    score: float  # fused (reciprocal-rank) score
    snippet: str
    text: str
    meta: dict = field(default_factory=dict)
    vector_score: float = 0.0  # cosine similarity of query and chunk
    bm25_score: float = 0.0  # raw BM25; 0 when the chunk shares no term with the query

    @property
    def body(self) -> str:
        """The chunk text without its first (breadcrumb or title) line."""
        head, _, rest = self.text.partition("\n")
        return rest.strip() or head


def fuse(rankings: list[list[str]], k: int = RRF_K) -> list[tuple[str, float]]:
    """Reciprocal-rank fusion of several best-first id lists."""
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank + 1)
    return sorted(scores.items(), key=lambda kv: -kv[1])


def make_hit(chunk_id: str, fused: float, row: tuple, qvec: list[float],
             vector: float | None, bm25: float) -> Hit:
    text, meta, embedding = row
    if vector is None:  # found by BM25 only: score it against the query all the same
        vector = float(np.dot(np.asarray(embedding, dtype=np.float32), np.asarray(qvec, dtype=np.float32)))
    extra = json.loads(meta.get("meta") or "{}")
    for key in ("start", "end", "heading", "doc_id"):
        if key in meta:
            extra[key] = meta[key]
    hit = Hit(meta["source_id"], chunk_id, meta["title"], meta["kind"], fused, "", text, extra, float(vector), bm25)
    hit.snippet = hit.body[:100]
    return hit
