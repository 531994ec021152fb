"""How probable a short Chinese text is: the best segmentation into words under a unigram model.

jieba's dictionary frequencies (a general corpus of about 60 million words) are the prior; the
tenant's and the domain's words are added with a floor frequency, so 接龙 or 手工水饺 count as
common words here even where the general corpus rarely or never uses them. A character the model
has never seen as a word costs as much as the rarest dictionary word.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from pipelines.zh import get_tokenizer

MAX_WORD_CHARS = 8


class WordModel:
    """Unigram word log-probabilities over jieba's dictionary plus weighted extra words."""

    def __init__(self, extra: Mapping[str, float]) -> None:
        tokenizer = get_tokenizer()
        self._freq = tokenizer.FREQ
        self._extra = {w: f for w, f in extra.items() if f > 0}
        self._log_total = math.log(tokenizer.total + sum(self._extra.values()))
        self._unknown = -self._log_total  # a frequency of 1: as rare as a dictionary word can be

    def frequency(self, word: str) -> float:
        return max(self._freq.get(word) or 0, self._extra.get(word, 0.0))

    def log_prob(self, word: str) -> float | None:
        """None when `word` is not a word of the model."""
        freq = self.frequency(word)
        return math.log(freq) - self._log_total if freq > 0 else None

    def score(self, text: str) -> float:
        """Log-probability of the most probable segmentation of `text` (dynamic programming)."""
        best = [0.0] + [-math.inf] * len(text)
        for end in range(1, len(text) + 1):
            for start in range(max(0, end - MAX_WORD_CHARS), end):
                piece = text[start:end]
                value = self.log_prob(piece)
                if value is None and end - start == 1:
                    value = self._unknown
                if value is not None and best[start] + value > best[end]:
                    best[end] = best[start] + value
        return best[-1]
