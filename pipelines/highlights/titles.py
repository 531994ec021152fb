"""Highlight titles: a template built from catalog facts, or a short LLM title that passes a check.

The model only supplies wording. A title naming a product outside the highlight, stating a number,
price or quantity, or carrying a word whisper misheard (乔麦 for 荞麦: the model copies the
transcript), is rejected and the template title is used instead.
"""

from __future__ import annotations

import re

from pipelines.errors import ModelUnavailable
from pipelines.highlights.lexicon import Lexicon, find_terms
from pipelines.highlights.models import Highlight
from pipelines.highlights.products import ProductMatcher
from pipelines.highlights.roles import mask_products
from pipelines.llm import LLM
from pipelines.prompting import load_prompt
from pipelines.transcript import Transcript
from pipelines.zh import clean_llm_text, normalize, to_simplified
from pipelines.zh.llm_text import first_line

PROMPT = "highlight_titles"
EXCERPT_CHARS = 160
_STRIP = "\"'“”‘’「」『』《》【】[]()（）<>*#`。.!！,，、;；:： \t"
_HAN_RUN = re.compile(r"[\u3400-\u9fff]{2,}")
_QUANTITY = re.compile(r"[零一二两三四五六七八九十百千万]+[元块枚个瓶盒斤克袋份折罐包]")


def template_title(highlight: Highlight, lexicon: Lexicon, matcher: ProductMatcher) -> str:
    if not highlight.skus:
        return lexicon.label(highlight.kind)
    return lexicon.title_template(highlight.kind).format(product=matcher.name(highlight.skus[0]))


def clean_title(raw: str) -> str:
    """The model's first line, without label, Markdown or quotes, in Simplified, without spaces."""
    return re.sub(r"\s+", "", to_simplified(clean_llm_text(first_line(raw)))).strip(_STRIP)


def check_title(title: str, highlight: Highlight, matcher: ProductMatcher, lexicon: Lexicon,
                max_chars: int) -> bool:
    """True when the title is short, states no number, names only the highlight's products, as the
    catalog spells them, and carries no mis-heard word."""
    if not lexicon.titles.min_chars <= len(title) <= max_chars:
        return False
    if any(c.isdigit() for c in title) or _QUANTITY.search(title):
        return False
    if any(word in title for word in lexicon.titles.forbidden):
        return False
    named = set(matcher.find(title, fuzzy=False))
    return named <= set(highlight.skus) and (bool(named) or not highlight.skus) and not misheard_words(title, matcher, lexicon)


def name_parts(matcher: ProductMatcher) -> list[str]:
    """Every 2-4 character run of the catalog's names: what a leader may say of a product."""
    names = [n for p in matcher.products.values() for n in _HAN_RUN.findall(normalize(p.name))]
    return list(dict.fromkeys(n[i:i + k] for n in names for k in (2, 3, 4) for i in range(len(n) - k + 1)))


def misheard_words(title: str, matcher: ProductMatcher, lexicon: Lexicon) -> list[str]:
    """Words a model copied from a mis-heard transcript: they sound like part of a catalog name or
    a word of the cue vocabulary (乔麦 like 荞麦, 睡觉 like 水饺, 揭笼 like 接龙) but are spelled
    otherwise."""
    known = sorted({t for t in [t.term for t in matcher.terms] + name_parts(matcher) + lexicon.vocabulary()
                    if len(t) >= 2}, key=len, reverse=True)
    masked = mask_products(normalize(title), known)
    return [t for t in known if find_terms(masked, [t])]


def excerpt(transcript: Transcript, start: float, end: float) -> str:
    text = "".join(s.text for s in transcript.segments if s.start >= start - 0.5 and s.end <= end + 0.5)
    return text[:EXCERPT_CHARS]


def llm_title(highlight: Highlight, transcript: Transcript, llm: LLM, lexicon: Lexicon,
              matcher: ProductMatcher, max_chars: int) -> str | None:
    """One short completion; None when the model fails or its title does not pass the check."""
    products = "、".join(matcher.name(sku) for sku in highlight.skus[:3]) or "无"
    messages = load_prompt(PROMPT).render(
        kind_label=lexicon.label(highlight.kind), products=products,
        excerpt=excerpt(transcript, highlight.start, highlight.end), max_chars=max_chars)
    try:
        raw = llm.complete(messages, max_tokens=32, temperature=0.2, stop=["\n"])
    except ModelUnavailable:
        return None
    title = clean_title(raw)
    return title if check_title(title, highlight, matcher, lexicon, max_chars) else None


def write_titles(highlights: list[Highlight], transcript: Transcript, llm: LLM | None,
                 lexicon: Lexicon, matcher: ProductMatcher, max_chars: int) -> None:
    """Set each highlight's title in place: the LLM's when it passes the check, else the template."""
    for highlight in highlights:
        title = llm_title(highlight, transcript, llm, lexicon, matcher, max_chars) if llm else None
        highlight.title = title or template_title(highlight, lexicon, matcher)
