"""The phonetic correction pass on its own: true corrections and false matches it must not make."""

import pytest

from pipelines.asr.glossary import Glossary, get_glossary
from pipelines.asr.terms import terms_from_names

CATALOG = ("特级初榨橄榄油", "散养土鸡蛋", "五常稻花香大米", "沙瓤西红柿", "宝宝有机米粉", "有机菠菜",
           "鲜活基围虾", "古法红糖", "手工水饺（猪肉白菜）", "山东寿光", "西班牙安达卢西亚")


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return get_glossary(CATALOG)


def test_bracketed_parts_are_terms_and_longest_first() -> None:
    terms = terms_from_names(["手工水饺（猪肉白菜）"])
    assert {"手工水饺", "猪肉白菜"} <= set(terms)
    assert [len(t) for t in terms] == sorted((len(t) for t in terms), reverse=True)


@pytest.mark.parametrize("heard, expected", [
    ("今天带来干烂油和土鸡蛋", "今天带来橄榄油和土鸡蛋"),  # same pinyin, wrong characters
    ("先把西红室切成小块", "先把西红柿切成小块"),
    ("寿光的沙扬西红饰", "寿光的沙瓤西红柿"),  # rang ~ yang: one close syllable in a long term
    ("这瓶特级出炸干烂油", "这瓶特级初榨橄榄油"),  # the longest term wins over its parts
    ("干赖游适合凉拌", "橄榄油适合凉拌"),  # lai ~ lan inside the term
    ("冷压出炸", "冷压初榨"),  # a two-character term: exact homophone of a non-word
    ("还有瘦光的", "还有寿光的"),
    ("西班牙安打炉西亚产的", "西班牙安达卢西亚产的"),
    ("五长稻花香大米", "五常稻花香大米"),  # same pinyin, a different character
])
def test_corrects_near_homophones(glossary: Glossary, heard: str, expected: str) -> None:
    corrected, changes = glossary.correct(heard)
    assert corrected == expected
    assert changes and all(len(c.original) == len(c.term) for c in changes)


@pytest.mark.parametrize("text", [
    "今天给大家带来三样好东西",  # 三样 is a word; 散养 differs in tones
    "油热了倒入鸡蛋液",  # 入鸡蛋 ~ 土鸡蛋 only at a free edge of the span
    "我买了有机包菜",  # fluent words, not a true homophone of 有机菠菜
    "沙拉西红柿很好吃",  # 沙拉 + 西红柿 are words: no 沙瓤
    "我有几个问题",  # 有几 vs 有机: tones differ
    "宝宝可以吃蛋黄",  # already correct
    "橄榄油直播间专享价",
    "鸡蛋打散加一点盐",
])
def test_leaves_correct_or_ordinary_text_alone(glossary: Glossary, text: str) -> None:
    corrected, changes = glossary.correct(text)
    assert (corrected, changes) == (text, [])


def test_correction_keeps_length_and_non_chinese(glossary: Glossary) -> None:
    text = "干烂油89元一瓶，酸度0.3。"
    corrected, _ = glossary.correct(text)
    assert len(corrected) == len(text) and corrected.endswith("89元一瓶，酸度0.3。")
