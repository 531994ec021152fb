"""The model's only job in a script: rewrite a templated move so it flows, within the rules.

A rewrite is kept only when the fact checker finds every number, day and allergen in the
catalog, the voice check finds nothing, no 《广告法》 term appears and the template's nouns are all
still there (a 0.5B model may reword a fact into another); otherwise the model gets
one more try, and then the template move stands.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipelines.adlaw import check_adlaw
from pipelines.drafts.grounding import Sources, check_text
from pipelines.drafts.options import DraftOptions
from pipelines.drafts.voice import sentence_violations
from pipelines.llm.base import LLM
from pipelines.prompting import load_prompt
from pipelines.zh import clean_llm_text, content_terms, split_sentences

RETRY_TEMPERATURE = 0.7  # a second try that reads differently from the first


@dataclass(frozen=True)
class Polished:
    text: str
    tried: bool  # the model was asked
    kept: bool  # its rewrite passed every check


def rejects(text: str, template: str, sources: Sources, max_chars: int) -> list[str]:
    """Why a rewrite cannot stand (empty: it can)."""
    reasons = [str(v) for v in sentence_violations(text)]
    reasons += [f"fact: {o.raw}" for o in check_text(text, sources).offenses]
    reasons += [f"adlaw: {f.term}" for f in check_adlaw(text)]
    if not text or len(text) > max_chars or len(split_sentences(text)) > 2:
        reasons.append("length")
    return reasons + [f"dropped: {w}" for w in kept_nouns(template) if w not in text]


def kept_nouns(template: str) -> list[str]:
    """The template's nouns a rewrite must keep (果园直发 -> 果实直接发 lost 果园, and the meaning)."""
    return [t.word for t in content_terms(template) if t.noun and len(t.word) >= 2 and t.word.isalpha()]


def polish_move(llm: LLM, name: str, template: str, sources: Sources, options: DraftOptions,
                tone: str | None = None) -> Polished:
    """The model's rewrite of `template` if it passes the checks (one retry), else the template."""
    max_chars = max(len(template) + options.polish_slack_chars, 20)
    messages = load_prompt("drafts/polish_move").render(name=name, sentence=template, max_chars=max_chars,
                                                        tone=tone or options.default_tone)
    # A Chinese character costs about a token: no need to pay for text that would be rejected as too long.
    max_tokens = min(options.max_tokens, max_chars + 16)
    for temperature in (options.temperature, RETRY_TEMPERATURE)[:1 + options.regenerate_once]:
        reply = llm.complete(messages, max_tokens=max_tokens, temperature=temperature)
        text = clean_llm_text(reply).replace("\n", "")
        if text == template:  # the model found nothing to improve: no second try
            return Polished(template, True, False)
        if not rejects(text, template, sources, max_chars):
            return Polished(text, True, True)
    return Polished(template, True, False)
