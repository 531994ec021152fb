"""A character bigram model of the tenant's own text (knowledge base, catalog, glossary, domain words).

It supplies the context the word prior lacks: in a tenant whose knowledge says 大头朝上放置, the
characters 头朝上 follow each other and 头炒上 never do. Bigrams are interpolated with add-one
character unigrams, so text the tenant never wrote is only mildly less probable, never impossible.
Memory stays small: a few hundred thousand bigram counts for a knowledge base of a few megabytes.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
BIGRAM_WEIGHT = 0.6  # interpolation weight of the bigram estimate; the rest is the unigram


class CharModel:
    def __init__(self, texts: Iterable[str]) -> None:
        self.unigrams: Counter[str] = Counter()
        self.bigrams: Counter[str] = Counter()
        for text in texts:
            for run in _HAN_RUN.findall(text):
                self.unigrams.update(run)
                self.bigrams.update(run[i:i + 2] for i in range(len(run) - 1))
        self._total = sum(self.unigrams.values())
        self._vocab = len(self.unigrams) + 1

    def _unigram(self, char: str) -> float:
        return (self.unigrams.get(char, 0) + 1) / (self._total + self._vocab)

    def log_prob(self, previous: str, char: str) -> float:
        """log P(char | previous), interpolated; `previous` may be "" or a non-Chinese character."""
        seen = self.unigrams.get(previous, 0)
        bigram = self.bigrams.get(previous + char, 0) / seen if seen else 0.0
        return math.log(BIGRAM_WEIGHT * bigram + (1 - BIGRAM_WEIGHT) * self._unigram(char))

    def score(self, text: str) -> float:
        """Log-probability of the Chinese characters of `text`, each given the one before it."""
        total = 0.0
        for run in _HAN_RUN.findall(text):
            previous = ""
            for char in run:
                total += self.log_prob(previous, char)
                previous = char
        return total
