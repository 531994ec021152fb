"""Marketing copy after a stream: announcement, product blurb, follow-up, clip caption."""

from __future__ import annotations

import re

from pipelines.catalog import Product
from pipelines.drafts.facts import plain_fact, product_facts, resolve_products
from pipelines.drafts.grounding import Sources
from pipelines.drafts.models import CopyDraft, CopyKind, CopyRequest, RecipeFinder
from pipelines.drafts.options import DraftOptions
from pipelines.drafts.script import product_sheets
from pipelines.drafts.writer import write_grounded
from pipelines.errors import InvalidInput
from pipelines.llm.base import LLM
from pipelines.prompting import load_prompt

# The catalog fields each kind of copy is written from.
COPY_FIELDS: dict[CopyKind, tuple[str, ...]] = {
    "announcement": ("price", "spec", "arrival", "selling_points"),
    "product_blurb": ("price", "spec", "origin", "selling_points", "allergens"),
    "follow_up": ("storage", "shelf_life", "selling_points", "allergens"),
    "clip_caption": ("price", "selling_points"),
}
NEEDS_PRODUCTS: tuple[CopyKind, ...] = ("announcement", "product_blurb", "follow_up")


def hashtags_for(products: list[Product], options: DraftOptions) -> list[str]:
    """Caption hashtags from data: product names, then the configured standing tags."""
    names = [re.sub(r"[（(].*?[）)]|[\s#]", "", p.name) for p in products]
    tags = list(dict.fromkeys([*names, *options.caption_hashtags]))
    return [f"#{t}" for t in tags if t][:options.max_hashtags]


def body_limit(max_chars: int, hashtags: list[str]) -> int:
    """Room left for the text once the hashtags are in; tags go first if they would take over half."""
    while hashtags and len(" ".join(hashtags)) + 1 > max_chars // 2:
        hashtags.pop()
    return max_chars - (len(" ".join(hashtags)) + 1 if hashtags else 0)


def write_copy(request: CopyRequest, catalog: list[Product], *, llm: LLM, options: DraftOptions | None = None,
               recipes: RecipeFinder | None = None) -> CopyDraft:
    """Copy of `request.kind` about `request.skus`, grounded in the catalog and within its length limit."""
    options = options or DraftOptions()
    products = resolve_products(request.skus, catalog)
    if request.kind in NEEDS_PRODUCTS and not products:
        raise InvalidInput("这类文案至少要选一个商品", code="skus_required")
    hashtags = hashtags_for(products, options) if request.kind == "clip_caption" else []
    limit = body_limit(options.max_chars(request.kind), hashtags)
    facts = [f for p in products for f in product_facts(p, COPY_FIELDS[request.kind])]
    context = request.context
    messages = load_prompt(f"drafts/{request.kind}").render(
        tone=request.tone or options.default_tone, max_chars=limit, products=product_sheets(tuple(products), facts),
        summary=context.recording_summary or "", recipe=recipes(products) if recipes and products else None,
        highlight_title=context.highlight_title or "", highlight_kind=context.highlight_kind or "",
        excerpt=context.transcript_excerpt or "",
    )
    fallback = "".join(plain_fact(p) for p in products) or (context.highlight_title or "")
    written = write_grounded(llm, messages, Sources(products, catalog), options, max_chars=limit, fallback=fallback)
    return CopyDraft(request.kind, written.text, hashtags, written.flags, written.grounding, written.checked_text)
