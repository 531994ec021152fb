"""check_statement: the one fact check for Q&A answers and drafts.

Every number (with its unit), weekday or relative day, allergen, negation and yes/no in a
statement must be backed by the evidence; `FactReport.problems` lists what is not.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from pipelines.facts.allergens import allergen_words, canonical_names
from pipelines.facts.claims import NumberValue, day_claims, day_is_backed, number_claims, number_is_backed, read_backing
from pipelines.facts.polarity import Polarity, read_polarity

ProblemKind = Literal["number", "day", "allergen", "negation", "polarity"]


@dataclass(frozen=True)
class Problem:
    kind: ProblemKind
    text: str  # as written in the statement
    start: int
    end: int
    unit: str | None = None  # a number's normalised unit


@dataclass
class FactReport:
    checked: list[str] = field(default_factory=list)  # the facts read, as written
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def unsupported(self) -> list[str]:
        return [p.text for p in self.problems]


def check_statement(text: str, evidence: Sequence[str], *, allowed_numbers: Iterable[NumberValue] = (),
                    masked_words: Iterable[str] = ()) -> FactReport:
    """Check `text` against `evidence`. `allowed_numbers` are values the caller supplies besides the
    evidence (a Quantity in its unit, a bare number in any unit); `masked_words` are names whose
    numerals are not numbers (五常稻花香大米)."""
    backing, report = read_backing(evidence, allowed_numbers), FactReport()
    for number in number_claims(text, masked_words):
        report.checked.append(number.raw)
        if not number_is_backed(number, backing):
            report.problems.append(Problem("number", number.raw, number.start, number.end, number.unit))
    for day in day_claims(text):
        report.checked.append(day.raw)
        if not day_is_backed(day, backing):
            report.problems.append(Problem("day", day.raw, day.start, day.end))
    _check_allergens(text, backing.text, report)
    _check_polarity(read_polarity(text), [read_polarity(e) for e in evidence], report)
    report.problems.sort(key=lambda p: p.start)
    return report


def _check_allergens(text: str, corpus: str, report: FactReport) -> None:
    """An allergen word must be in the evidence, or the catalog name it stands for (麸质 -> 小麦)."""
    read: list[tuple[int, int]] = []
    for word in sorted(allergen_words(), key=len, reverse=True):
        start = text.find(word)
        if start < 0 or any(s <= start < e for s, e in read):
            continue  # absent, or part of a longer allergen word already read (鸡蛋白 holds 鸡蛋)
        read.append((start, start + len(word)))
        report.checked.append(word)
        if word not in corpus and not any(name in corpus for name in canonical_names(word)):
            report.problems.append(Problem("allergen", word, start, start + len(word)))


def _check_polarity(statement: Polarity, evidence: list[Polarity], report: FactReport) -> None:
    negated = frozenset().union(*(e.negated for e in evidence))
    plain = frozenset().union(*(e.plain for e in evidence))
    for scope in statement.negations:
        report.checked.append(scope.raw)
        if not negated & set(scope.words):
            report.problems.append(Problem("negation", scope.raw, scope.start, scope.end))
    for scope in statement.affirmations:
        if any(w in negated and w not in plain for w in scope.words):
            report.problems.append(Problem("polarity", scope.raw, scope.start, scope.end))
