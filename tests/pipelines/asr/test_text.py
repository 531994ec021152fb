"""Text clean-up, CER normalisation and sentence building on plain data."""

import pytest

from pipelines.asr.metrics import cer, corpus_cer
from pipelines.asr.sentences import SentenceRules, build_sentences, clean_words, punctuate
from pipelines.asr.text import to_full_width
from pipelines.transcript import Word


@pytest.mark.parametrize("ref, hyp, expected", [
    ("能放三十天", "能放30天。", 0.0),  # numerals and punctuation are normalised away
    ("我們準時開播", "我们准时开播", 0.0),  # Traditional -> Simplified on both sides
    ("西红柿", "西红室", 1 / 3),
    ("橄榄油", "", 1.0),
])
def test_cer(ref: str, hyp: str, expected: float) -> None:
    assert cer(ref, hyp) == pytest.approx(expected)


def test_corpus_cer_weights_by_length() -> None:
    assert corpus_cer([("一二三四", "一二三四"), ("五六", "五七")]) == pytest.approx(1 / 6)


@pytest.mark.parametrize("raw, full", [("好,重点来了.", "好，重点来了。"), ("酸度0.3,", "酸度0.3，"),
                                       ("1,000元", "1,000元"), ("怎么保存?", "怎么保存？")])
def test_full_width(raw: str, full: str) -> None:
    assert to_full_width(raw) == full


def words(*items: tuple[str, float, float]) -> list[Word]:
    return [Word(start, end, text) for text, start, end in items]


def test_clean_words_converts_script_and_spaces() -> None:
    cleaned = clean_words(words(("歡迎", 0.0, 0.4), (" 來到", 0.5, 0.9), ("廚房,", 0.9, 1.2)))
    assert [w.word for w in cleaned] == ["欢迎，", "来到", "厨房，"]


def test_pauses_punctuate_and_split_sentences() -> None:
    rules = SentenceRules(clause_pause_s=0.3, sentence_pause_s=0.8, max_sentence_s=12)
    ws = punctuate(words(("今天", 0.0, 0.4), ("开播", 0.8, 1.2), ("好吗", 2.5, 3.0), ("好", 3.1, 3.3)), rules)
    assert [w.word for w in ws] == ["今天，", "开播。", "好吗", "好。"]
    segments = build_sentences(ws, rules)
    assert [s.text for s in segments] == ["今天，开播。", "好吗好。"]
    assert all(s.words[0].start == s.start and s.words[-1].end == s.end for s in segments)


def test_long_sentences_split_at_the_longest_comma_pause() -> None:
    rules = SentenceRules(max_sentence_s=5)
    ws = words(("一，", 0, 2), ("二，", 2.1, 4), ("三，", 4.6, 6), ("四。", 6.1, 8))
    assert [s.text for s in build_sentences(ws, rules)] == ["一，二，", "三，四。"]
