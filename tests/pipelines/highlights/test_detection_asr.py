"""Detection on real whisper transcriptions of both dev streams (ASR errors, its own sentence cuts):
the demo, the tasting and the offer are each among the top four, with and without live comments,
with the shared catalog, with a catalog that lists none of the products (the default tenant's
seed) and with no catalog at all. Design on one stream, check on the other."""

import pytest

from pipelines.catalog import load_catalog
from pipelines.highlights import HighlightOptions, find_highlights
from tests.pipelines.highlights.streams import SEED_CATALOG, STREAMS, describe, missing_from_top, sentence_bounded
from tests.utils.paths import PRODUCTS_CSV

pytestmark = pytest.mark.slow
OPTIONS = HighlightOptions(llm_titles=False)
CATALOGS = {"shared": PRODUCTS_CSV, "seed": SEED_CATALOG, "none": None}


@pytest.mark.parametrize("catalog_name", list(CATALOGS))
@pytest.mark.parametrize("with_comments", [True, False])
@pytest.mark.parametrize("name", list(STREAMS))
def test_demo_tasting_and_offer_in_the_top_four(asr_transcripts, name, with_comments, catalog_name) -> None:
    stream, transcript = STREAMS[name], asr_transcripts[name]
    catalog = load_catalog(CATALOGS[catalog_name]) if CATALOGS[catalog_name] else []
    highlights = find_highlights(transcript, catalog, stream.comments() if with_comments else [], OPTIONS)
    assert not missing_from_top(highlights, stream), describe(highlights)
    assert all(sentence_bounded(h, transcript, OPTIONS.padding_s) for h in highlights), describe(highlights)
    for h in highlights:
        assert OPTIONS.min_s <= h.duration + 1e-6 and h.duration <= OPTIONS.max_s + 1e-6


@pytest.mark.parametrize("name", list(STREAMS))
def test_offer_names_its_products_and_reads_back_why(asr_transcripts, name) -> None:
    stream, transcript = STREAMS[name], asr_transcripts[name]
    catalog = load_catalog(PRODUCTS_CSV)
    highlights = find_highlights(transcript, catalog, stream.comments(), OPTIONS)
    offer = next(h for h in highlights if h.kind == "offer")
    assert offer.skus and set(offer.skus) <= {p.sku for p in catalog}
    assert any(r.startswith("优惠信息：") for r in offer.reasons), offer.reasons
    assert any(r.startswith("评论") for r in offer.reasons), offer.reasons  # comments react to the offer
