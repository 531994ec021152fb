"""A segment's talk as a list of moves, each a template phrasing with catalog facts in its slots."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines.catalog import Product
from pipelines.drafts.demo import demo_steps
from pipelines.drafts.moves import say, say_nth
from pipelines.drafts.planner import Slot
from pipelines.drafts.qa import answer_question, request_moves
from pipelines.drafts.segments import SegmentInputs, vote_for
from pipelines.drafts.spoken import (
    MAKER_WORDS,
    hook_point,
    is_made_by_someone,
    price_slots,
    storage_phrase,
    tag_uses,
    use_phrase,
)


@dataclass(frozen=True)
class Move:
    name: str  # "<segment kind>.<move>", e.g. "product.hook"
    text: str


def _names(products: tuple[Product, ...]) -> str:
    return "、".join(p.name for p in products)


def opening_moves(slot: Slot, inputs: SegmentInputs) -> list[Move]:
    section, key = "script.opening", inputs.theme
    return [Move("opening.greet", say(section, "greet", key)),
            Move("opening.preview", say(section, "preview", key, theme=inputs.theme, names=_names(slot.products),
                                        count=str(len(slot.products)))),
            Move("opening.stay", say(section, "stay", key))]


def product_hook(product: Product, index: int) -> str:
    point = hook_point(product)
    if not point:
        return ""
    origin = product.get("origin")
    move = "hook_maker" if is_made_by_someone(product) else "hook_origin" if origin else "hook_plain"
    if any(w in point for w in MAKER_WORDS if w in origin):  # the point names the maker already
        move = "hook_plain"
    return say_nth("script.product", move, index, name=product.name, origin=origin, point=point)


def price_sentence(product: Product, index: int, section: str = "script.product") -> str:
    slots = price_slots(product)
    if not slots["price"]:
        return f"{product.name}的价格我在群里通知，{slots['arrival']}。"
    return say_nth(section, "price", index, **slots)


def use_move(product: Product, index: int) -> str:
    """How to eat or use it: the tags' everyday phrasings, else the selling points' own words."""
    if uses := tag_uses(product):
        return say_nth("script.product", "use", index, use=uses)
    return say_nth("script.product", "use_points", index, use=use_phrase(product))


def product_moves(slot: Slot, index: int) -> list[Move]:
    """Intro, hook, how to eat it, one price sentence, allergens when any, call to action."""
    product, section = slot.products[0], "script.product"
    moves = [Move("product.intro", say_nth(section, "intro", index, name=product.name)),
             Move("product.hook", product_hook(product, index)),
             Move("product.use", use_move(product, index)),
             Move("product.price", price_sentence(product, index))]
    # 散养土鸡蛋 *is* eggs, which goes without saying; 压榨花生油 is made from peanuts and must say so.
    if any(not product.name.endswith(a) for a in product.allergens):
        allergens = "、".join(product.allergens)
        moves.append(Move("product.allergen", say_nth(section, "allergen", index, name=product.name,
                                                      allergens=allergens)))
    return [m for m in [*moves, Move("product.cta", say_nth(section, "cta", index))] if m.text]


def demo_moves(slot: Slot, inputs: SegmentInputs) -> list[Move]:
    recipe, section = inputs.recipe, "script.demo"
    if recipe is None:
        return []
    key, names = recipe.title, _names(slot.products)
    moves = [Move("demo.intro", say(section, "intro", key, recipe=recipe.title, names=names))]
    if recipe.ingredients:
        moves.append(Move("demo.ingredients", say(section, "ingredients", key,
                                                  ingredients="、".join(recipe.ingredients[:6]))))
    steps = demo_steps(recipe, slot.products)
    moves += [Move("demo.step", s) for s in steps] or [Move("demo.step", say(section, "no_steps", key))]
    return moves + [Move("demo.close", say(section, "close", key))]


def interaction_moves(slot: Slot) -> list[Move]:
    question, options = vote_for(slot.products)
    ballot = "，".join(f"扣{i}是{o}" for i, o in enumerate(options, 1))
    section = "script.interaction"
    return [Move("interaction.ask", say(section, "ask", question, question=question)),
            Move("interaction.ballot", say(section, "ballot", question, ballot=ballot)),
            Move("interaction.read", say(section, "read", question))]


def qa_moves(slot: Slot, inputs: SegmentInputs) -> list[Move]:
    """Answers to open questions and replies to last stream's requests, by name; none: an invitation."""
    answers = [Move("qa.answer", answer_question(q, slot.products)) for q in inputs.questions]
    replies = [Move("qa.request", r) for r in request_moves(inputs.requests)]
    if not answers and not replies:
        return [Move("qa.invite", say("script.qa", "invite")), Move("qa.invite", say("script.qa", "invite_more"))]
    return [Move("qa.intro", say("script.qa", "intro")), *answers, *replies]


def offer_moves(slot: Slot) -> list[Move]:
    section = "script.offer"
    prices = [Move("offer.price", price_sentence(p, 0, section)) for p in slot.products]
    return [Move("offer.intro", say(section, "intro", _names(slot.products))), *prices,
            Move("offer.cta", say(section, "cta"))]


def closing_moves(slot: Slot) -> list[Move]:
    section, key = "script.closing", _names(slot.products)
    perishable = [p for p in slot.products if re.search(r"冷藏|冷冻|尽快|当天", p.get("storage"))][:2]
    storage = [Move("closing.storage", say_nth(section, "storage", i, name=p.name, storage=storage_phrase(p)))
               for i, p in enumerate(perishable)]
    return [Move("closing.thanks", say(section, "thanks", key)), *storage, Move("closing.next", say(section, "next"))]


def segment_moves(slot: Slot, inputs: SegmentInputs, product_index: int = 0) -> list[Move]:
    """The moves of one planned segment, in speaking order."""
    builders = {
        "opening": lambda: opening_moves(slot, inputs), "product": lambda: product_moves(slot, product_index),
        "demo": lambda: demo_moves(slot, inputs), "interaction": lambda: interaction_moves(slot),
        "qa": lambda: qa_moves(slot, inputs), "offer": lambda: offer_moves(slot), "closing": lambda: closing_moves(slot),
    }
    return builders[slot.kind]()
