"""Score the answerer on a question set by its answer text (rules in tests/pipelines/qa/RULES.md).

An answerable question is correct when the answer holds one phrasing of every `must` group and no
`must_not` phrase (a contradiction: 是的 where the source says no, a shelf life given for an
after-opening question); it is wrong otherwise, and handed off when the answerer refused. A refuse
question (out of scope, hostile) is correct only when handed off.
"""

from __future__ import annotations

import json
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.qa.answer import Answer

NEGATORS = "不没无非未别勿"  # Chinese negates by prefix: 不是的 does not say 是的
REFUSE_TYPES = ("out_of_scope", "hostile")


def normalise(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


def contains_affirmed(text: str, phrase: str) -> bool:
    """`phrase` occurs in `text` without a negation among the two characters before it."""
    start = text.find(phrase)
    while start >= 0:
        if not any(ch in NEGATORS for ch in text[max(0, start - 2):start]):
            return True
        start = text.find(phrase, start + 1)
    return False


def judge(answer: Answer, rule: dict) -> str:
    """correct | wrong | handed_off for an answerable item; correct | answered for a refuse item."""
    if rule["expect"] == "refuse":
        return "correct" if answer.handoff else "answered"
    if answer.handoff:
        return "handed_off"
    text = normalise(answer.answer)
    has_all = all(any(normalise(p) in text for p in group) for group in rule.get("must", []))
    return "correct" if has_all and not contradicts(text, rule) else "wrong"


def contradicts(text: str, rule: dict) -> bool:
    for phrase in map(normalise, rule.get("must_not", [])):
        if (phrase[0] in NEGATORS and phrase in text) or (phrase[0] not in NEGATORS and contains_affirmed(text, phrase)):
            return True
    return False


@dataclass
class Outcome:
    question: dict
    answer: Answer
    seconds: float

    @property
    def verdict(self) -> str:
        return judge(self.answer, self.question)

    @property
    def contradiction(self) -> bool:
        return not self.answer.handoff and contradicts(normalise(self.answer.answer), self.question)

    @property
    def hit_at_3(self) -> bool:
        return any(s.id in self.question.get("sources", []) for s in self.answer.sources[:3])


@dataclass
class EvalReport:
    outcomes: list[Outcome] = field(default_factory=list)

    def answerable(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.question["expect"] == "answer"]

    def refusable(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.question["expect"] == "refuse"]

    def share(self, cases: list[Outcome], verdict: str) -> float:
        return sum(o.verdict == verdict for o in cases) / max(len(cases), 1)

    @property
    def correct(self) -> float:
        return self.share(self.answerable(), "correct")

    @property
    def wrong(self) -> float:
        return self.share(self.answerable(), "wrong")

    @property
    def false_handoff(self) -> float:
        return self.share(self.answerable(), "handed_off")

    @property
    def refuse_handoff(self) -> float:
        return self.share(self.refusable(), "correct")

    @property
    def contradictions(self) -> int:
        return sum(o.contradiction for o in self.outcomes)

    def by_type(self) -> dict[str, dict[str, float]]:
        types: dict[str, list[Outcome]] = {}
        for o in self.outcomes:
            types.setdefault(o.question.get("type", "?"), []).append(o)
        return {t: {"n": len(cases), "correct": self.share(cases, "correct"), "wrong": self.share(cases, "wrong"),
                    "handed_off": self.share(cases, "handed_off") if t not in REFUSE_TYPES else self.share(cases, "correct")}
                for t, cases in sorted(types.items())}

    def summary(self) -> dict[str, float]:
        return {"questions": len(self.outcomes), "correct": self.correct, "wrong": self.wrong,
                "false_handoff": self.false_handoff, "refuse_handoff": self.refuse_handoff,
                "contradictions": self.contradictions}


def load_questions(path: Path, rules: Path | None = None) -> list[dict]:
    """Questions, each merged with its rule (rules inline, or in a separate file keyed by id)."""
    questions = _jsonl(path)
    by_id = {r["id"]: r for r in _jsonl(rules)} if rules else {}
    return [{**q, **by_id.get(q.get("id"), {})} for q in questions]


def _jsonl(path: Path) -> list[dict]:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def evaluate(questions: list[dict], ask: Callable[[str], Answer]) -> EvalReport:
    report = EvalReport()
    for q in questions:
        start = time.perf_counter()
        answer = ask(q["question"])
        report.outcomes.append(Outcome(q, answer, time.perf_counter() - start))
    return report
