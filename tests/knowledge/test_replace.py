"""Re-indexing a document never leaves a moment where neither version is there; a tenant's whole
knowledge base can be dropped."""

from __future__ import annotations

import threading
from pathlib import Path

from knowledge import KnowledgeBase
from tests.knowledge.fakes import FakeEmbedder

DOC = "faq/配送.md"


def version(n: int) -> str:
    """1 to 5 sections (a chunk each), so each version leaves some stale chunks of the one before."""
    return "# 配送\n\n" + "".join(f"## 第{i}条\n\n第{n}版：每周五下午四点在东门自提。\n\n" for i in range(1 + n % 5))


def test_a_reader_always_finds_the_document_while_it_is_replaced(tmp_path: Path) -> None:
    kb = KnowledgeBase(tmp_path, "t", FakeEmbedder())
    kb.add_document(DOC, version(0), kind="faq")
    missing, stop = [], threading.Event()

    def read() -> None:
        while not stop.is_set():
            if not kb._collection.get(where={"doc_id": DOC}, include=[])["ids"]:
                missing.append(1)

    reader = threading.Thread(target=read)
    reader.start()
    for n in range(1, 40):
        kb.add_document(DOC, version(n), kind="faq")
    stop.set()
    reader.join()
    assert missing == []
    [doc] = kb.list_documents()
    assert doc.chunks == 1 + 39 % 5  # stale chunks of longer versions are gone


def test_drop_removes_the_collection(tmp_path: Path) -> None:
    kb = KnowledgeBase(tmp_path, "t", FakeEmbedder())
    kb.add_document(DOC, version(1), kind="faq")
    kb.drop()
    assert kb._client.list_collections() == [] or kb._name not in [c.name for c in kb._client.list_collections()]
