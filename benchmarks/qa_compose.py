"""Two questions in one message: pairs of evaluation items, each answered correctly when asked alone, sent as one
chat message; the answer must satisfy both items' rules (every must group of each, no must_not of either).

    .venv/bin/python benchmarks/qa_compose.py [--set unseen17 --set seed12 ...] [--verbose]

Residents put a second question after the first with a space, a comma, 还有, 另外 or 顺便问下, and mix a product with
a recipe ("橙子有坏的能赔吗，白灼虾为什么不能开大火"). A message of several questions goes through more of the answerer
(splitting into questions, naming each one's subject, joining the answers) than either question alone, so this
measures that machinery on questions whose single answers are known right. Baseline, measured in the same run: the
same items asked one by one (all correct by construction, so the ratio is the share of pairs kept right). Pairs are
drawn with a fixed seed per question file, so runs compare; a pair whose must phrase is the other's must_not is
skipped. LLM off (catalog and recipe answers make no model call).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from qa_eval import SETS, build_kb  # noqa: E402

from pipelines.qa import AskOptions, answer_question  # noqa: E402
from pipelines.qa.evaluate import judge, load_questions, normalise  # noqa: E402

JOINERS = (" ", "，", "？还有", "。另外", "？顺便问下")
DEFAULT_SETS = ("unseen17", "seed12", "unseen16", "seed11", "unseen19", "seed14")


def clash(first: dict, second: dict) -> bool:
    """A must phrase of one inside a must_not phrase of the other: no answer could satisfy both."""
    return any(normalise(p) in normalise(x) for g in first.get("must", []) for p in g for x in second.get("must_not", []))


def pairs_of(items: list[dict], seed: int) -> list[tuple[dict, dict, str]]:
    rng = random.Random(seed)
    items = list(items)
    rng.shuffle(items)
    return [(a, b, rng.choice(JOINERS)) for a, b in zip(items[::2], items[1::2]) if not clash(a, b) and not clash(b, a)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", choices=list(SETS), help=f"default: {', '.join(DEFAULT_SETS)}")
    parser.add_argument("--cache", type=Path, default=REPO / "var" / "bench" / "embeddings.sqlite")
    parser.add_argument("--verbose", action="store_true", help="print every pair answered wrongly")
    args = parser.parse_args()
    print(f"{'set':<12}{'singles':>9}{'right':>7}{'pairs':>7}{'right':>7}{'rate':>7}")
    total_pairs = total_right = 0
    for name in args.set or DEFAULT_SETS:
        singles = single_right = pairs = pair_right = 0
        for questions, rules, knowledge, catalog in SETS[name]:
            items = [q for q in load_questions(questions, rules) if q.get("expect") != "refuse" and q.get("type") != "multi"]
            with tempfile.TemporaryDirectory() as tmp:
                kb = build_kb(Path(tmp), knowledge, catalog, args.cache)
                options = AskOptions(use_llm=False)
                right = [q for q in items if judge(answer_question(q["question"], kb, None, options), q) == "correct"]
                singles, single_right = singles + len(items), single_right + len(right)
                for a, b, joiner in pairs_of(right, zlib.crc32(str(questions.name).encode() + name.encode())):
                    message = a["question"].rstrip("？?。！! ") + joiner + b["question"]
                    rule = {"expect": "answer", "must": a.get("must", []) + b.get("must", []),
                            "must_not": a.get("must_not", []) + b.get("must_not", [])}
                    answer = answer_question(message, kb, None, options)
                    verdict = judge(answer, rule)
                    pairs, pair_right = pairs + 1, pair_right + (verdict == "correct")
                    if args.verbose and verdict != "correct":
                        print(f"[{a['id']}+{b['id']} {verdict}] {message}\n    {answer.answer}\n")
        total_pairs, total_right = total_pairs + pairs, total_right + pair_right
        print(f"{name:<12}{singles:>9}{single_right:>7}{pairs:>7}{pair_right:>7}{pair_right / max(pairs, 1):>7.3f}")
    print(f"pairs right {total_right}/{total_pairs} = {total_right / max(total_pairs, 1):.3f}; "
          f"ratio against the same items asked alone (1.000): {total_right / max(total_pairs, 1):.3f}")


if __name__ == "__main__":
    main()
