from __future__ import annotations

from knowledge import KnowledgeBase, seed_knowledge
from knowledge.ingest import SEED_DIR
from pipelines.catalog import load_catalog
from tests.knowledge.fakes import FakeEmbedder
from tests.utils.paths import PRODUCTS_CSV


def test_the_seed_catalog_is_a_complete_sample():
    products = load_catalog(SEED_DIR / "catalog.csv")
    assert 12 <= len(products) <= 20 and len({p.sku for p in products}) == len(products)
    assert all(float(p.price) > 0 and p.get("spec") and p.get("arrival") for p in products)
    assert any(p.allergens for p in products) and any(not p.allergens for p in products)
    header = (SEED_DIR / "catalog.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == PRODUCTS_CSV.read_text(encoding="utf-8").splitlines()[0]


def test_the_recipes_keep_their_licence():
    recipes = SEED_DIR / "recipes"
    assert "Unlicense" in (recipes / "LICENSE").read_text(encoding="utf-8") or "public domain" in (
        recipes / "LICENSE").read_text(encoding="utf-8").lower()
    assert (recipes / "README.upstream.md").is_file()
    assert len(list(recipes.rglob("*.md"))) >= 100


def test_seeding_is_idempotent_and_embeds_nothing_twice(tmp_path):
    fake = FakeEmbedder()
    kb = KnowledgeBase(tmp_path, "default", fake)
    first = seed_knowledge(kb)
    calls, docs = fake.calls, kb.list_documents()
    again = seed_knowledge(kb)
    assert len(first.products) == 15 and len(first.documents) >= 100
    assert (again.chunks, fake.calls) == (first.chunks, calls)
    assert [(d.id, d.chunks) for d in kb.list_documents()] == [(d.id, d.chunks) for d in docs]
