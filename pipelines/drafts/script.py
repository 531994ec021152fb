"""Live-stream scripts: the structure from data and code, the talk from talk moves, facts checked.

Each segment's talk is a run of template moves with catalog facts in their slots
(prompts/drafts/moves.toml). With a model, the moves named in `DraftOptions.polish_moves` are
rewritten for flow and kept only when they pass the fact, voice and 《广告法》 checks.
"""

from __future__ import annotations

from pipelines.adlaw import check_adlaw, rewrite_adlaw
from pipelines.catalog import Product
from pipelines.drafts.compose import Move, segment_moves
from pipelines.drafts.facts import resolve_products
from pipelines.drafts.grounding import Sources, check_grounding
from pipelines.drafts.models import Fact, RecipeFinder, Script, ScriptRequest, ScriptSegment
from pipelines.drafts.options import DraftOptions
from pipelines.drafts.planner import Slot, plan_slots
from pipelines.drafts.polish import polish_move
from pipelines.drafts.segments import SegmentInputs, segment_cues, segment_facts
from pipelines.llm.base import LLM
from pipelines.zh import canonical, find_numbers


def build_script(request: ScriptRequest, catalog: list[Product], *, llm: LLM | None = None,
                 recipes: RecipeFinder | None = None, questions: list[str] = (), comment_requests: list[str] = (),
                 options: DraftOptions | None = None) -> Script:
    """A run sheet for `request`: every SKU gets a segment, minutes add up to the duration.
    Without `llm` the talk is the template moves alone."""
    options = options or DraftOptions()
    products = resolve_products(request.skus, catalog)
    recipe = recipes(products) if recipes else None
    inputs = SegmentInputs(request.theme, recipe, list(questions), list(comment_requests)[:options.max_comment_requests])
    slots = plan_slots(products, catalog, request.duration_min, recipe)
    product_index = {id(s): i for i, s in enumerate(s for s in slots if s.kind == "product")}
    segments = [draft_segment(slot, inputs, request, catalog, llm, options, product_index.get(id(slot), 0))
                for slot in slots]
    title = f"{request.theme}｜{canonical(request.duration_min)}分钟直播脚本"
    return Script(title, request.duration_min, segments, recipe)


def draft_segment(slot: Slot, inputs: SegmentInputs, request: ScriptRequest, catalog: list[Product],
                  llm: LLM | None, options: DraftOptions, product_index: int = 0) -> ScriptSegment:
    facts = segment_facts(slot, inputs, catalog)
    sources = Sources(list(slot.products), catalog, structure_numbers(slot, facts, request),
                      quoted_inputs(slot, inputs, request))
    moves = segment_moves(slot, inputs, product_index)
    segment = ScriptSegment(slot.minute_start, slot.minute_end, slot.kind, facts=facts,
                            cues=segment_cues(slot, facts, inputs), skus=[p.sku for p in slot.products])
    texts = [speak(move, slot, sources, llm, options, segment, request.style) for move in moves]
    talk = "".join(texts)
    segment.flags = check_adlaw(talk)
    segment.talk = rewrite_adlaw(talk, segment.flags) if segment.flags and options.rewrite_adlaw else talk
    segment.grounding = check_grounding(segment.talk, sources)
    return segment


def speak(move: Move, slot: Slot, sources: Sources, llm: LLM | None, options: DraftOptions,
          segment: ScriptSegment, tone: str | None = None) -> str:
    """The move's words: the template, or the model's rewrite of it when allowed and it passes."""
    if llm is None or move.name not in options.polish_moves:
        return move.text
    name = slot.products[0].name if slot.products else ""
    polished = polish_move(llm, name, move.text, sources, options, tone)
    segment.polish_tried += polished.tried
    segment.polish_kept += polished.kept
    return polished.text


def quoted_inputs(slot: Slot, inputs: SegmentInputs, request: ScriptRequest) -> tuple[str, ...]:
    """What the talk quotes besides the catalog: the leader's theme and notes, residents' questions
    and requests (Q&A), the recipe (demo)."""
    quoted = [request.theme, request.notes or ""]
    if slot.kind == "qa":
        quoted += [*inputs.questions, *inputs.requests]
    if slot.kind == "demo" and (recipe := inputs.recipe):
        quoted += [recipe.title, *recipe.ingredients, *recipe.steps]
    return tuple(q for q in quoted if q)


def structure_numbers(slot: Slot, facts: list[Fact], request: ScriptRequest) -> frozenset[str]:
    """Numbers a segment may state that are not catalog facts: its minutes, vote options, how many
    products, the leader's notes, and counts in the questions and requests it answers."""
    values = {canonical(slot.minute_start), canonical(slot.minute_end), canonical(slot.minute_end - slot.minute_start)}
    values |= {str(i) for i in range(1, 1 + max(len(slot.products), sum(f.field == "vote_option" for f in facts)))}
    texts = [request.notes or "", *(f.value for f in facts if f.field in ("question", "request"))]
    values |= {canonical(m.value) for text in texts for m in find_numbers(text)}
    return frozenset(values)
