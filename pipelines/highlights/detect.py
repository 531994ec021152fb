"""find_highlights: transcript + catalog + live comments -> the moments worth a short video."""

from __future__ import annotations

from pipelines.catalog import Product
from pipelines.comments import Comment
from pipelines.highlights.lexicon import Lexicon, load_lexicon
from pipelines.highlights.models import Highlight, HighlightOptions
from pipelines.highlights.products import ProductMatcher
from pipelines.highlights.reactions import ReactionIndex
from pipelines.highlights.signals import transcript_signals
from pipelines.highlights.titles import write_titles
from pipelines.highlights.windows import Candidate, candidate_spans, score_window, select
from pipelines.llm import LLM
from pipelines.transcript import Transcript


def _duration(transcript: Transcript) -> float:
    last_end = max((s.end for s in transcript.segments), default=0.0)
    return transcript.duration if transcript.duration > 0 else last_end


def _highlight(candidate: Candidate) -> Highlight:
    start, end = round(candidate.start, 3), round(candidate.end, 3)
    return Highlight(
        id=f"hl-{int(start * 1000):08d}-{int(end * 1000):08d}", start=start, end=end,
        score=candidate.score, kind=candidate.kind, reasons=candidate.reasons, skus=candidate.skus)


def find_highlights(
    transcript: Transcript,
    catalog: list[Product],
    comments: list[Comment] | None = None,
    options: HighlightOptions | None = None,
    llm: LLM | None = None,
    *,
    lexicon: Lexicon | None = None,
) -> list[Highlight]:
    """Non-overlapping highlights sorted by score (best first); titles by `llm` when given."""
    options = options or HighlightOptions()
    lexicon = lexicon or load_lexicon()
    matcher = ProductMatcher(catalog)
    duration = _duration(transcript)
    signals = transcript_signals(transcript, matcher, lexicon)
    reactions = ReactionIndex(comments or [], duration, lexicon.reactions)
    candidates = [score_window(signals, first, last, (start, end), reactions, lexicon, matcher, options)
                  for first, last, start, end in candidate_spans(signals, options, duration)]
    highlights = [_highlight(c) for c in select(candidates, options)]
    write_titles(highlights, transcript, llm if options.llm_titles else None, lexicon, matcher,
                 options.title_max_chars)
    return highlights
