"""Live-stream scripts: the structure from data and code, the talk from the model, facts checked."""

from __future__ import annotations

from pipelines.catalog import FIELD_LABELS, Product
from pipelines.drafts.facts import resolve_products
from pipelines.drafts.grounding import Sources
from pipelines.drafts.models import Fact, RecipeFinder, Script, ScriptRequest, ScriptSegment
from pipelines.drafts.options import DraftOptions
from pipelines.drafts.planner import Slot, plan_slots
from pipelines.drafts.segments import SegmentInputs, segment_cues, segment_facts
from pipelines.drafts.writer import write_grounded
from pipelines.llm.base import LLM
from pipelines.prompting import load_prompt
from pipelines.zh import canonical, find_numbers


def build_script(request: ScriptRequest, catalog: list[Product], *, llm: LLM, recipes: RecipeFinder | None = None,
                 questions: list[str] = (), comment_requests: list[str] = (),
                 options: DraftOptions | None = None) -> Script:
    """A run sheet for `request`: every SKU gets a segment, minutes add up to the duration."""
    options = options or DraftOptions()
    products = resolve_products(request.skus, catalog)
    recipe = recipes(products) if recipes else None
    inputs = SegmentInputs(request.theme, recipe, list(questions), list(comment_requests)[:options.max_comment_requests])
    slots = plan_slots(products, catalog, request.duration_min, recipe)
    segments = [draft_segment(slot, inputs, request, catalog, llm, options) for slot in slots]
    title = f"{request.theme}｜{canonical(request.duration_min)}分钟直播脚本"
    return Script(title, request.duration_min, segments, recipe)


def draft_segment(slot: Slot, inputs: SegmentInputs, request: ScriptRequest, catalog: list[Product],
                  llm: LLM, options: DraftOptions) -> ScriptSegment:
    facts = segment_facts(slot, inputs, catalog)
    cues = segment_cues(slot, facts, inputs)
    messages = load_prompt(f"drafts/script_{slot.kind}").render(**prompt_values(slot, facts, inputs, request, options))
    sources = Sources(list(slot.products), catalog, structure_numbers(slot, facts, request))
    written = write_grounded(llm, messages, sources, options, max_chars=options.talk_max_chars,
                             fallback="，".join(cues) + "。")
    return ScriptSegment(slot.minute_start, slot.minute_end, slot.kind, written.text, facts, cues,
                         [p.sku for p in slot.products], written.flags, written.grounding)


def product_sheets(products: tuple[Product, ...], facts: list[Fact]) -> list[dict]:
    """Facts grouped per product with Chinese labels, as the prompts list them."""
    return [{"name": p.name,
             "facts": [{"label": FIELD_LABELS.get(f.field, f.field), "value": f.value}
                       for f in facts if f.sku == p.sku and f.field != "name"]} for p in products]


def prompt_values(slot: Slot, facts: list[Fact], inputs: SegmentInputs, request: ScriptRequest,
                  options: DraftOptions) -> dict:
    return {
        "theme": request.theme, "style": request.style or options.default_tone, "notes": request.notes or "",
        "minutes": canonical(slot.minute_end - slot.minute_start),
        "products": product_sheets(slot.products, facts), "recipe": inputs.recipe,
        "vote_question": next((f.value for f in facts if f.field == "vote_question"), ""),
        "vote_options": [f.value for f in facts if f.field == "vote_option"],
        "questions": inputs.questions, "requests": inputs.requests,
    }


def structure_numbers(slot: Slot, facts: list[Fact], request: ScriptRequest) -> frozenset[str]:
    """Numbers a segment may state that are not catalog facts: its minutes, vote options, the leader's
    notes, and counts in the questions and requests it answers."""
    values = {canonical(slot.minute_start), canonical(slot.minute_end), canonical(slot.minute_end - slot.minute_start)}
    values |= {str(i) for i in range(1, 1 + sum(f.field == "vote_option" for f in facts))}
    texts = [request.notes or "", *(f.value for f in facts if f.field in ("question", "request"))]
    values |= {canonical(m.value) for text in texts for m in find_numbers(text)}
    return frozenset(values)
