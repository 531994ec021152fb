"""Rank fusion, and search results built from chromadb rows."""

from __future__ import annotations

import json

import numpy as np

from pipelines.retrieval import Hit

__all__ = ["RRF_K", "Hit", "fuse", "make_hit"]

RRF_K = 60  # the usual reciprocal-rank-fusion constant: damps the weight of the very first ranks


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
