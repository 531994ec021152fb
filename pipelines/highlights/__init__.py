"""Highlight detection: the moments of a stream that sell (demo, tasting, offer, Q&A)."""

from pipelines.highlights.detect import find_highlights
from pipelines.highlights.models import Highlight, HighlightKind, HighlightOptions

__all__ = ["Highlight", "HighlightKind", "HighlightOptions", "find_highlights"]
