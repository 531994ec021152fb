"""One draft through the rules: model writes, code checks facts, regenerates once, repairs, cleans.

generate -> grounding check -> (once) regenerate with the unsupported numbers named -> replace
failing sentences with catalog facts -> 《广告法》 flags and rewrite -> trim to length.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipelines.adlaw import AdFlag, check_adlaw, rewrite_adlaw
from pipelines.drafts.grounding import Sources, check_text, repair
from pipelines.drafts.models import GroundingReport
from pipelines.drafts.options import DraftOptions
from pipelines.llm.base import LLM, Message
from pipelines.prompting import load_prompt
from pipelines.zh import clean_llm_text, fit


@dataclass
class Written:
    text: str  # final: grounded, 《广告法》-clean, within the limit
    checked_text: str  # grounded, before the 《广告法》 rewrite (flag positions refer to it)
    flags: list[AdFlag] = field(default_factory=list)
    grounding: GroundingReport = field(default_factory=GroundingReport)


def _ask(llm: LLM, messages: list[Message], options: DraftOptions, max_chars: int) -> str:
    # A Chinese character costs about one token or less: no need to pay for text that will be trimmed.
    max_tokens = min(options.max_tokens, max_chars + 32)
    return clean_llm_text(llm.complete(messages, max_tokens=max_tokens, temperature=options.temperature))


def write_grounded(llm: LLM, messages: list[Message], sources: Sources, options: DraftOptions,
                   *, max_chars: int, fallback: str = "") -> Written:
    """Run the model on `messages` and return a draft whose facts all come from `sources`."""
    draft = _ask(llm, messages, options, max_chars)
    check = check_text(draft, sources)
    report = GroundingReport(unsupported=[o.raw for o in check.offenses])
    if check.offenses and options.regenerate_once:
        retry = load_prompt("drafts/grounding_feedback").render(unsupported="、".join(report.unsupported))
        draft = _ask(llm, [*messages, {"role": "assistant", "content": draft}, *retry], options, max_chars)
        check, report.regenerated = check_text(draft, sources), True
        report.unsupported += [o.raw for o in check.offenses]
    report.checked = check.checked
    if check.offenses:
        draft, report.replaced = repair(draft, sources)
    grounded = draft or fallback
    flags = check_adlaw(grounded)
    final = rewrite_adlaw(grounded, flags) if flags and options.rewrite_adlaw else grounded
    return Written(fit(final, max_chars), grounded, flags, report)
