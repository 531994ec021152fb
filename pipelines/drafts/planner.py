"""The run sheet's skeleton: which segments, in what order, how many minutes each.

Segments: opening, one per product, a cooking demo after the last product its recipe uses,
a vote, Q&A, the offer, closing. Minutes are shared out by weight in whole minutes (or half
minutes for short streams), at least one step each, summing exactly to the requested duration.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipelines.catalog import Product
from pipelines.drafts.models import RecipeRef, SegmentKind
from pipelines.drafts.recipes import score_recipe
from pipelines.errors import InvalidInput

WEIGHTS: dict[str, float] = {
    "opening": 1.0, "product": 2.0, "demo": 3.0, "interaction": 1.0, "qa": 2.0, "offer": 1.5, "closing": 1.0,
}
MIN_MINUTES, MAX_MINUTES = 5, 240


@dataclass(frozen=True)
class Slot:
    kind: SegmentKind
    products: tuple[Product, ...] = ()
    minute_start: float = 0.0
    minute_end: float = 0.0


def recipe_products(recipe: RecipeRef, products: list[Product]) -> list[Product]:
    """The products the recipe uses (by its title, ingredients, or their selling points)."""
    return [p for p in products if score_recipe(recipe, [p]) > 0]


def order_slots(products: list[Product], demo: list[Product] | None) -> list[Slot]:
    """The segment order; `demo` is None when there is no recipe to cook."""
    slots = [Slot("opening", tuple(products))]
    product_slots = [Slot("product", (p,)) for p in products]
    cut = max((products.index(p) + 1 for p in demo or []), default=len(products))
    slots += product_slots[:cut]
    if demo is not None:
        slots.append(Slot("demo", tuple(demo or products)))
    slots += product_slots[cut:]
    everyone = tuple(products)
    return slots + [Slot("interaction", everyone), Slot("qa", everyone), Slot("offer", everyone),
                    Slot("closing", everyone)]


def allocate_minutes(weights: list[float], total: float) -> list[float]:
    """Minutes per segment by weight: integers (halves for short streams), each >= one step, exact sum."""
    if total * 2 != int(total * 2) or not MIN_MINUTES <= total <= MAX_MINUTES:
        raise InvalidInput(f"直播时长要在{MIN_MINUTES}到{MAX_MINUTES}分钟之间，按整分钟或半分钟填写")
    step = 1.0 if total == int(total) and total >= 3 * len(weights) else 0.5
    units = int(total / step)
    if units < len(weights):
        raise InvalidInput(f"{total:g}分钟排不下{len(weights)}个环节，请加长时长或减少商品")
    spare = units - len(weights)
    shares = [spare * w / sum(weights) for w in weights]
    extra = [int(s) for s in shares]
    by_remainder = sorted(range(len(weights)), key=lambda i: (shares[i] - extra[i], weights[i]), reverse=True)
    for i in by_remainder[:spare - sum(extra)]:
        extra[i] += 1
    return [(1 + e) * step for e in extra]


def plan_slots(products: list[Product], catalog: list[Product], duration_min: float,
               recipe: RecipeRef | None) -> list[Slot]:
    """Ordered segments with contiguous minutes from 0 to `duration_min`."""
    if not products:
        raise InvalidInput("脚本至少要有一个商品")
    slots = order_slots(products, recipe_products(recipe, products) if recipe else None)
    minutes = allocate_minutes([WEIGHTS[s.kind] for s in slots], duration_min)
    timed, start = [], 0.0
    for slot, length in zip(slots, minutes):
        timed.append(Slot(slot.kind, slot.products, start, start + length))
        start += length
    return timed
