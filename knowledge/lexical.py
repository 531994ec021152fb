"""The lexical side of retrieval: BM25 over the chunks' jieba tokens (cut by pipelines.zh)."""

from __future__ import annotations

import math
import re

import numpy as np
from rank_bm25 import BM25Okapi

from pipelines.zh import cut_for_search

_WORD = re.compile(r"[\w\u4e00-\u9fff]", re.UNICODE)
_CJK_RUN = re.compile(r"^[\u4e00-\u9fff]{3,}$")


def tokenize(text: str) -> list[str]:
    """Search-mode jieba tokens (compounds plus their parts), lower-cased, punctuation dropped.

    Chinese words of three or more characters also give their character bigrams: jieba keeps
    自提点 whole, and a resident asks about 自提."""
    tokens = [t.lower() for t in cut_for_search(text) if _WORD.search(t) and t.strip()]
    grams = [w[i:i + 2] for w in tokens if _CJK_RUN.match(w) for i in range(len(w) - 1)]
    return tokens + [g for g in grams if g not in tokens]


class _LuceneBM25(BM25Okapi):
    """Okapi BM25 with Lucene's IDF, log(1 + (N - n + 0.5) / (n + 0.5)): positive even for a word
    in half of a small tenant's chunks, where the classic IDF is zero or negative."""

    def _calc_idf(self, nd: dict) -> None:
        for word, freq in nd.items():
            self.idf[word] = math.log(1.0 + (self.corpus_size - freq + 0.5) / (freq + 0.5))


class LexicalIndex:
    """BM25 over the jieba tokens of a fixed list of chunks.

    rank-bm25 computes the IDF and lengths; scoring walks posting lists with numpy instead of
    rank-bm25's per-document Python loop, which took ~70 ms a query at 10k chunks.
    """

    def __init__(self, chunk_ids: list[str], texts: list[str]) -> None:
        self.chunk_ids = chunk_ids
        self._bm25 = _LuceneBM25([tokenize(t) or ["_"] for t in texts]) if texts else None
        self._max_idf = math.log(1.0 + (len(texts) + 0.5) / 0.5)  # a word no chunk has
        self._postings = self._build_postings() if self._bm25 else {}

    def _build_postings(self) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        bm25 = self._bm25
        lists: dict[str, tuple[list[int], list[int]]] = {}
        for doc, freqs in enumerate(bm25.doc_freqs):
            for term, tf in freqs.items():
                docs, tfs = lists.setdefault(term, ([], []))
                docs.append(doc)
                tfs.append(tf)
        norm = bm25.k1 * (1 - bm25.b + bm25.b * np.asarray(bm25.doc_len, dtype=np.float64) / bm25.avgdl)
        self._norm = norm
        return {t: (np.asarray(d, dtype=np.int64), np.asarray(f, dtype=np.float64)) for t, (d, f) in lists.items()}

    def scores(self, query: str) -> np.ndarray:
        """One raw BM25 score per chunk, in `chunk_ids` order."""
        if self._bm25 is None:
            return np.zeros(0)
        out = np.zeros(len(self.chunk_ids), dtype=np.float64)
        k1 = self._bm25.k1
        for term in tokenize(query):
            if term in self._postings:
                docs, tfs = self._postings[term]
                out[docs] += self._bm25.idf[term] * tfs * (k1 + 1) / (tfs + self._norm[docs])
        return out

    def idf(self, term: str) -> float:
        """A term's IDF; a term the tenant's knowledge never uses gets more than any known term."""
        if self._bm25 is None:
            return self._max_idf
        return max(float(self._bm25.idf.get(term.lower(), self._max_idf)), 0.05)
