"""Evaluate resident Q&A on a question file against a knowledge base fed ../shared/knowledge.

    .venv/bin/python benchmarks/qa_eval.py ../shared/eval/questions-dev.jsonl [--no-llm] [--verbose]

Prints hit@3 on answerable questions, hand-off rates on refuse and answerable questions, and the
share of answers holding their required facts. The knowledge base lives in a temporary folder;
embeddings are cached under var/bench so a re-run does not embed the recipes again.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from knowledge import KnowledgeBase, ingest_path  # noqa: E402
from pipelines.embeddings import CachedEmbedder, EmbeddingCache, get_embedder  # noqa: E402
from pipelines.llm import LLMOptions, get_llm  # noqa: E402
from pipelines.qa import AskOptions, answer_question  # noqa: E402
from pipelines.qa.evaluate import evaluate, load_questions  # noqa: E402

SHARED = REPO.parent / "shared"


def build_kb(root: Path, knowledge: Path, cache: Path) -> KnowledgeBase:
    embedder = CachedEmbedder(get_embedder(), EmbeddingCache(cache))
    kb = KnowledgeBase(root, "eval", embedder)
    ingest_path(kb, knowledge / "recipes")
    ingest_path(kb, knowledge / "products.csv")
    return kb


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("questions", type=Path)
    parser.add_argument("--knowledge", type=Path, default=SHARED / "knowledge")
    parser.add_argument("--cache", type=Path, default=REPO / "var" / "bench" / "embeddings.sqlite")
    parser.add_argument("--no-llm", action="store_true", help="extractive answers only")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        kb = build_kb(Path(tmp), args.knowledge, args.cache)
        llm = None if args.no_llm else get_llm(LLMOptions(), REPO / "var" / "models")
        options = AskOptions()
        report = evaluate(load_questions(args.questions), lambda q: answer_question(q, kb, llm, options))
    if args.verbose:
        for o in report.outcomes:
            a = o.answer
            print(f"[{o.question['expect']}] {o.question['question']} -> handoff={a.handoff} {a.reason} {a.mode} "
                  f"{o.seconds:.1f}s\n    {a.answer}\n    {[s.id for s in a.sources]}")
    for key, value in report.summary().items():
        print(f"{key:16s} {value:.3f}" if isinstance(value, float) else f"{key:16s} {value}")


if __name__ == "__main__":
    main()
