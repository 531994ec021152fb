from pathlib import Path

import pytest

from pipelines.catalog import load_catalog
from pipelines.errors import MissingPromptVariable, ModelUnavailable
from pipelines.highlights import Highlight, HighlightOptions, find_highlights
from pipelines.highlights.lexicon import load_lexicon
from pipelines.highlights.products import ProductMatcher
from pipelines.highlights.titles import check_title, clean_title
from pipelines.llm import LLMOptions, get_llm
from pipelines.prompting import load_prompt
from tests.utils.paths import PRODUCTS_CSV
from tests.utils.stream_truth import truth_transcript

OFFER = Highlight("h", 75.7, 90.7, 0.9, "offer", [], "", ["WT-001", "WT-003"])


class CannedLLM:
    """Replies with one fixed text and records the prompts it was given."""

    name = "canned"

    def __init__(self, reply: str | Exception) -> None:
        self.reply, self.calls = reply, []

    def complete(self, messages, *, max_tokens=256, temperature=0.2, json_output=False, stop=None) -> str:
        self.calls.append(messages)
        if isinstance(self.reply, Exception):
            raise self.reply
        return self.reply


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(PRODUCTS_CSV)


@pytest.fixture(scope="module")
def matcher(catalog) -> ProductMatcher:
    return ProductMatcher(catalog)


@pytest.mark.parametrize("title, ok", [
    ("橄榄油限时团购", True),
    ("土鸡蛋和橄榄油来啦", True),
    ("三文鱼大促销", False),          # a product the highlight does not hold
    ("橄榄油只要89元", False),       # a price from the model
    ("橄榄油八十九元一瓶", False),    # the same in words
    ("今晚团购好物", False),         # names none of its products
    ("橄榄油", False),               # too short
    ("橄榄油" * 8, False),           # too long
    ("橄榄油第一名", False),          # forbidden claim
])
def test_check_title(matcher, title: str, ok: bool) -> None:
    assert check_title(title, OFFER, matcher, load_lexicon(), 18) is ok


NOODLES = Highlight("n", 10.0, 30.0, 0.8, "demo", [], "", ["WT-024"])  # 荞麦面 in the shared catalog


@pytest.mark.parametrize("title, ok", [
    ("荞麦面做法演示", True),
    ("荞麦面的麦粉和乔麦", False),   # 乔麦 sounds like 荞麦, spelled otherwise: copied from a mis-heard line
    ("乔麦面凉拌做法", False),
    ("荞麦面揭笼开始", False),       # 揭笼 sounds like 接龙
    ("荞麦面接龙开始", True),
])
def test_titles_never_carry_misheard_words(matcher, title: str, ok: bool) -> None:
    assert check_title(title, NOODLES, matcher, load_lexicon(), 18) is ok


@pytest.mark.parametrize("raw, clean", [
    ("标题：「橄榄油来了」", "橄榄油来了"), ('"土鸡蛋接龙中！"', "土鸡蛋接龙中"),
    ("橄欖油來了\n解释：……", "橄榄油来了"), ("  ", ""),
])
def test_clean_title(raw: str, clean: str) -> None:
    assert clean_title(raw) == clean


@pytest.mark.parametrize("reply, expected", [
    ("标题：橄榄油直播专享", "橄榄油直播专享"),
    ("三文鱼大促销", "特级初榨橄榄油 团购优惠"),
    ("橄榄油只要89元", "特级初榨橄榄油 团购优惠"),
    ("", "特级初榨橄榄油 团购优惠"),
    (ModelUnavailable("endpoint down"), "特级初榨橄榄油 团购优惠"),
])
def test_llm_titles_are_checked_with_template_fallback(catalog, reply, expected) -> None:
    llm = CannedLLM(reply)
    highlights = find_highlights(truth_transcript(), catalog, [], HighlightOptions(), llm)
    offer = next(h for h in highlights if h.kind == "offer")
    assert offer.title == expected
    assert len(llm.calls) == len(highlights)  # one short call per highlight
    prompt = next(m for m in llm.calls if "优惠信息" in m[-1]["content"])[-1]["content"]
    assert "特级初榨橄榄油" in prompt and "专享价" in prompt


def test_no_llm_call_when_titles_are_off(catalog) -> None:
    llm = CannedLLM("橄榄油直播专享")
    find_highlights(truth_transcript(), catalog, [], HighlightOptions(llm_titles=False), llm)
    assert llm.calls == []


def test_prompt_needs_its_variables() -> None:
    with pytest.raises(MissingPromptVariable):
        load_prompt("highlight_titles").render(kind_label="试吃反应")


@pytest.mark.slow
def test_embedded_llm_titles_are_grounded(catalog, matcher, model_dir: Path) -> None:
    llm = get_llm(LLMOptions(), model_dir)
    options = HighlightOptions(min_count=3, max_count=3)
    highlights = find_highlights(truth_transcript(), catalog, [], options, llm)
    assert len(highlights) == 3
    for h in highlights:
        assert h.title and not any(c.isdigit() for c in h.title)
        names = {matcher.name(sku) for sku in h.skus}
        assert check_title(h.title, h, matcher, load_lexicon(), options.title_max_chars) or \
            any(h.title.startswith(n) for n in names), h.title
