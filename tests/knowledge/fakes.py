"""A deterministic embedder for unit tests of the logic around embeddings (never the only test)."""

from __future__ import annotations

import hashlib

import numpy as np


class FakeEmbedder:
    """Hashed character bigrams, L2-normalised: texts sharing words get similar vectors."""

    name = "fake:bigrams"

    def __init__(self, dim: int = 64) -> None:
        self.dim = dim
        self.calls = 0

    def _vector(self, text: str) -> list[float]:
        vec = np.zeros(self.dim, dtype=np.float32)
        for i in range(max(len(text) - 1, 1)):
            digest = hashlib.md5(text[i:i + 2].encode()).digest()
            vec[int.from_bytes(digest[:4], "little") % self.dim] += 1.0
        norm = float(np.linalg.norm(vec)) or 1.0
        return (vec / norm).tolist()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.calls += len(texts)
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text)
