from __future__ import annotations

import threading
from pathlib import Path

import pytest

from knowledge import KnowledgeBase, ingest_path
from knowledge.ingest import ingest_bytes
from pipelines.catalog import load_catalog
from pipelines.errors import InvalidInput, NotFound
from pipelines.transcript import Segment, Transcript
from tests.knowledge.fakes import FakeEmbedder
from tests.utils.paths import PRODUCTS_CSV, RECIPES

TOMATO = "dishes/vegetable_dish/西红柿炒鸡蛋.md"


@pytest.fixture
def kb(tmp_path: Path) -> KnowledgeBase:
    return KnowledgeBase(tmp_path, "tenant-a", FakeEmbedder())


def test_search_finds_a_document_by_its_words(kb):
    kb.add_document("faq/配送.md", "# 配送说明\n\n团购商品本周五统一送到小区东门自提点。", kind="faq")
    kb.add_document("faq/售后.md", "# 售后\n\n坏果请在收货24小时内拍照联系团长。", kind="faq")
    hits = kb.search("自提点在哪里", 2)
    assert hits[0].id == "faq/配送.md" and hits[0].kind == "faq" and hits[0].title == "配送说明"
    assert hits[0].bm25_score > 0 and -1.0 <= hits[0].vector_score <= 1.0
    assert hits[0].snippet and hits[0].snippet in hits[0].text


def test_reingest_replaces_the_chunks(kb):
    kb.add_document("doc.md", "# 旧\n\n" + "旧的内容。" * 200)
    kb.add_document("doc.md", "# 新\n\n新的内容只有一句。")
    [doc] = kb.list_documents()
    assert (doc.id, doc.title, doc.chunks) == ("doc.md", "新", 1)
    assert all("旧的内容" not in h.text for h in kb.search("旧的内容", 5))


def test_delete_removes_every_chunk(kb):
    kb.add_document("a.md", "# 甲\n\n" + "苹果很甜。" * 150)
    kb.add_document("b.md", "# 乙\n\n香蕉很软。")
    assert kb.delete_document("a.md") >= 2
    assert [d.id for d in kb.list_documents()] == ["b.md"]
    assert {h.id for h in kb.search("苹果", 5)} == {"b.md"}
    with pytest.raises(NotFound):
        kb.delete_document("a.md")


def test_tenants_never_see_each_other(tmp_path):
    a = KnowledgeBase(tmp_path, "tenant-a", FakeEmbedder())
    b = KnowledgeBase(tmp_path, "tenant/b 二号团", FakeEmbedder())
    a.add_document("secret.md", "# 甲团内部\n\n甲团的进货价是三十元。")
    b.add_document("public.md", "# 乙团\n\n乙团的榴莲本周到货。")
    assert {h.id for h in b.search("甲团的进货价", 5)} == {"public.md"}
    assert {h.id for h in a.search("榴莲到货", 5)} == {"secret.md"}
    assert [d.id for d in b.list_documents()] == ["public.md"]


def test_gbk_catalog_ingests_as_products(kb, tmp_path):
    csv = "sku,名称,价格,规格,过敏原\nG-1,五香花生米,12.5,200g,花生\nG-2,手工年糕,9.9,500g,\n"
    path = tmp_path / "catalog-gbk.csv"
    path.write_bytes(csv.encode("gbk"))
    report = ingest_path(kb, path)
    assert report.products == ["G-1", "G-2"]
    hit = kb.search("花生米多少钱", 1)[0]
    assert (hit.id, hit.kind, hit.title) == ("G-1", "product", "五香花生米")
    assert hit.meta["fields"]["价格"] == "12.5" and "过敏原：花生" in hit.text


def test_a_catalog_reupload_drops_products_it_no_longer_lists(kb):
    products = load_catalog(PRODUCTS_CSV)
    kb.add_products(products, "products.csv")
    kb.add_products(products[:3], "products.csv")
    assert sorted(d.id for d in kb.list_documents()) == [p.sku for p in products[:3]]


def test_folder_ids_are_paths_relative_to_the_folder(tmp_path):
    kb = KnowledgeBase(tmp_path / "kb", "t", FakeEmbedder())
    report = ingest_path(kb, RECIPES / "dishes" / "..")  # the recipes folder itself
    assert TOMATO in report.documents and not any(d.startswith("LICENSE") for d in report.documents)
    assert next(d for d in kb.list_documents() if d.id == TOMATO).kind == "recipe"


def test_ingest_bytes_rejects_unknown_types(kb):
    with pytest.raises(InvalidInput):
        ingest_bytes(kb, "photo.png", b"\x89PNG")


def test_unchanged_text_is_never_embedded_twice(tmp_path):
    fake = FakeEmbedder()
    kb = KnowledgeBase(tmp_path, "t", fake)
    text = (RECIPES / TOMATO).read_text(encoding="utf-8")
    kb.add_document(TOMATO, text)
    first = fake.calls
    KnowledgeBase(tmp_path, "other-tenant", fake).add_document(TOMATO, text)
    kb.add_document(TOMATO, text)
    assert first > 0 and fake.calls == first


def test_transcript_chunks_cite_recording_and_time(kb):
    segments = [Segment(float(t), float(t + 9), f"今天的橄榄油第{t}秒。") for t in range(0, 120, 10)]
    assert kb.add_transcript("r42", Transcript("zh", 120.0, segments), "周五直播") >= 2
    hit = kb.search("橄榄油", 1)[0]
    assert hit.kind == "transcript" and hit.id.startswith("rec:r42@") and hit.meta["end"] > hit.meta["start"]
    assert [d.id for d in kb.list_documents()] == ["rec:r42"]
    kb.delete_document("rec:r42")
    assert kb.count() == 0


def test_concurrent_searches_and_writes(kb):
    kb.add_products(load_catalog(PRODUCTS_CSV), "products.csv")
    errors: list[Exception] = []

    def worker(i: int) -> None:
        try:
            for _ in range(5):
                assert kb.search("橄榄油多少钱", 3)[0].id == "WT-001"
            if i % 4 == 0:
                kb.add_document(f"faq/{i}.md", f"# 问答{i}\n\n第{i}条说明。")
        except Exception as exc:  # noqa: BLE001 (collected and re-raised below)
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert not errors
    assert len([d for d in kb.list_documents() if d.kind == "doc"]) == 2
