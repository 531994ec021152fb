import pytest

from pipelines.zh.pinyin import CLOSE, count_pinyin, same_tones, syllable_similarity, syllables, to_pinyin


def test_one_syllable_per_character() -> None:
    sounds = syllables("橄榄油89")
    assert [s.toneless for s in sounds[:3]] == ["gan", "lan", "you"] and len(sounds) == 5
    assert sounds[3].final == ""


@pytest.mark.parametrize(("a", "b", "similarity"), [
    ("橄", "干", 1.0), ("榄", "烂", 1.0), ("瓤", "让", 1.0), ("是", "四", 0.875), ("蓝", "狼", 0.875), ("蓝", "囊", CLOSE), ("油", "鸡", 0.0),
])
def test_syllable_similarity(a: str, b: str, similarity: float) -> None:
    assert syllable_similarity(syllables(a)[0], syllables(b)[0]) == pytest.approx(similarity)


@pytest.mark.parametrize(("a", "b", "same"), [("散养", "三样", False), ("初榨", "出炸", True), ("有机", "有几", False)])
def test_same_tones(a: str, b: str, same: bool) -> None:
    assert same_tones(syllables(a), syllables(b)) is same


def test_to_pinyin_and_counting() -> None:
    assert to_pinyin("西红柿") == ("xi", "hong", "shi")
    assert count_pinyin(to_pinyin("沙让西红柿和西红室"), to_pinyin("西红柿")) == 2
