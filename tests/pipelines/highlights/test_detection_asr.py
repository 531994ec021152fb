"""Detection on a real whisper transcription of the stream (ASR errors, its own sentence cuts)."""

import pytest

from pipelines.catalog import load_catalog
from pipelines.comments import parse_comments
from pipelines.highlights import Highlight, HighlightOptions, find_highlights
from pipelines.transcript import Transcript
from tests.utils.paths import PRODUCTS_CSV
from tests.utils.stream_truth import COMMENTS_JSONL, truth_sentences

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(PRODUCTS_CSV)


@pytest.fixture(scope="module")
def asr_transcript(stream_transcript: Transcript) -> Transcript:
    return stream_transcript


def truth_span(kind: str) -> tuple[float, float]:
    spans = [(s["start"], s["end"]) for s in truth_sentences() if s["kind"] == kind]
    return spans[0][0], spans[-1][1]


def covers_most_of(highlight: Highlight, span: tuple[float, float]) -> bool:
    overlap = min(highlight.end, span[1]) - max(highlight.start, span[0])
    return overlap >= 0.8 * (span[1] - span[0])


def test_offer_and_tasting_found_in_a_real_transcription(asr_transcript, catalog) -> None:
    comments = parse_comments(COMMENTS_JSONL.read_bytes(), COMMENTS_JSONL.name).comments
    options = HighlightOptions(llm_titles=False)
    highlights = find_highlights(asr_transcript, catalog, comments, options)
    top3 = highlights[:3]
    for kind in ("offer", "tasting"):
        assert any(h.kind == kind and covers_most_of(h, truth_span(kind)) for h in top3), (kind, highlights)
    starts = [s.start for s in asr_transcript.segments]
    ends = [s.end for s in asr_transcript.segments]
    for h in highlights:
        assert any(0 <= s - h.start <= options.padding_s + 1e-6 for s in starts)
        assert any(0 <= h.end - e <= options.padding_s + 1e-6 for e in ends)
        assert options.min_s <= h.duration + 1e-6 and h.duration <= options.max_s + 1e-6
