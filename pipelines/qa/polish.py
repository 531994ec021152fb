"""Optional LLM polish of an extractive answer, kept only when it keeps every fact.

The model may reword; it may not drop the answer's key spans (its numbers with units and its
negations) nor add a number, unit, day, allergen, negation or yes/no the evidence lacks. The
check is the one fact checker drafts use (pipelines/facts).
"""

from __future__ import annotations

import re

from pipelines.errors import ModelUnavailable
from pipelines.facts import check_statement
from pipelines.facts.polarity import read_polarity
from pipelines.llm.base import LLM
from pipelines.prompting import load_prompt
from pipelines.qa.evidence import SourceEvidence
from pipelines.qa.options import AskOptions
from pipelines.zh import clean_llm_text, drop_unfinished, find_numbers

_CJK = re.compile(r"[\u4e00-\u9fff]")
_YES = ("是的", "对的", "可以的", "没问题", "当然")


def key_spans(text: str) -> list[str]:
    """What a rewording must keep word for word: numbers with their units, and negated phrases."""
    return [text[m.start:max(m.end, m.unit_end)] for m in find_numbers(text)] + [s.raw for s in read_polarity(text).negations]


def keeps_facts(polished: str, extractive: str, evidence: list[str]) -> bool:
    if any(span not in polished for span in key_spans(extractive)):
        return False
    if any(y in polished for y in _YES) and not any(y in extractive for y in _YES):
        return False
    return check_statement(polished, [extractive, *evidence]).ok


def polish(question: str, extractive: str, source: SourceEvidence, llm: LLM, options: AskOptions) -> str:
    """A friendlier wording of `extractive`, or '' when the model fails or changes a fact."""
    messages = load_prompt("ask").render(question=question, title=source.title, source=extractive,
                                         max_chars=options.max_chars - 20)
    try:
        text = llm.complete(messages, max_tokens=options.max_tokens, temperature=options.temperature)
    except ModelUnavailable:
        return ""
    text = drop_unfinished(clean_llm_text(text))
    if len(_CJK.findall(text)) < 4 or not keeps_facts(text, extractive, [h.text for h in source.hits]):
        return ""
    return text
