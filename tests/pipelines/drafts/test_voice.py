"""The voice check, rule by rule: what a leader says passes, a chatbot or a spec sheet does not."""

import pytest

from pipelines.drafts import check_copy_voice, check_script_voice
from pipelines.drafts.voice import check_talk


@pytest.mark.parametrize("talk", [
    "家人们好，今天给大家带来压榨花生油。",
    "有邻居问“鸡蛋能放多久”，冷藏保存，大家煮着吃炒着吃都行。",  # a quoted question is answered, not asked
    "今天这几样，大家最想先抢哪一样？扣1是花生油。",  # a question the audience answers
])
def test_a_leaders_talk_passes(talk: str) -> None:
    assert check_talk(talk) == []


@pytest.mark.parametrize(("talk", "rule"), [
    ("家人们：好的，我明白了。请告诉我您需要什么帮助？", "assistant"),
    ("家人们：好的，我明白了。请告诉我您需要什么帮助？", "singular"),
    ("好的，家人们，今天卖花生油。", "assistant"),
    ("家人们，压榨花生油，价格：79.9元/桶。", "label"),
    ("家人们，花生油79.9元；规格5L；产地山东临沂。", "semicolon"),
    ("家人们，它的神奇之处在哪里？它能吃吗？", "question"),
    ("欢迎您来到直播间，大家好。", "singular"),
    ("今天给各位介绍一下花生油，拿回去炒菜。", None),  # 各位 is plural: no violation
    ("今天介绍一下花生油，拿回去炒菜。", "address"),
    ("家人们，这是山东临沂的花生油，79.9元。", "no_use"),
])
def test_each_rule_names_its_violation(talk: str, rule: str | None) -> None:
    rules = {v.rule for v in check_talk(talk, product=True)}
    assert rule in rules if rule else rules == set()


def test_a_product_segment_says_how_to_eat_it() -> None:
    assert check_talk("家人们，压榨花生油炒个家常菜都合适，想要的扣1。", product=True) == []


def test_a_sentence_said_twice_in_a_script_is_a_repeat() -> None:
    segments = [("opening", "家人们好。想要的家人们评论区扣1。"), ("offer", "大家看看。想要的家人们评论区扣1！")]
    assert [v.rule for v in check_script_voice(segments)] == ["repeat"]


@pytest.mark.parametrize(("kind", "text", "tags", "rule"), [
    ("announcement", "邻居们好👇\n▪ 压榨花生油 5L，每桶79.9元，本周五到货\n▪ 赣南脐橙 5kg，每箱49.9元，本周五到货\n"
                     "想要的在下面接龙：\n1. ", [], None),
    ("announcement", "邻居们好👇\n▪ 花生油 5L，每桶79.9元，本周五到货，大家快来买吧买吧买吧", [], "jielong"),
    ("announcement", "🎉🎉🎉邻居们好，花生油到了\n想要的接龙：\n1. ", [], "emoji"),
    ("product_blurb", "花生油：" + "花生香浓，" * 9 + "\n想要的邻居群里接龙。", [], "long_line"),
    ("product_blurb", "花生油。", [], "length"),
    ("clip_caption", "花生油开箱｜花生香浓", [], "hashtags"),
    ("clip_caption", "花生油开箱｜花生香浓 #压榨花生油", ["#压榨花生油"], None),
])
def test_copy_follows_its_platform(kind: str, text: str, tags: list[str], rule: str | None) -> None:
    rules = {v.rule for v in check_copy_voice(kind, text, tags)}
    assert rule in rules if rule else rules == set()
