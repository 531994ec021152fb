"""Answers built from source data alone: the fallback when generation fails the grounding check,
and the only path for allergy questions (health facts come from the catalog, never the model)."""

from __future__ import annotations

import re

from pipelines.catalog import FIELD_LABELS, Product
from pipelines.facts.allergens import asked_allergens, is_allergy_question
from pipelines.qa.evidence import SourceEvidence, term_match
from pipelines.zh import content_terms

# Words that point a question at one catalog field.
FIELD_HINTS: dict[str, tuple[str, ...]] = {
    "price": ("钱", "价", "贵", "便宜", "优惠"),
    "storage": ("保存", "存放", "储存", "冷藏", "冷冻", "解冻", "冻", "放冰箱", "怎么放"),
    "arrival": ("到货", "哪天到", "什么时候到", "几号到", "周几到", "发货"),
    "origin": ("产地", "哪里产", "哪产", "哪里的", "产的"),
    "spec": ("规格", "多重", "多大", "几斤", "多少克", "几个人", "够", "一袋", "一份", "一盒", "装"),
    "shelf_life": ("保质期", "能放多久", "放多久", "过期"),
    "stock": ("库存", "还有货", "还剩", "卖完"),
    "allergens": ("过敏", "过敏原", "忌口"),
}
_SENTENCE = re.compile(r"[^。！？\n]+[。！？]?")
_STEP = re.compile(r"^\s*\d+[.、)）]\s*")
_MARKUP = re.compile(r"!\[[^\]]*\]\([^)]*\)|`")
HOW_TO = ("怎么做", "做法", "怎么煮", "怎么炒", "怎么蒸", "怎么炖", "步骤", "怎么弄", "如何做", "教程")


def is_how_to(question: str) -> bool:
    return any(w in question for w in HOW_TO)


def product_from_hit(evidence: SourceEvidence) -> Product:
    return Product(evidence.id, evidence.title, dict(evidence.top.meta.get("fields", {})))


def pick_fields(question: str, product: Product) -> list[str]:
    """Fields the question asks about: by hint words, else by shared words, else selling points."""
    wanted = [key for key, hints in FIELD_HINTS.items() if any(h in question for h in hints) and product.get(key)]
    if not wanted:
        terms = [t.word for t in content_terms(question) if t.word not in product.name]
        scored = [(sum(term_match(t, product.get(k)) for t in terms), k) for k in FIELD_LABELS if product.get(k)]
        wanted = [k for s, k in sorted(scored, reverse=True)[:2] if s > 0]
    return wanted or [k for k in ("selling_points", "price") if product.get(k)]


def allergen_sentence(question: str, product: Product) -> str:
    listed = product.allergens
    text = f"{product.name}标注的过敏原：{'、'.join(listed) if listed else '无'}。"
    asked = asked_allergens(question)
    hit = [a for a in asked if a in listed]
    if hit:
        return text + f"含有{'、'.join(hit)}，过敏的话请不要食用哦～"
    if asked:
        return text + "具体请以包装标签为准～"
    return text


def product_answer(question: str, product: Product) -> str:
    parts = []
    for key in pick_fields(question, product):
        if key == "allergens":
            continue
        value = product.get(key)
        if key == "price":
            unit = product.get("unit")
            value = f"{value}元" + (f"/{unit}" if unit else "")
        parts.append(f"{FIELD_LABELS[key]}：{value}")
    head = f"{product.name}" + (f"，{'；'.join(parts)}。" if parts else "。")
    if is_allergy_question(question):
        return (head if parts else "") + allergen_sentence(question, product)
    return head


def text_answer(question: str, evidence: SourceEvidence, max_chars: int) -> str:
    """The source's sentences that share most words with the question, in their original order."""
    terms = [t.word for t in content_terms(question) if t.word not in evidence.title]
    hits = sorted(evidence.hits, key=lambda h: _chunk_no(h.chunk_id))  # document order
    lines = [_MARKUP.sub("", line) for h in hits for line in h.body.splitlines()]
    if is_how_to(question) and any(_STEP.match(x) for x in lines):
        lines = [x for x in lines if _STEP.match(x)]  # a how-to question: the numbered steps
    sentences = [s.strip(" -*·\t") for line in lines for s in _SENTENCE.findall(line)]
    sentences = [s for s in dict.fromkeys(sentences) if len(s) > 2]
    scores = {s: sum(term_match(t, s) for t in terms) for s in sentences}
    ranked = sorted(sentences, key=lambda s: -scores[s]) if any(scores.values()) else sentences
    chosen, used = [], 0
    for s in ranked:
        if used + len(s) + 1 > max_chars:
            break
        chosen.append(s)
        used += len(s) + 1
    return "；".join(s.rstrip("。；") for s in sorted(chosen, key=sentences.index)) + "。"


def extractive_answer(question: str, evidence: SourceEvidence, max_chars: int) -> str:
    if evidence.kind == "product" and evidence.top.meta.get("fields"):
        return product_answer(question, product_from_hit(evidence))
    return f"{evidence.title}：" + text_answer(question, evidence, max_chars - len(evidence.title) - 1)


def _chunk_no(chunk_id: str) -> int:
    tail = chunk_id.rpartition("#")[2]
    return int(tail) if tail.isdigit() else 0


def source_context(question: str, evidence: SourceEvidence, max_chars: int) -> str:
    """What the LLM sees: a product's whole fact sheet, or a text's most relevant sentences."""
    if evidence.kind == "product":
        return evidence.top.body[:max_chars]
    return text_answer(question, evidence, max_chars)
