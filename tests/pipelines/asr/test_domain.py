"""The domain pass on sentences: what it fixes, and the guards that keep it from over-correcting."""

import pytest

from pipelines.asr.domain import correct_text
from pipelines.asr.measures import correct_measures
from pipelines.asr.vocabulary import build_vocabulary, lexicon

HOTWORDS = ["散养土鸡蛋", "手工水饺（猪肉白菜）", "谷饲牛腩"]
KNOWLEDGE = ["商品：散养鸭蛋\n储存：冷藏保存，大头朝上放置", "番茄炒蛋：热锅倒油，鸡蛋液炒到微微发黄就盛出备用。",
             "蒜苔炒肉：肉丝炒到变色后盛出。", "炒青菜：青菜炒软后盛出装盘。"]  # recipes say 盛出 often


@pytest.fixture(scope="module")
def vocab():
    return build_vocabulary(HOTWORDS, KNOWLEDGE)


@pytest.mark.parametrize(("heard", "fixed"), [
    ("大家在群里揭笼就可以。", "大家在群里接龙就可以。"),  # same sound: a lexicon word
    ("谷饲牛奶团够加六十八块。", "谷饲牛奶团购价六十八块。"),  # another tone on one syllable
    ("下周三开始自体点搬到三号楼门口。", "下周三开始自提点搬到三号楼门口。"),
    ("还有王阿姨的手工睡觉。", "还有王阿姨的手工水饺。"),  # a fluent span, but the tenant's product
    ("先看这个古斯牛满。", "先看这个谷饲牛腩。"),  # m heard for n
    ("炒到微微发黄就剩出来。", "炒到微微发黄就盛出来。"),  # a knowledge-base word
])
def test_fixes_near_homophones(vocab, heard: str, fixed: str) -> None:
    text, changes = correct_text(heard, vocab)
    assert text == fixed and changes and all(len(c.original) == len(c.corrected) for c in changes)


@pytest.mark.parametrize("text", [
    "今天给大家带来三样好东西。",  # 三样 is fluent; 散养 (a term) must win by far more
    "我今天就用这个刃牌给大家做汤。",  # 这个 is a word: 个刃 -> 个人 would split it
    "基围虾五百克一份。",  # a unit after a numeral
    "甚至出现交易几乎停滞的情况。",  # news text already right
    "我认为跑步最重要的就是给我带来了身体健康。",
])
def test_leaves_right_or_unrelated_text_alone(vocab, text: str) -> None:
    assert correct_text(text, vocab) == (text, [])


def test_an_empty_tenant_still_has_the_domain_lexicon() -> None:
    vocab = build_vocabulary([], [])
    assert correct_text("想要的邻居抓紧在群里揭笼。", vocab)[0] == "想要的邻居抓紧在群里接龙。"
    assert {"接龙", "团购价", "自提点", "家人们"} <= set(lexicon())


@pytest.mark.parametrize(("heard", "fixed"), [
    ("这次只有九十分。", "这次只有九十份。"),
    ("手工水饺36块一代，", "手工水饺36块一袋，"),
    ("土鸡蛋30每一和36元。", "土鸡蛋30枚一盒36元。"),
    ("大概五十指。", "大概五十只。"),
    ("一直到周六。", "一直到周六。"),  # 一直 is far likelier than 一只
    ("煮八分钟就好。", "煮八分钟就好。"),
    ("味道十分好。", "味道十分好。"),  # 十分: very
    ("一份六根。", "一份六根。"),
])
def test_measure_words_after_numbers(heard: str, fixed: str) -> None:
    assert correct_measures(heard)[0] == fixed
