from __future__ import annotations

import numpy as np
import pytest

from knowledge.lexical import LexicalIndex, tokenize
from tests.utils.paths import RECIPES


@pytest.fixture(scope="module")
def index() -> LexicalIndex:
    texts = [p.read_text(encoding="utf-8")[:600] for p in sorted(RECIPES.rglob("*.md"))]
    return LexicalIndex([str(i) for i in range(len(texts))], texts)


@pytest.mark.parametrize("query", ["西红柿炒鸡蛋怎么做", "玉米排骨汤要炖多久", "白灼虾 蘸料", "榴莲"])
def test_posting_list_scores_equal_rank_bm25(index, query):
    expected = np.asarray(index._bm25.get_scores(tokenize(query)))
    assert np.allclose(index.scores(query), expected)


def test_unknown_words_weigh_more_than_any_known_word(index):
    assert index.idf("榴莲") > max(index.idf(w) for w in ("西红柿", "鸡蛋", "排骨"))
    assert index.idf("盐") < index.idf("吉利丁")
