"""answer_question: screen, retrieve, decide, generate, verify; hand off whenever unsure."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from pipelines.errors import ModelUnavailable
from pipelines.facts import check_statement, is_allergy_question
from pipelines.llm.base import LLM
from pipelines.prompting import load_prompt
from pipelines.qa.evidence import SourceEvidence, group_sources
from pipelines.qa.extractive import extractive_answer, is_how_to, source_context
from pipelines.qa.options import AskOptions
from pipelines.qa.screen import screen_question
from pipelines.retrieval import Retriever
from pipelines.zh import clean_llm_text, drop_unfinished, fit

_CJK = re.compile(r"[\u4e00-\u9fff]")
_UNSURE = ("不确定", "不知道", "没有提到", "没有相关", "无法回答", "无法确定", "资料中没有", "资料里没有")


@dataclass
class Source:
    id: str
    title: str
    kind: str
    score: float
    snippet: str


@dataclass
class Answer:
    answer: str
    sources: list[Source] = field(default_factory=list)
    handoff: bool = False
    reason: str = ""  # why it handed off: hostile | no_match | not_in_knowledge | low_coverage
    detail: str = ""  # the hostile kind (prompt_injection, ...) or the words the knowledge lacks
    mode: str = "handoff"  # llm | extractive | handoff

    def to_dict(self) -> dict:
        return asdict(self)


def answer_question(question: str, kb: Retriever, llm: LLM | None, options: AskOptions = AskOptions()) -> Answer:
    question = question.strip()
    if hostile := screen_question(question):
        return _handoff(options, "hostile", hostile)
    hits = kb.search(question, options.top_k)
    sources = group_sources(question, hits, kb)[: options.max_sources]
    primary, reason, detail = choose_source(sources, options)
    if primary is None:
        return _handoff(options, reason, detail)
    ordered = [primary] + [s for s in sources if s is not primary]
    text, mode = compose(question, primary, llm, options)
    return Answer(text, [_source(s) for s in ordered], handoff=False, reason="", mode=mode)


def choose_source(sources: list[SourceEvidence], options: AskOptions) -> tuple[SourceEvidence | None, str, str]:
    """The best-ranked source that covers the question, or None and why the question is handed off."""
    if not sources:
        return None, "no_match", ""
    missing = set.intersection(*(set(s.missing_nouns) for s in sources))
    if missing:  # the question names something none of the sources mention
        return None, "not_in_knowledge", ",".join(sorted(missing))
    for source in sources:
        if source.coverage >= options.min_coverage and source.vector_score >= options.min_vector_score:
            return source, "", ""
    best = max(sources, key=lambda s: s.coverage)
    return None, "low_coverage", f"coverage {best.coverage:.2f}, vector {best.vector_score:.2f}"


def compose(question: str, source: SourceEvidence, llm: LLM | None, options: AskOptions) -> tuple[str, str]:
    """Generated text when it passes the grounding check, else an extractive answer; both cited."""
    cite = f"（来源：{source.title}）"
    budget = options.max_chars - len(cite)
    allergy = source.kind == "product" and is_allergy_question(question)
    # A recipe's own numbered steps answer "怎么做" better than a 0.5B model's retelling, and the
    # long prompt made these the slowest answers (5-9 s on 2 cores).
    how_to = source.kind == "recipe" and is_how_to(question)
    if llm is not None and options.use_llm and not allergy and not how_to:
        generated = generate(question, source, llm, options)
        grounded_in = [source.title] + [h.text for h in source.hits]
        if generated and check_statement(generated, grounded_in).ok:
            return fit(generated, budget) + cite, "llm"
    return fit(extractive_answer(question, source, budget), budget) + cite, "extractive"


def generate(question: str, source: SourceEvidence, llm: LLM, options: AskOptions) -> str:
    context = source_context(question, source, options.context_chars)
    messages = load_prompt("ask").render(question=question, title=source.title, source=context,
                                         max_chars=options.max_chars - 20)
    try:
        text = llm.complete(messages, max_tokens=options.max_tokens, temperature=options.temperature)
    except ModelUnavailable:
        return ""
    text = clean_llm_text(text)
    if len(_CJK.findall(text)) < 4 or any(u in text for u in _UNSURE):
        return ""  # empty, not Chinese, or unsure although the source covers the question
    return drop_unfinished(text)


def _source(s: SourceEvidence) -> Source:
    return Source(s.id, s.title, s.kind, round(s.top.score, 4), s.top.snippet)


def _handoff(options: AskOptions, reason: str, detail: str = "") -> Answer:
    return Answer(options.handoff_message, [], handoff=True, reason=reason, detail=detail, mode="handoff")
