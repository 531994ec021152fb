import pytest
from pydantic import ValidationError

from pipelines.catalog import load_catalog
from pipelines.comments import parse_comments
from pipelines.highlights import Highlight, HighlightOptions, find_highlights
from pipelines.transcript import Segment, Transcript
from tests.pipelines.highlights.streams import SEED_CATALOG, STREAMS, describe, missing_from_top
from tests.utils.paths import PRODUCTS_CSV
from tests.utils.stream_truth import COMMENTS_JSONL, truth_sentences, truth_transcript

NO_LLM = HighlightOptions(llm_titles=False)


@pytest.fixture(scope="module")
def transcript() -> Transcript:
    return truth_transcript()


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(PRODUCTS_CSV)


@pytest.fixture(scope="module")
def comments():
    return parse_comments(COMMENTS_JSONL.read_bytes(), COMMENTS_JSONL.name).comments


def covering(highlights: list[Highlight], kind: str) -> list[Highlight]:
    """Highlights of `kind` that hold every sentence the script marks as that kind."""
    spans = [(s["start"], s["end"]) for s in truth_sentences() if s["kind"] == kind]
    return [h for h in highlights if h.kind == kind and all(h.start <= a and b <= h.end for a, b in spans)]


@pytest.mark.parametrize("catalog_path", [PRODUCTS_CSV, SEED_CATALOG, None])
@pytest.mark.parametrize("with_comments", [True, False])
@pytest.mark.parametrize("name", list(STREAMS))
def test_demo_tasting_and_offer_top_the_script(name, with_comments, catalog_path) -> None:
    """On each stream's script (its exact sentences), with any catalog, with or without comments."""
    stream = STREAMS[name]
    catalog = load_catalog(catalog_path) if catalog_path else []
    highlights = find_highlights(stream.truth_transcript(), catalog, stream.comments() if with_comments else [], NO_LLM)
    assert not missing_from_top(highlights, stream), describe(highlights)


def test_offer_reasons_name_catalog_products_and_comment_peak(transcript, catalog, comments) -> None:
    offer = covering(find_highlights(transcript, catalog, comments, NO_LLM), "offer")[0]
    assert offer.skus[:2] == ["WT-001", "WT-003"]
    assert "提到 特级初榨橄榄油" in offer.reasons
    peak = next(r for r in offer.reasons if r.startswith("评论高峰 ×"))
    assert float(peak.split("×")[1]) > 2.0
    offer_reason = next(r for r in offer.reasons if r.startswith("优惠信息："))
    assert any(c.isdigit() for c in offer_reason) or "元" in offer_reason  # the stated price is the evidence


@pytest.mark.parametrize("text, kind", [
    ("先把土豆切成块，然后热锅倒油，下锅翻炒两分钟。再加点盐和生抽，小火焖五分钟就可以出锅了。", "demo"),
    ("我来尝一口，哇，外酥里嫩，香香的，真的太好吃了。这个口感绝了，肉特别嫩。", "tasting"),
    ("团购价只要二十九块九一箱，今天只有三十箱，卖完就没了。想要的邻居赶紧在群里接龙下单。", "offer"),
    ("有宝妈问一岁宝宝能不能吃？可以的，蒸熟压成泥就行。还有人问能放几天，冷藏三天，建议尽快吃完。", "qa"),
])
def test_sentence_roles_from_general_language(catalog, text: str, kind: str) -> None:
    """Words no dev stream says: the role comes from structure and general vocabulary."""
    half = len(text) // 2
    transcript = Transcript("zh", 20.0, [Segment(0.5, 9.5, text[:half]), Segment(10.0, 19.5, text[half:])])
    [highlight] = find_highlights(transcript, [], [], HighlightOptions(llm_titles=False, min_count=1))
    assert highlight.kind == kind, highlight.reasons


@pytest.mark.parametrize("options", [
    HighlightOptions(llm_titles=False),
    HighlightOptions(llm_titles=False, min_s=20, max_s=40, padding_s=0.0),
    HighlightOptions(llm_titles=False, min_s=10, max_s=25, padding_s=1.0, min_count=3, max_count=8),
    HighlightOptions(llm_titles=False, min_count=1, max_count=2),
])
def test_structural_properties(transcript, catalog, comments, options: HighlightOptions) -> None:
    highlights = find_highlights(transcript, catalog, comments, options)
    starts = [s.start for s in transcript.segments]
    ends = [s.end for s in transcript.segments]
    skus = {p.sku for p in catalog}
    assert min(options.min_count, 3) <= len(highlights) <= options.max_count
    assert [h.score for h in highlights] == sorted((h.score for h in highlights), reverse=True)
    for h in highlights:
        assert options.min_s - 1e-6 <= h.duration <= options.max_s + 1e-6
        assert 0 <= h.start < h.end <= transcript.duration
        assert any(0 <= s - h.start <= options.padding_s + 1e-6 for s in starts), h
        assert any(0 <= h.end - e <= options.padding_s + 1e-6 for e in ends), h
        for seg in transcript.segments:  # never mid-sentence
            assert seg.end <= h.start or seg.start >= h.end or (h.start <= seg.start and seg.end <= h.end)
        assert set(h.skus) <= skus and h.reasons and h.title
        assert 0 < h.score <= 1
    ordered = sorted(highlights, key=lambda h: h.start)
    assert all(a.end <= b.start for a, b in zip(ordered, ordered[1:]))


def test_asr_errors_and_traditional_characters_still_match_products(catalog) -> None:
    text = "好，重点来了，橄揽油直播间专享价，只有五十瓶。沙让西红柿也到货了，土雞蛋大家接龙。"
    transcript = Transcript("zh", 20.0, [Segment(0.5, 9.5, text[:22]), Segment(10.0, 19.5, text[22:])])
    [highlight] = find_highlights(transcript, catalog, [], HighlightOptions(llm_titles=False, min_count=1))
    assert set(highlight.skus) == {"WT-001", "WT-003", "WT-005"}
    assert highlight.kind == "offer"


def test_too_short_stream_has_no_highlights(catalog) -> None:
    transcript = Transcript("zh", 8.0, [Segment(0.0, 7.5, "来，我尝一口，哎呀，真香。")])
    assert find_highlights(transcript, catalog, [], NO_LLM) == []


def test_template_titles_come_from_the_catalog(transcript, catalog, comments) -> None:
    highlights = find_highlights(transcript, catalog, comments, NO_LLM)
    names = {p.sku: p.name for p in catalog}
    offer = covering(highlights, "offer")[0]
    assert offer.title == f"{names[offer.skus[0]]} 团购优惠"
    assert covering(highlights, "tasting")[0].title.endswith(" 试吃")


def test_highlight_round_trips(transcript, catalog, comments) -> None:
    highlight = find_highlights(transcript, catalog, comments, NO_LLM)[0]
    assert Highlight.from_dict(highlight.to_dict()) == highlight


@pytest.mark.parametrize("bad", [dict(min_s=30, max_s=20), dict(min_count=5, max_count=4), dict(min_s=0)])
def test_options_are_validated(bad: dict) -> None:
    with pytest.raises(ValidationError):
        HighlightOptions(**bad)
