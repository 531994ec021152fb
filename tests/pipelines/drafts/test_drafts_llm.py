"""Scripts and copy with a real LLM (the `llm` fixture): properties of the real output.

Kept to one script of 3 SKUs and one copy per kind: the embedded model shares 2 cores. The model
rewrites the product hooks; whatever it writes, the voice and fact checks must hold.
"""

from __future__ import annotations

import json

import pytest

from pipelines.adlaw import check_adlaw
from pipelines.catalog import Product
from pipelines.drafts import (
    COPY_KINDS,
    CopyContext,
    CopyDraft,
    CopyRequest,
    DraftOptions,
    RecipeFinder,
    Script,
    ScriptRequest,
    build_script,
    check_copy_voice,
    check_script_voice,
    mine_comment_requests,
    render_script_markdown,
    write_copy,
)
from pipelines.drafts.facts import catalog_text, name_words
from pipelines.facts.claims import number_claims
from pipelines.llm import LLM
from pipelines.zh import canonical, find_days, find_numbers
from tests.utils.paths import MEDIA

SKUS = ["WT-001", "WT-003", "WT-005"]
QUESTIONS = ["鸡蛋能放多久？", "橄榄油可以炒菜吗？"]


def stated_numbers(text: str, catalog: list[Product]) -> set[str]:
    return {canonical(m.value) for m in number_claims(text, name_words(catalog))}


def numbers_in(text: str) -> set[str]:
    return {canonical(m.value) for m in find_numbers(text)}


def weekdays(text: str) -> list[frozenset[int]]:
    return [d.weekdays for d in find_days(text) if not d.relative]


def allowed_numbers(script_or_skus, catalog: list[Product], extra: str = "") -> set[str]:
    """Catalog facts of the involved SKUs, plus what the inputs themselves say."""
    involved = [p for p in catalog if p.sku in script_or_skus]
    return set().union(*(numbers_in(catalog_text(p)) for p in involved)) | numbers_in(extra)


@pytest.fixture(scope="module")
def script(llm: LLM, catalog: list[Product], recipes: RecipeFinder) -> Script:
    comments = [json.loads(line)["text"] for line in (MEDIA / "stream" / "comments.jsonl").open(encoding="utf-8")]
    return build_script(ScriptRequest("春季尝鲜季", SKUS, 30), catalog, llm=llm, recipes=recipes,
                        questions=QUESTIONS, comment_requests=mine_comment_requests(comments))


def test_script_covers_every_sku_in_contiguous_minutes(script: Script) -> None:
    assert [s.skus for s in script.segments if s.kind == "product"] == [[sku] for sku in SKUS]
    assert script.segments[0].minute_start == 0 and script.segments[-1].minute_end == 30
    assert all(a.minute_end == b.minute_start for a, b in zip(script.segments, script.segments[1:]))
    assert {s.kind for s in script.segments} == {"opening", "product", "demo", "interaction", "qa", "offer", "closing"}
    assert script.recipe and script.recipe.title == "西红柿炒鸡蛋"
    assert all(s.talk.strip() for s in script.segments)


def test_script_product_facts_come_from_the_catalog(script: Script, catalog: list[Product]) -> None:
    by_sku = {p.sku: p for p in catalog}
    for segment in (s for s in script.segments if s.kind == "product"):
        facts = {f.field: f.value for f in segment.facts}
        product = by_sku[segment.skus[0]]
        assert facts["price"].startswith(product.get("price").removesuffix(".0"))
        assert facts["spec"] == product.get("spec") and facts["storage"] == product.get("storage")
    eggs = next(s for s in script.segments if s.skus == ["WT-003"])
    assert {f.field: f.value for f in eggs.facts}["allergens"] == "鸡蛋"
    assert "提醒过敏原：鸡蛋" in eggs.cues


def test_every_number_in_the_script_is_a_catalog_fact_or_structure(script: Script, catalog: list[Product]) -> None:
    markdown = render_script_markdown(script)
    requests = " ".join(f.value for s in script.segments for f in s.facts if f.field in ("request", "question"))
    structure = {str(i) for i in range(len(script.segments) + 1)}
    structure |= {v for s in script.segments for v in numbers_in(f"{s.minute_start} {s.minute_end} {s.minutes}")}
    allowed = allowed_numbers(SKUS, catalog, requests) | structure
    for segment in script.segments:
        assert stated_numbers(segment.talk, catalog) <= allowed, segment.talk
    assert stated_numbers(markdown, catalog) <= allowed
    arrival = {d for p in catalog if p.sku in SKUS for days in weekdays(p.get("arrival")) for d in days}
    assert all(days <= arrival for days in weekdays(markdown))


def test_no_banned_term_survives_in_the_script(script: Script) -> None:
    assert check_adlaw(render_script_markdown(script)) == []


def test_the_script_passes_the_voice_and_fact_checks(script: Script) -> None:
    assert check_script_voice([(s.kind, s.talk) for s in script.segments]) == []
    assert all(s.grounding.passed for s in script.segments)
    products = [s for s in script.segments if s.kind == "product"]
    assert sum(s.polish_tried for s in products) == len(SKUS)  # one hook each, nothing else to the model


def test_markdown_lists_every_segment(script: Script) -> None:
    markdown = render_script_markdown(script)
    assert markdown.startswith("# 春季尝鲜季") and markdown.count("\n## ") == len(script.segments)
    assert "特级初榨橄榄油" in markdown and "89元/瓶" in markdown


COPY_CASES: dict[str, CopyRequest] = {
    "announcement": CopyRequest("announcement", SKUS),
    "product_blurb": CopyRequest("product_blurb", ["WT-001"]),
    "follow_up": CopyRequest("follow_up", ["WT-003", "WT-005"]),
    "clip_caption": CopyRequest("clip_caption", ["WT-003"], context=CopyContext(
        highlight_title="西红柿炒鸡蛋出锅", highlight_kind="demo",
        transcript_excerpt="鸡蛋先炒到凝固盛出来，再下西红柿，翻炒二十秒就软了。这个鸡蛋三十六块一盒。")),
}


@pytest.fixture(scope="module")
def copies(llm: LLM, catalog: list[Product], recipes: RecipeFinder) -> dict[str, CopyDraft]:
    return {kind: write_copy(COPY_CASES[kind], catalog, llm=llm, recipes=recipes) for kind in COPY_KINDS}


@pytest.mark.parametrize("kind", COPY_KINDS)
def test_copy_is_within_its_limit_grounded_and_clean(copies: dict[str, CopyDraft], catalog: list[Product],
                                                     kind: str) -> None:
    draft, limit = copies[kind], DraftOptions().max_chars(kind)
    assert draft.text and len(draft.full_text) <= limit
    jielong = {"1"} if kind == "announcement" else set()  # the 接龙 list's first line
    assert stated_numbers(draft.full_text, catalog) <= allowed_numbers(COPY_CASES[kind].skus, catalog) | jielong
    assert check_adlaw(draft.full_text) == []
    assert check_copy_voice(kind, draft.full_text, draft.hashtags) == [] and draft.grounding.passed
    for flag in draft.flags:
        assert draft.checked_text[flag.start:flag.end].lower() == flag.term.lower()


def test_caption_carries_hashtags_from_the_catalog(copies: dict[str, CopyDraft]) -> None:
    assert copies["clip_caption"].hashtags[0] == "#散养土鸡蛋"
    assert all(not d.hashtags for k, d in copies.items() if k != "clip_caption")
