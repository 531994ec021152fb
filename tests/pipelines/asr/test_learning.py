"""Terms a leader's transcript correction teaches, and the word times of a corrected sentence."""

from __future__ import annotations

import pytest

from pipelines.asr.learning import introduced_terms, spread_words

CATALOG = ["沙瓤西红柿", "特级初榨橄榄油", "山东寿光"]


@pytest.mark.parametrize(("original", "corrected", "expected"), [
    ("这个沙壤西红柿特别甜啊", "这个沙瓤西红柿特别甜啊", ["沙瓤西红柿", "沙瓤"]),  # catalog name + the misheard word
    ("今天给大家带来巴旦木，很香", "今天给大家带来巴坦木，很香", ["巴坦木"]),  # jieba's 巴坦|木 kept together
    ("身体健康", "身体健康，还有桂花酒酿和苦荞。", ["桂花酒酿", "苦荞"]),  # split at 还有/和
    ("还有沙壤西红柿", "还有沙瓤西红柿", ["沙瓤西红柿", "沙瓤"]),
    ("我们的特级出站橄榄油", "我们的特级初榨橄榄油", ["特级初榨橄榄油", "初榨"]),
    ("来自山东受光的", "来自山东寿光的", ["山东寿光", "寿光"]),
    ("好的好的", "好的好的", []),  # unchanged
    ("价格是八十九", "价格是89元", []),  # no Chinese term introduced
    ("大家好", "大家好，今天天气不错我们准备了很多很多好东西", []),  # a rewrite, not a misheard word
    ("大家好", "大家好，今天我们准备了很多沙瓤西红柿", ["沙瓤西红柿"]),  # ...but catalog names still count
])
def test_introduced_terms(original: str, corrected: str, expected: list[str]) -> None:
    assert introduced_terms(original, corrected, CATALOG) == expected


@pytest.mark.parametrize(("text", "start", "end"), [("沙瓤西红柿，5元1斤！", 10.0, 14.0), ("OK好的", 0.0, 1.0)])
def test_spread_words_cover_the_span_evenly(text: str, start: float, end: float) -> None:
    words = spread_words(text, start, end)
    assert "".join(w.word for w in words) == text
    assert words[0].start == start and words[-1].end == end
    assert all(a.end == b.start for a, b in zip(words, words[1:]))
    assert max(w.end - w.start for w in words) - min(w.end - w.start for w in words) < 0.01
