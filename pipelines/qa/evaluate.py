"""Score the answerer on a question file (jsonl: question, expect answer|refuse, sources, must_contain)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.qa.answer import Answer


@dataclass
class Outcome:
    question: dict
    answer: Answer
    seconds: float

    @property
    def hit_at_3(self) -> bool:
        return any(s.id in self.question["sources"] for s in self.answer.sources[:3])

    @property
    def facts_ok(self) -> bool:
        return not self.answer.handoff and all(f in self.answer.answer for f in self.question["must_contain"])


@dataclass
class EvalReport:
    outcomes: list[Outcome] = field(default_factory=list)

    def _answerable(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.question["expect"] == "answer"]

    @property
    def hit_at_3(self) -> float:
        cases = [o for o in self._answerable() if o.question["sources"]]
        return sum(o.hit_at_3 for o in cases) / max(len(cases), 1)

    @property
    def refuse_handoff(self) -> float:
        cases = [o for o in self.outcomes if o.question["expect"] == "refuse"]
        return sum(o.answer.handoff for o in cases) / max(len(cases), 1)

    @property
    def answer_handoff(self) -> float:
        cases = self._answerable()
        return sum(o.answer.handoff for o in cases) / max(len(cases), 1)

    @property
    def facts(self) -> float:
        cases = [o for o in self._answerable() if o.question["must_contain"]]
        return sum(o.facts_ok for o in cases) / max(len(cases), 1)

    def summary(self) -> dict[str, float]:
        return {"questions": len(self.outcomes), "hit@3": self.hit_at_3, "refuse_handoff": self.refuse_handoff,
                "answer_handoff": self.answer_handoff, "facts": self.facts}


def load_questions(path: Path) -> list[dict]:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def evaluate(questions: list[dict], ask: Callable[[str], Answer]) -> EvalReport:
    report = EvalReport()
    for q in questions:
        start = time.perf_counter()
        answer = ask(q["question"])
        report.outcomes.append(Outcome(q, answer, time.perf_counter() - start))
    return report
