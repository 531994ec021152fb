"""Unmet requests and top questions from comments and bot hand-offs (made-up messages, not the streams')."""

from __future__ import annotations

from pipelines.catalog import load_catalog
from pipelines.comments import Comment
from pipelines.demand import Handoff, build_demand
from pipelines.transcript import Segment, Transcript
from tests.utils.paths import PRODUCTS_CSV

CATALOG = load_catalog(PRODUCTS_CSV)
TALK = Transcript("zh", 60.0, [Segment(0.0, 10.0, "今天先看牛腩，炖着特别香。"),
                               Segment(20.0, 30.0, "再来看基围虾，活蹦乱跳的。")])


def demand(comments: list[Comment], handoffs=(), answers=None):
    return build_demand(TALK, CATALOG, comments, handoffs, answers)


def test_products_the_catalog_lacks_are_grouped_with_counts() -> None:
    comments = [Comment(5, "有没有榴莲卖", "a"), Comment(6, "有榴莲吗", "b"), Comment(7, "下次团点山竹吧", "c"),
                Comment(8, "有没有牛腩", "d"), Comment(9, "有没有优惠", "e")]
    found = demand(comments, [Handoff("有没有榴莲卖？", asked=2)])
    assert [(u.item, u.count, u.users) for u in found.unmet] == [("榴莲", 4, 3), ("山竹", 1, 1)]
    assert found.unmet[0].sources == ["comment", "handoff"]


def test_questions_cluster_and_say_whether_they_are_answered() -> None:
    comments = [Comment(1, "牛腩多少钱", "a"), Comment(2, "牛腩多少钱？", "b"), Comment(3, "什么时候到货", "c")]
    found = demand(comments, [Handoff("什么时候到货呀", answered=True)], answers=lambda q: "多少钱" in q)
    assert [(q.question, q.count) for q in found.questions] == [("牛腩多少钱", 2), ("什么时候到货", 2)]
    assert [q.answered for q in found.questions] == [True, True]


def test_chat_wrapping_does_not_split_a_question() -> None:
    comments = [Comment(1, "牛腩多少钱", "a"), Comment(2, "@团长\u2005牛腩多少钱[捂脸][捂脸]", "b"),
                Comment(3, "麻烦问下，牛腩好多钱？谢谢团长🙏", "c")]
    found = demand(comments)
    assert [(q.question, q.count) for q in found.questions] == [("牛腩多少钱", 3)]


def test_comments_go_to_the_product_named_or_being_talked_about() -> None:
    comments = [Comment(6, "+1", "a"), Comment(24, "想要", "b"), Comment(25, "牛腩+1", "c"), Comment(26, "我也要做", "d"),
                Comment(27, "还有吗", "e")]
    found = demand(comments)
    assert [(i.text, i.sku, i.how) for i in found.intents] == [
        ("+1", "WT-006", "timeline"), ("想要", "WT-016", "timeline"), ("牛腩+1", "WT-006", "named")]
    assert {d.sku: d.comments for d in found.per_sku} == {"WT-006": 2, "WT-016": 1}
