"""The rules around the model, with a fake LLM injected through the interface."""

import pytest

from pipelines.adlaw import check_adlaw
from pipelines.catalog import Product
from pipelines.drafts import CopyRequest, DraftOptions, ScriptRequest, build_script, write_copy
from pipelines.drafts.grounding import Sources, check_grounding
from pipelines.drafts.writer import write_grounded
from pipelines.errors import InvalidInput
from tests.pipelines.drafts.fakes import ScriptedLLM

WRONG = "橄榄油只要59元！这是最好的橄榄油，能治疗高血压。大家快来抢。"
RIGHT = "橄榄油89元一瓶，750ml。这是最好的橄榄油，能治疗高血压。大家快来抢。"
PROMPT = [{"role": "user", "content": "写一段介绍"}]


@pytest.fixture
def olive_oil(catalog: list[Product]) -> Sources:
    return Sources([p for p in catalog if p.sku == "WT-001"], catalog)


def test_a_wrong_price_is_regenerated_once_then_replaced_by_the_catalog_fact(olive_oil: Sources) -> None:
    llm = ScriptedLLM(WRONG, WRONG)
    written = write_grounded(llm, PROMPT, olive_oil, DraftOptions(), max_chars=200)
    assert len(llm.calls) == 2
    retry = llm.calls[1]
    assert retry[-2] == {"role": "assistant", "content": WRONG} and "59" in retry[-1]["content"]
    assert written.grounding.regenerated and written.grounding.unsupported == ["59", "59"]
    assert [r.original for r in written.grounding.replaced] == ["橄榄油只要59元！"]
    assert written.text.startswith("特级初榨橄榄油 89元/瓶，750ml。")
    assert "59" not in written.text and check_grounding(written.text, olive_oil).passed
    # 《广告法》: flagged with positions in the grounded text, absent from the final text
    assert [(f.term, written.checked_text[f.start:f.end]) for f in written.flags] == [("最好", "最好"), ("治疗", "治疗")]
    assert check_adlaw(written.text) == [] and "治疗" not in written.text and "最好" not in written.text


def test_a_corrected_regeneration_is_kept(olive_oil: Sources) -> None:
    llm = ScriptedLLM(WRONG, RIGHT)
    written = write_grounded(llm, PROMPT, olive_oil, DraftOptions(), max_chars=200)
    assert written.grounding.regenerated and not written.grounding.replaced
    assert written.text.startswith("橄榄油89元一瓶，750ml。这是很好的橄榄油。")


def test_without_regeneration_the_sentence_is_replaced_at_once(olive_oil: Sources) -> None:
    llm = ScriptedLLM(WRONG)
    written = write_grounded(llm, PROMPT, olive_oil, DraftOptions(regenerate_once=False), max_chars=200)
    assert len(llm.calls) == 1 and written.grounding.replaced


def test_adlaw_rewrite_can_be_turned_off(olive_oil: Sources) -> None:
    written = write_grounded(ScriptedLLM(RIGHT), PROMPT, olive_oil, DraftOptions(rewrite_adlaw=False), max_chars=200)
    assert "最好" in written.text and written.flags


def test_a_grounded_draft_costs_one_call(olive_oil: Sources) -> None:
    llm = ScriptedLLM("橄榄油89元，适合凉拌和沙拉。")
    written = write_grounded(llm, PROMPT, olive_oil, DraftOptions(), max_chars=200)
    assert len(llm.calls) == 1 and not written.grounding.regenerated and written.grounding.checked == ["89"]


def test_script_with_a_lying_model_still_states_catalog_facts(catalog: list[Product]) -> None:
    llm = ScriptedLLM("鸡蛋只要9块9，销量第一！吃了增强免疫力。")
    script = build_script(ScriptRequest("春季尝鲜季", ["WT-003"], 10), catalog, llm=llm)
    product = next(s for s in script.segments if s.kind == "product")
    assert product.talk.startswith("散养土鸡蛋 36元/盒，30枚装。")
    assert all(check_adlaw(s.talk) == [] for s in script.segments)
    assert all("9.9" not in s.talk and "9块9" not in s.talk for s in script.segments)


def test_unknown_skus_are_named(catalog: list[Product]) -> None:
    with pytest.raises(InvalidInput, match="WT-999.*WT-998"):
        build_script(ScriptRequest("主题", ["WT-001", "WT-999", "WT-998"], 30), catalog, llm=ScriptedLLM("x"))
    with pytest.raises(InvalidInput, match="WT-999"):
        write_copy(CopyRequest("product_blurb", ["WT-999"]), catalog, llm=ScriptedLLM("x"))


def test_product_copy_needs_a_product(catalog: list[Product]) -> None:
    with pytest.raises(InvalidInput):
        write_copy(CopyRequest("announcement", []), catalog, llm=ScriptedLLM("x"))


@pytest.mark.parametrize("kind", ["announcement", "product_blurb", "follow_up", "clip_caption"])
def test_long_copy_is_trimmed_at_a_sentence_boundary(catalog: list[Product], kind: str) -> None:
    long_reply = "特级初榨橄榄油89元一瓶，适合凉拌和沙拉。" * 30
    options = DraftOptions()
    draft = write_copy(CopyRequest(kind, ["WT-001"]), catalog, llm=ScriptedLLM(long_reply), options=options)
    assert len(draft.full_text) <= options.max_chars(kind)
    assert draft.text.endswith("。") and draft.text.count("89") >= 1
    assert (kind == "clip_caption") == bool(draft.hashtags)
