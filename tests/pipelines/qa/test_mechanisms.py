"""The mechanisms that read a resident's question, on their own: category words, homophone typos,
attribute cues, per-unit sizes, after-opening rules, step fitting and sentence weighting."""

from __future__ import annotations

import pytest

from pipelines.catalog import load_catalog
from pipelines.qa.attributes import asked_attributes, recipe_part
from pipelines.qa.names import category_products, correct_typos
from pipelines.qa.products import after_opening_sentence, named_products, product_answer
from pipelines.qa.steps import fit_steps
from pipelines.qa.text import word_weights
from tests.utils.paths import PRODUCTS_CSV

CATALOG = load_catalog(PRODUCTS_CSV)


def product(sku: str):
    return next(p for p in CATALOG if p.sku == sku)


@pytest.mark.parametrize("question, sku", [
    ("牛肉几号到", "WT-006"),  # a cut (牛腩) of the animal's meat
    ("家里食用油用完了，这个多少钱", "WT-001"),  # the one cooking oil
    ("青菜新鲜吗", "WT-019"),  # leafy greens
])
def test_a_category_word_names_the_one_product_of_that_kind(question, sku):
    assert [p.sku for p, _ in category_products(question, CATALOG)] == [sku]
    assert sku in [p.sku for p, _ in named_products(question, CATALOG)]


def test_a_category_word_prefers_the_product_it_is_the_head_of():
    # 干香菇 is a mushroom; 菌菇汤底 is a soup base that holds mushrooms
    assert [p.sku for p, _ in category_products("买点蘑菇", CATALOG)] == ["WT-015"]


def test_a_category_names_what_a_product_is_not_what_it_is_made_with():
    assert category_products("水果什么时候到", CATALOG) == []  # 黄桃罐头 is a tin, not fruit


def test_a_category_with_no_product_names_nothing():
    assert category_products("羊肉怎么卖", CATALOG) == []
    assert named_products("羊肉怎么卖", CATALOG) == []


def test_homophone_typos_of_known_names_are_corrected():
    names = ["荞麦面", "基围虾", "西红柿炒鸡蛋"]
    assert correct_typos("乔麦面煮几分钟", names) == "荞麦面煮几分钟"
    assert correct_typos("西红柿炒鸡旦怎么做", names) == "西红柿炒鸡蛋怎么做"
    assert correct_typos("鸡围虾新鲜吗", names) == "基围虾新鲜吗"


def test_short_words_and_different_sounds_are_left_alone():
    assert correct_typos("事实上要多少钱", ["实施"]) == "事实上要多少钱"  # two characters: too risky
    assert correct_typos("荞面条多少钱", ["荞麦面"]) == "荞面条多少钱"  # not the same syllables


@pytest.mark.parametrize("question, attr", [
    ("这个红糖是怎么熬出来的", "made_of"),
    ("酸奶是拿什么做的", "made_of"),
    ("排骨是什么品种的猪", "made_of"),
    ("有没有卖鸭脖", "stock"),
    ("杯垫现在能拿吗", "arrival"),
])
def test_question_cues_find_the_attribute(question, attr):
    assert attr in asked_attributes(question)


def test_how_to_cook_is_not_how_it_was_made():
    assert "made_of" not in asked_attributes("红糖怎么做姜茶")
    assert "made_of" in asked_attributes("红糖是怎么做的")


@pytest.mark.parametrize("question, part", [
    ("糖醋汁要放多少糖", "amount"), ("冰粉一份够几个人", "amount"), ("冰粉要凝固多久", "time"),
    ("冰粉要准备什么材料", "ingredients"), ("冰粉咋做", "steps"),
])
def test_recipe_parts(question, part):
    assert recipe_part(question) == part


def test_after_opening_keeps_the_whole_rule():
    # 开罐后密封，30天内吃完: the days belong to the opened tin, not to another sentence
    assert after_opening_sentence(product("WT-009")) == "开罐后密封，30天内吃完"
    assert "18个月" not in after_opening_sentence(product("WT-009"))


def test_a_size_question_also_gets_the_per_unit_weight():
    answer = product_answer("土鸡蛋每个有多大", product("WT-003"), "土鸡蛋", asked_attributes("土鸡蛋每个有多大"))
    assert "30枚装" in answer and "每枚约50g" in answer


def test_each_clause_of_a_question_is_answered():
    question = "咖啡豆产地是哪，可以磨成粉吗"
    answer = product_answer(question, product("WT-017"), "咖啡豆", asked_attributes(question))
    assert "云南普洱" in answer and "可帮磨粉" in answer


def test_a_word_of_the_name_after_the_term_is_evidence():
    assert "鲜活直发" in product_answer("虾是不是活的", product("WT-016"), "虾", [])


def test_a_one_character_noun_names_a_product_only_on_its_own():
    assert [p.sku for p, _ in named_products("虾新鲜吗", CATALOG)] == ["WT-016"]
    assert named_products("有卖螺蛳粉吗", CATALOG) == []  # 粉 belongs to 螺蛳粉, not to 米粉


def test_fitted_steps_keep_times_and_never_cut_a_clause():
    steps = ["处理土豆：将土豆去皮，切成滚刀块，泡入清水中备用",
             "加水长炖：加入滚烫的开水，大火烧开，随后盖上锅盖，转小火持续焖煮 40 分钟",
             "将排骨装盘放在旁边备用", "收汁：转大火翻炒收汁，大约需要 3-5 分钟，直到汤汁浓稠"]
    text = fit_steps(steps, 60)
    assert "40 分钟" in text and "3-5 分钟" in text
    clauses = {c for s in steps for c in s.replace("：", "，").split("，")}
    assert all(c in clauses for part in text.rstrip("。").split("；") for c in part.replace("：", "，").split("，"))


def test_short_steps_are_kept_whole():
    steps = ["鸡蛋打散，加盐", "热锅倒油，炒至凝固"]
    assert fit_steps(steps, 200) == "鸡蛋打散，加盐；热锅倒油，炒至凝固。"


def test_rare_and_asked_words_weigh_more():
    sentences = ["鸡蛋打散", "鸡蛋下锅", "鸡蛋盛出", "不要在这一步加盐"]
    weights = word_weights("鸡蛋要先加盐吗", ["鸡蛋", "加盐"], sentences)
    assert weights["加盐"] > weights["鸡蛋"]
    asked = word_weights("用什么锅炖", ["锅", "炖"], ["用砂锅", "炖煮", "锅里"])
    assert asked["锅"] > asked["炖"]
