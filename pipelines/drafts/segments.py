"""Facts and stage cues for each planned segment, taken from the catalog and the inputs only."""

from __future__ import annotations

from dataclasses import dataclass, field

from pipelines.catalog import Product, product_terms
from pipelines.drafts.facts import field_value, product_facts
from pipelines.drafts.models import Fact, RecipeRef
from pipelines.drafts.planner import Slot

# Which catalog fields answer a resident's question, by the words in it.
QUESTION_FIELDS: dict[str, tuple[str, ...]] = {
    "price": ("多少钱", "价格", "价钱", "几块", "贵"),
    "storage": ("放多久", "能放", "保存", "冷藏", "冷冻", "保质期", "放冰箱", "坏"),
    "shelf_life": ("放多久", "能放", "保质期"),
    "allergens": ("过敏", "宝宝能吃", "孕妇", "小孩", "老人"),
    "arrival": ("到货", "什么时候", "哪天", "几号", "还有吗", "发货"),
    "spec": ("多大", "多重", "几个", "规格", "多少克", "几斤", "够吃"),
    "origin": ("哪里", "产地", "哪儿"),
    "selling_points": ("怎么吃", "怎么做", "好吃吗", "宝宝能吃", "适合", "可以炒", "能炒", "炒菜", "凉拌", "煮", "能吃"),
}
FALLBACK_QA_FIELDS = ("storage", "allergens")


@dataclass
class SegmentInputs:
    """What the script draws on besides the catalog."""

    theme: str
    recipe: RecipeRef | None = None
    questions: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


def vote_for(products: tuple[Product, ...]) -> tuple[str, list[str]]:
    if len(products) == 1:
        return f"{products[0].name}大家想不想要？", ["想要", "再看看"]
    return "今天这几样，大家最想先抢哪一样？", [p.name for p in products[:4]]


def question_facts(questions: list[str], products: tuple[Product, ...], catalog: list[Product]) -> list[Fact]:
    terms = product_terms(catalog)
    facts: list[Fact] = []
    for question in questions:
        about = [p for p in products if any(t in question for t in terms[p.sku])] or list(products)
        fields = tuple(f for f, words in QUESTION_FIELDS.items() if any(w in question for w in words))
        facts += [f for p in about for f in product_facts(p, fields or FALLBACK_QA_FIELDS)]
    return list(dict.fromkeys(facts))


def segment_facts(slot: Slot, inputs: SegmentInputs, catalog: list[Product]) -> list[Fact]:
    names = [Fact(p.sku, "name", p.name) for p in slot.products]
    if slot.kind == "product":
        return names + product_facts(slot.products[0])
    if slot.kind == "demo":
        title = inputs.recipe.title if inputs.recipe else ""
        return [Fact("", "recipe", title)] + names + [f for p in slot.products for f in product_facts(p, ("selling_points",))]
    if slot.kind == "interaction":
        question, options = vote_for(slot.products)
        return [Fact("", "vote_question", question)] + [Fact("", "vote_option", o) for o in options]
    if slot.kind == "qa":
        asked = [Fact("", "question", q) for q in inputs.questions] + [Fact("", "request", r) for r in inputs.requests]
        return asked + question_facts(inputs.questions + inputs.requests, slot.products, catalog)
    if slot.kind == "offer":
        return [f for p in slot.products for f in product_facts(p, ("price", "spec", "arrival"))]
    if slot.kind == "closing":
        return [f for p in slot.products for f in product_facts(p, ("arrival", "storage"))]
    return names


def segment_cues(slot: Slot, facts: list[Fact], inputs: SegmentInputs) -> list[str]:
    """Stage directions for the leader, built from the segment's facts."""
    products = slot.products
    if slot.kind == "opening":
        return [f"打招呼，介绍今天的主题：{inputs.theme}", "预告商品：" + "、".join(p.name for p in products)]
    if slot.kind == "product":
        p = products[0]
        cues = [f"展示{p.name}实物" + (f"（{p.get('spec')}）" if p.get("spec") else ""),
                f"口播价格：{field_value(p, 'price')}"]
        return cues + ([f"提醒过敏原：{'、'.join(p.allergens)}"] if p.allergens else []) + ["请想要的邻居在评论区扣“想要”"]
    if slot.kind == "demo" and inputs.recipe:
        return [f"现场做{inputs.recipe.title}", "备好食材：" + "、".join(inputs.recipe.ingredients[:8]),
                "镜头对准锅里和出锅的成品"]
    if slot.kind == "interaction":
        options = [f.value for f in facts if f.field == "vote_option"]
        ballot = " / ".join(f"扣{i} {o}" for i, o in enumerate(options, 1))
        return [f"发起投票：{facts[0].value}（{ballot}）", "读出评论区的票数"]
    if slot.kind == "qa":
        asked = [f"回答：{f.value}" for f in facts if f.field == "question"]
        return asked + [f"回应上次评论：{f.value}" for f in facts if f.field == "request"] or ["请邻居们在评论区提问"]
    if slot.kind == "offer":
        return [f"{p.name} {field_value(p, 'price')}，{p.get('arrival') or '到货时间待定'}" for p in products] + ["提醒在群里接龙下单"]
    if slot.kind == "closing":
        return ["感谢邻居们", "提醒到货后按说明保存", "预告下次直播"]
    return []
