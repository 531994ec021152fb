"""Resident Q&A under the way a group chat really delivers a message: does the verdict survive?

    .venv/bin/python benchmarks/qa_robustness.py [--set tune|fresh|fresh2 ...] [--show N] [--no-clean]

Every question of the sets is asked as written (the baseline, measured in the same run) and then
again wrapped the way WeChat and residents wrap it: an @mention of the leader, WeChat emoji codes and
Unicode emoji, polite openings and thanks, no punctuation, a voice-input message with spaces and line
breaks, Traditional characters from a Traditional-script phone, a quoted earlier message (WeChat's
「name：text」 + dashed rule reply format). None of these wrappings changes what is asked, so an item
the baseline answered correctly should stay correct. The wrappings come from how WeChat formats
messages, not from any question file.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import zlib
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.qa_eval import SETS, build_kb  # noqa: E402
from pipelines.qa import AskOptions, answer_question  # noqa: E402
from pipelines.qa.evaluate import evaluate, judge, load_questions  # noqa: E402
from pipelines.zh import cut  # noqa: E402
from pipelines.zh.script import to_traditional  # noqa: E402

_EMOJI_CODES = ("[捂脸]", "[呲牙]", "[抱拳]", "[微笑]", "[玫瑰]", "[强]", "[OK]", "[愉快]")  # WeChat's built-in set
_EMOJI = ("🙏", "😂", "👍", "😊", "🌹", "❤️")
_OPENINGS = ("麻烦问下，", "团长，", "请问一下", "团长你好，", "在吗？")
_THANKS = ("谢谢团长", "谢谢！", "麻烦了", "急", "多谢")
_PUNCT = re.compile(r"[，,。？?！!；;：:、]")
_QUOTE_RULE = "\n- - - - - - - - - - - - - - -\n"  # how WeChat prints a reply to a quoted message


def _pick(options: tuple[str, ...], question: str) -> str:
    return options[zlib.crc32(question.encode()) % len(options)]


def _spaced(question: str) -> str:
    """Voice input and older residents: a space or a line break between phrases, no question mark."""
    text = _PUNCT.sub(" ", question).strip()
    if " " in text:
        return text
    words = cut(text)
    half = len(words) // 2
    return "".join(words[:half]) + "\n" + "".join(words[half:])


WRAPPINGS: dict[str, Callable[[str], str]] = {
    "@mention": lambda q: "@团长\u2005" + q,
    "emoji code": lambda q: q + _pick(_EMOJI_CODES, q) + _pick(_EMOJI_CODES, q[::-1]),
    "emoji": lambda q: q + _pick(_EMOJI, q),
    "polite": lambda q: _pick(_OPENINGS, q) + q + _pick(_THANKS, q),
    "no punctuation": lambda q: _PUNCT.sub("", q),
    "spaces/lines": _spaced,
    "traditional": to_traditional,
    "quoted reply": lambda q: "「王阿姨：今天团的东西几点能到」" + _QUOTE_RULE + q,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", choices=["dev", "extra", "tune", "fresh", "fresh2", "fresh3"])
    parser.add_argument("--cache", type=Path, default=REPO / "var" / "bench" / "embeddings.sqlite")
    parser.add_argument("--show", type=int, default=0, help="print up to N broken items per wrapping")
    parser.add_argument("--no-clean", action="store_true",
                        help="skip pipelines/qa/message.py's clean-up (and the typo pass) to see what it buys")
    args = parser.parse_args()
    if args.no_clean:
        import pipelines.qa.answer as answer_module
        answer_module.clean_message = str.strip
        answer_module.correct_cue_typos = str.strip
    totals: dict[str, list[int]] = {name: [0, 0] for name in WRAPPINGS}
    baseline_kept = baseline_n = 0
    for name in args.set or ["tune", "fresh", "fresh2"]:
        (questions, rules, knowledge, catalog), = SETS[name]
        items = load_questions(questions, rules)
        with tempfile.TemporaryDirectory() as tmp:
            kb = build_kb(Path(tmp), knowledge, catalog, args.cache)
            ask = lambda q, kb=kb: answer_question(q, kb, None, AskOptions(use_llm=False))  # noqa: E731
            base = [o for o in evaluate(items, ask).outcomes]
            good = [o.question for o in base if o.verdict == "correct"]
            baseline_kept, baseline_n = baseline_kept + len(good), baseline_n + len(items)
            for wrap_name, wrap in WRAPPINGS.items():
                broken = []
                for item in good:
                    answer = ask(wrap(item["question"]))
                    if judge(answer, item) != "correct":
                        broken.append((wrap(item["question"]), answer))
                totals[wrap_name][0] += len(good) - len(broken)
                totals[wrap_name][1] += len(good)
                for text, answer in broken[:args.show]:
                    print(f"[{name} {wrap_name}] {text!r}\n    {answer.answer or answer.reason}")
    print(f"\n{'wrapping':<16}{'kept':>7}{'of':>6}{'share':>8}")
    print(f"{'as written':<16}{baseline_kept:>7}{baseline_n:>6}{baseline_kept / max(baseline_n, 1):>8.3f}")
    for wrap_name, (kept, n) in totals.items():
        print(f"{wrap_name:<16}{kept:>7}{n:>6}{kept / max(n, 1):>8.3f}")
    kept_all = sum(k for k, _ in totals.values()) / max(sum(n for _, n in totals.values()), 1)
    print(f"correct answers kept under a wrapping, against the as-written baseline: {kept_all:.3f}x")


if __name__ == "__main__":
    main()
