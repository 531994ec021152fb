"""Scripts from talk moves: templates alone, and a fake model's rewrites gated by the checks."""

import re

import pytest

from pipelines.catalog import Product
from pipelines.drafts import RecipeFinder, Script, ScriptRequest, build_script, check_script_voice
from pipelines.drafts.demo import demo_steps
from pipelines.drafts.grounding import Sources
from pipelines.drafts.options import DraftOptions
from pipelines.drafts.polish import polish_move
from pipelines.zh import find_numbers
from tests.pipelines.drafts.fakes import ScriptedLLM

SKUS = ["WT-001", "WT-003", "WT-005"]
HOOK = "这是安徽大别山来的，林下散养，蛋黄颜色自然，每枚约50g。"


def segments(script: Script, kind: str) -> list:
    return [s for s in script.segments if s.kind == kind]


@pytest.fixture(scope="module")
def templated(catalog: list[Product], recipes: RecipeFinder) -> Script:
    return build_script(ScriptRequest("春季尝鲜季", SKUS, 30), catalog, recipes=recipes,
                        questions=["鸡蛋能放多久？"], comment_requests=["想要（5次）"])


def test_template_talk_passes_the_voice_and_fact_checks(templated: Script) -> None:
    assert check_script_voice([(s.kind, s.talk) for s in templated.segments]) == []
    assert all(s.grounding.passed for s in templated.segments)


def test_each_product_segment_has_hook_use_one_price_and_a_call_to_action(templated: Script,
                                                                         catalog: list[Product]) -> None:
    by_sku = {p.sku: p for p in catalog}
    for segment in segments(templated, "product"):
        product = by_sku[segment.skus[0]]
        assert product.get("origin") in segment.talk  # the hook: where it comes from
        assert segment.talk.count(product.get("price").removesuffix(".0") + "元") == 1
        assert re.search(r"扣.?1", segment.talk)
        assert "；" not in segment.talk and "价格：" not in segment.talk


def test_qa_answers_questions_and_requests_by_name(templated: Script) -> None:
    qa = segments(templated, "qa")[0].talk
    assert "“鸡蛋能放多久”" in qa and "冷藏30天" in qa
    assert "“想要”" in qa and "5次" in qa


def test_without_questions_or_requests_qa_invites_questions(catalog: list[Product]) -> None:
    script = build_script(ScriptRequest("春季尝鲜季", ["WT-001"], 15), catalog)
    qa = segments(script, "qa")[0].talk
    assert "评论区" in qa and "上次" not in qa and "请求" not in qa


def test_demo_says_the_recipe_and_three_or_four_key_steps_without_quantities(templated: Script,
                                                                          catalog: list[Product]) -> None:
    demo = segments(templated, "demo")[0].talk
    assert "西红柿炒鸡蛋" in demo
    steps = demo_steps(templated.recipe, tuple(p for p in catalog if p.sku in SKUS))
    assert 3 <= len(steps) <= 4 and all(s in demo for s in steps)
    assert not any(find_numbers(s) for s in steps)


def test_templates_only_calls_no_model(catalog: list[Product]) -> None:
    llm = ScriptedLLM("不会被用到")
    build_script(ScriptRequest("春季尝鲜季", SKUS, 30), catalog, llm=llm, options=DraftOptions(polish_moves=()))
    assert llm.calls == []


def test_only_hooks_go_to_the_model(catalog: list[Product]) -> None:
    llm = ScriptedLLM("家人们，这是安徽大别山来的鸡蛋，林下散养，蛋黄颜色自然，每枚约50g。")
    script = build_script(ScriptRequest("春季尝鲜季", SKUS, 30), catalog, llm=llm)
    assert len(llm.calls) <= 2 * len(SKUS)
    eggs = next(s for s in script.segments if s.skus == ["WT-003"])
    assert eggs.polish_kept == 1 and "家人们，这是安徽大别山来的鸡蛋" in eggs.talk


@pytest.fixture
def eggs(catalog: list[Product]) -> Sources:
    return Sources([p for p in catalog if p.sku == "WT-003"], catalog)


@pytest.mark.parametrize("bad", [
    "这是安徽大别山来的，林下散养，蛋黄颜色自然，每枚约60g。",  # a number the catalog does not have
    "好的，我明白了。这是安徽大别山的鸡蛋，林下散养，蛋黄颜色自然。",  # a chatbot
    "这是大别山最好的鸡蛋，林下散养，蛋黄颜色自然，每枚约50g。",  # 《广告法》
    "这是安徽的鸡蛋，蛋黄颜色自然，每枚约50g。",  # 大别山 dropped: the meaning drifted
    "您知道吗？安徽大别山林下散养，蛋黄颜色自然，每枚约50g。",  # a question, and 您
])
def test_a_failing_rewrite_is_retried_once_then_the_template_stands(bad: str, eggs: Sources) -> None:
    llm = ScriptedLLM(bad, bad)
    polished = polish_move(llm, "散养土鸡蛋", HOOK, eggs, DraftOptions())
    assert len(llm.calls) == 2 and polished.text == HOOK and not polished.kept


def test_a_good_retry_is_kept(eggs: Sources) -> None:
    good = "安徽大别山来的鸡蛋，林下散养，蛋黄颜色自然，每枚约50g，家人们看看。"
    llm = ScriptedLLM("每枚约60g，安徽大别山林下散养，蛋黄颜色自然。", good)
    polished = polish_move(llm, "散养土鸡蛋", HOOK, eggs, DraftOptions())
    assert polished.kept and polished.text == good


@pytest.mark.parametrize(("request_text", "said"), [
    ("投票选2（2次）", "有2位邻居选了2号"),
    ("+1/接龙（3次）", "有3位邻居在评论区接龙"),
    ("下次能不能来点酸奶（2次）", "有2次提到“下次能不能来点酸奶”"),
])
def test_requests_are_answered_in_their_own_words(request_text: str, said: str) -> None:
    from pipelines.drafts.qa import request_moves
    assert said in request_moves([request_text])[0]
