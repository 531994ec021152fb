"""Marketing copy: group announcement, product blurb, follow-up with the clip link, clip caption.

Built like the scripts: template moves with catalog facts in their slots
(prompts/drafts/moves.toml), one move per product rewritten by the model when allowed and kept
only if it passes the checks. Group messages are short lines with the 接龙 format at the end;
captions carry hashtags from the catalog.
"""

from __future__ import annotations

import re

from pipelines.adlaw import check_adlaw, rewrite_adlaw
from pipelines.catalog import Product
from pipelines.drafts.compose import product_hook
from pipelines.drafts.facts import resolve_products
from pipelines.drafts.grounding import Sources, check_grounding
from pipelines.drafts.models import CopyContext, CopyDraft, CopyKind, CopyRequest, RecipeFinder
from pipelines.drafts.moves import say
from pipelines.drafts.options import DraftOptions
from pipelines.drafts.polish import polish_move
from pipelines.drafts.spoken import hook_point, price_slots, storage_phrase, use_phrase
from pipelines.drafts.voice import MAX_LINE_CHARS
from pipelines.errors import InvalidInput
from pipelines.llm.base import LLM

NEEDS_PRODUCTS: tuple[CopyKind, ...] = ("announcement", "product_blurb", "follow_up")
# Numbers the copy's own format states: the 接龙 list starts at 1.
FORMAT_NUMBERS = frozenset({"1"})


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


def price_line(product: Product, section: str = "copy.announcement") -> str:
    slots = price_slots(product)
    return say(section, "line", product.sku, **slots) if slots["price"] else f"▪ {product.name}，价格群里通知"


def announcement_lines(products: list[Product], limit: int) -> list[str]:
    head, tail = say("copy.announcement", "head", products[0].sku), say("copy.announcement", "jielong")
    lines = [head]
    for product in products:
        if len("\n".join([*lines, price_line(product), tail])) > limit:
            break
        lines.append(price_line(product))
    return [*lines, tail.rstrip("\n"), "1. "]


def wrap(line: str, width: int = MAX_LINE_CHARS) -> list[str]:
    """A long line broken after the clause nearest its middle: group messages are read on a phone."""
    if len(line) <= width:
        return [line]
    cuts = [i + 1 for i, c in enumerate(line) if c in "，。！"] or [width]
    cut = min(cuts, key=lambda i: abs(i - len(line) / 2))
    return [*wrap(line[:cut], width), *wrap(line[cut:], width)]


def blurb_lines(products: list[Product], hooks: list[str], limit: int) -> list[str]:
    """Per product: what makes it different, how to eat it, price and arrival; hooks dropped from the
    last product back while the blurb is over its limit."""
    hooks = list(hooks)
    while True:
        lines = []
        for product, hook in zip(products, hooks):
            slots = price_slots(product)
            price = f"每{slots['unit']}{slots['price']}元，{slots['arrival']}。" if slots["price"] else ""
            use = f"{use_phrase(product)}。{price}"
            lines += [f"{product.name}：{hook}", use] if hook else [f"{product.name}：{use}"]
        lines = [w for line in lines for w in wrap(line)] + [say("copy.product_blurb", "tail", products[0].sku)]
        if len("\n".join(lines)) <= limit or not any(hooks):
            return lines
        hooks[max(i for i, h in enumerate(hooks) if h)] = ""


def follow_up_lines(products: list[Product], recipe: str, clip_url: str) -> list[str]:
    names = "、".join(p.name for p in products)
    lines = [say("copy.follow_up", "head", names, names=names)]
    lines += [say("copy.follow_up", "storage", p.sku, name=p.name, storage=storage_phrase(p)) for p in products]
    if recipe:
        lines.append(say("copy.follow_up", "recipe", recipe, recipe=recipe))
    return lines + ([say("copy.follow_up", "clip", clip_url, clip_url=clip_url)] if clip_url else [])


def caption_line(products: list[Product], context: CopyContext, hook: str) -> str:
    title = context.highlight_title or (products[0].name if products else "直播片段")
    point = hook or (hook_point(products[0]) if products else "") or "邻居们来看看"
    return say("copy.clip_caption", "line", title, title=title, point=point)


def hooks_for(products: list[Product], catalog: list[Product], llm: LLM | None, options: DraftOptions,
              tone: str | None = None) -> list[str]:
    """One hook per product; the model may rewrite it when 'product.hook' is a polished move."""
    hooks = [product_hook(p, i) for i, p in enumerate(products)]
    if llm is None or "product.hook" not in options.polish_moves:
        return hooks
    return [polish_move(llm, p.name, h, Sources([p], catalog), options, tone).text if h else h
            for p, h in zip(products, hooks)]


def write_copy(request: CopyRequest, catalog: list[Product], *, llm: LLM | None = None,
               options: DraftOptions | None = None, recipes: RecipeFinder | None = None) -> CopyDraft:
    """Copy of `request.kind` about `request.skus`, grounded in the catalog and within its length limit."""
    options = options or DraftOptions()
    products = resolve_products(request.skus, catalog)
    if request.kind in NEEDS_PRODUCTS and not products:
        raise InvalidInput("这类文案至少要选一个商品", code="skus_required")
    hashtags = hashtags_for(products, options) if request.kind == "clip_caption" else []
    limit = body_limit(options.max_chars(request.kind), hashtags)
    body, link = compose_copy(request, products, catalog, llm, options, recipes, limit)
    quoted = (request.context.highlight_title, request.context.transcript_excerpt, request.context.recording_summary)
    sources = Sources(products, catalog, FORMAT_NUMBERS, tuple(q for q in quoted if q))
    flags = check_adlaw(body)
    final = rewrite_adlaw(body, flags) if flags and options.rewrite_adlaw else body
    text = "\n".join(x for x in (final, link) if x)
    return CopyDraft(request.kind, text, hashtags, flags, check_grounding(final, sources), body)


def compose_copy(request: CopyRequest, products: list[Product], catalog: list[Product], llm: LLM | None,
                 options: DraftOptions, recipes: RecipeFinder | None, limit: int) -> tuple[str, str]:
    """(body, link line): the link is kept out of the body so its digits are not read as facts."""
    kind, context = request.kind, request.context
    if kind == "announcement":
        return "\n".join(announcement_lines(products, limit)), ""
    if kind == "follow_up":
        recipe = recipes(products) if recipes else None
        lines = follow_up_lines(products, recipe.title if recipe else "", context.clip_url or "")
        link = lines.pop() if context.clip_url else ""
        return "\n".join(lines), link
    hooks = hooks_for(products[:1] if kind == "clip_caption" else products, catalog, llm, options, request.tone)
    if kind == "product_blurb":
        return "\n".join(blurb_lines(products, hooks, limit)), ""
    return caption_line(products, context, hooks[0] if hooks else ""), ""
