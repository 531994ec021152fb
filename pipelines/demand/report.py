"""A stream's demand: buying comments per SKU, unmet requests, top questions, comment activity.

Attribution, in order: a comment that names a product is for it; one that names only a unit (两瓶)
is for the one product on the stream sold in that unit; otherwise it is for the product being
talked about (timeline.py), or ambiguous between the products named just before it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from pipelines.catalog import Product
from pipelines.comments import Comment
from pipelines.demand.models import DemandReport, Handoff, IntentComment, SkuDemand
from pipelines.demand.requests import top_questions, unmet_requests
from pipelines.demand.signals import demand_intent, named_product
from pipelines.demand.timeline import ProductTimeline
from pipelines.intent import Intent
from pipelines.transcript import Transcript

ACTIVITY_BINS = 24


def _unit_product(intent: Intent, timeline: ProductTimeline) -> str | None:
    unit = intent.quantity.unit if intent.quantity else None
    if not unit or unit == "份":
        return None
    sold = [s for s in timeline.skus if timeline.index.products[s].get("unit") == unit]
    return sold[0] if len(sold) == 1 else None


def attribute(comment: Comment, intent: Intent, timeline: ProductTimeline) -> IntentComment:
    qty = intent.quantity.value if intent.quantity else None
    base = {"time": comment.time, "user": comment.user, "text": comment.text, "kind": intent.kind, "qty": qty}
    if sku := named_product(comment.text, timeline.index):
        return IntentComment(**base, sku=sku, how="named")
    if sku := _unit_product(intent, timeline):
        return IntentComment(**base, sku=sku, how="unit")
    candidates = timeline.products_at(comment.time)
    if len(candidates) == 1:
        return IntentComment(**base, sku=candidates[0], how="timeline")
    return IntentComment(**base, sku=None, candidates=candidates, how="ambiguous" if candidates else "none")


def per_sku(intents: list[IntentComment], catalog: dict[str, Product]) -> list[SkuDemand]:
    skus = dict.fromkeys([i.sku for i in intents if i.sku] + [c for i in intents for c in i.candidates])
    out = []
    for sku in skus:
        certain = [i for i in intents if i.sku == sku]
        possible = len(certain) + sum(1 for i in intents if i.sku is None and sku in i.candidates)
        out.append(SkuDemand(sku, catalog[sku].name, len(certain), len({i.user or i.text for i in certain}),
                             possible, sum(i.qty or 0 for i in certain)))
    return sorted(out, key=lambda d: (-d.comments, -d.possible, d.sku))


def activity(comments: list[Comment], duration: float, bins: int = ACTIVITY_BINS) -> tuple[list[int], float]:
    span = max(duration, max((c.time for c in comments), default=0.0), 1.0)
    bin_s = span / bins
    counts = [0] * bins
    for comment in comments:
        counts[min(bins - 1, int(comment.time // bin_s))] += 1
    return counts, round(bin_s, 3)


def build_demand(transcript: Transcript, catalog: list[Product], comments: Iterable[Comment],
                 handoffs: Iterable[Handoff] = (), answers: Callable[[str], bool] | None = None) -> DemandReport:
    """The demand report of one stream. `answers(question)` says whether the knowledge base
    answers a question now (None: not checked)."""
    comments = sorted(comments, key=lambda c: c.time)
    timeline = ProductTimeline(transcript, catalog)
    intents = [attribute(c, intent, timeline) for c in comments if (intent := demand_intent(c.text))]
    handoffs = list(handoffs)
    counts, bin_s = activity(comments, transcript.duration)
    return DemandReport(
        duration=round(max(transcript.duration, 0.0), 3), comments=len(comments),
        per_sku=per_sku(intents, timeline.index.products), intents=intents,
        unmet=unmet_requests(comments, handoffs, timeline.index),
        questions=top_questions(comments, handoffs, timeline.index, answers),
        segments=timeline.segments(), activity=counts, bin_s=bin_s if math.isfinite(bin_s) else 0.0)
