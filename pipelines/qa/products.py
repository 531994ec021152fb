"""Catalog answers: which products a question names, and the fields' own words that answer it.

A price, size, date, storage rule or allergen is copied from its field, never paraphrased. A
yes/no or how-to question is answered by quoting the clauses of the product's fields that share
most words with it; 是/不是 is never added, the quoted evidence says which.
"""

from __future__ import annotations

import re

from pipelines.catalog import Product, product_terms
from pipelines.catalog.terms import split_name
from pipelines.catalog.vocabulary import is_modifier, is_place
from pipelines.facts import asked_allergens
from pipelines.qa.attributes import FIELD_ATTRIBUTES, asked_attributes
from pipelines.qa.evidence import term_match
from pipelines.qa.names import category_products
from pipelines.retrieval import SourceInfo
from pipelines.zh import content_terms, pos_cut

LABELS = {"price": "价格", "spec": "规格", "origin": "产地", "shelf_life": "保质期", "storage": "储存",
          "arrival": "到货", "stock": "库存", "after_opening": "开封后"}
_OPENED = re.compile(r"开封|开罐|开袋|开盖|开瓶|打开|开启|拆封")
_CLAUSE = re.compile(r"[^，,；;。！？\n]+")
_QUESTION_CLAUSE = re.compile(r"[，,；;。！？?!\s]+|还有|另外|顺便问")
_FIELD_LIKE = ("allergens", "after_opening", "maker")
_ALLERGY = re.compile(r"过敏|忌口|不耐受")
_EATING = re.compile(r"生吃|生食|直接吃|直接喝|拆开就")
_LIMIT = re.compile(r"当天|尽快|小时内|天内|立即")
# Fields whose clauses can answer a yes/no or how-to question; price, dates and shelf life are
# answered only when asked for (a shelf life must never answer "几个月可以吃").
CLAUSE_FIELDS = ("selling_points", "storage", "origin", "spec", "tags")
# Words residents use for what the catalog writes more formally (吃 -> 食用, 生吃 -> 生食).
SYNONYMS = {"吃": "食", "喝": "饮", "冻": "冷冻", "放": "保存", "刺身": "生食", "化冻": "解冻", "口味": "风味", "味道": "风味"}
# Modal verbs jieba glues to the verb after them (能生吃 -> 能生|吃): dropped before finding words.
_MODAL = re.compile(r"能不能|可不可以|会不会|要不要|需不需要|可以|能够|需要|[能会要]")
# A per-unit quantity in a selling point (每枚约50g, 一袋可煮一锅4人份, 每包煮2L): answers a size question too.
_PER_UNIT = re.compile(r"(每|一)[个枚只根包袋盒瓶罐杯片份][^，,；;。]*\d")
# Evidence words that mark a clause as being about who made a product, what it is made of, or
# how to eat it (from catalog-writing conventions: 手工, 熬制, 配方, 即可 ...).
CUES = {
    "maker": ("手工", "农场", "厂", "阿姨", "奶奶", "师傅", "自制", "种植", "养殖"),
    "made_of": ("制", "熬", "配方", "原料", "含量", "压榨", "酿", "添加", "不含", "使用", "原切", "发酵", "烘焙", "纯", "无",
                "品种", "馅"),
    "how_to_eat": ("煮", "蒸", "炒", "炸", "烤", "食", "适合", "即可", "冲", "泡", "下锅", "以上", "切片", "凉拌"),
}


def catalog_products(sources: list[SourceInfo]) -> list[Product]:
    return [Product(s.id, s.title, dict(s.meta.get("fields", {}))) for s in sources if s.kind == "product"]


def named_products(question: str, products: list[Product]) -> list[tuple[Product, str]]:
    """Products the question names, with the term that names each, longest names first claimed."""
    terms = product_terms(products)
    by_sku = {p.sku: p for p in products}
    for word in _naming_words(question):
        owners = [p.sku for p in products if _names(word, split_name(p.name)[0]) and word not in p.get("origin")]
        if len(owners) == 1 and not (is_modifier(word) or is_place(word)):  # 带鱼 names 舟山带鱼段 alone
            terms[owners[0]] = [*terms[owners[0]], word]
    found = sorted(((t, sku) for sku, ts in terms.items() for t in ts if t in question), key=lambda x: -len(x[0]))
    found += [(word, p.sku) for p, word in category_products(question, products)]  # after the names: 牛肉 -> 谷饲牛腩
    taken: list[tuple[int, int]] = []
    named: dict[str, str] = {}
    for term, sku in found:
        start = question.find(term)
        if sku in named or any(s < start + len(term) and start < e for s, e in taken):
            continue
        taken.append((start, start + len(term)))
        named[sku] = term
    return sorted(((by_sku[s], t) for s, t in named.items()), key=lambda pt: question.find(pt[1]))


def _naming_words(question: str) -> list[str]:
    """Words that may name a product: content words of 2+ characters, and a one-character noun on
    its own (虾是活的吗: 虾 names the one product whose name ends with it)."""
    words = [t.word for t in content_terms(question) if len(t.word) >= 2]
    tagged = pos_cut(question)
    return words + [w for i, (w, flag) in enumerate(tagged) if len(w) == 1 and flag == "n" and _stands_alone(tagged, i)]


def _stands_alone(tagged: list[tuple[str, str]], i: int) -> bool:
    """A one-character noun not glued to a noun before it (螺蛳|粉 is one thing, not 粉)."""
    return i == 0 or not tagged[i - 1][1].startswith(("n", "a", "v")) or tagged[i - 1][0] in "买卖要有是"


def allergen_sentence(question: str, product: Product) -> str:
    """The catalog's allergen list, and whether it holds the allergen the resident named."""
    listed = product.allergens
    text = f"标注的过敏原：{'、'.join(listed) if listed else '无'}"
    hit = [a for a in asked_allergens(question) if a in listed]
    if hit:
        return text + f"，含有{'、'.join(hit)}，过敏的话请不要食用"
    return text + ("，具体请以包装标签为准" if asked_allergens(question) else "")


def _names(word: str, core: str) -> bool:
    """`word` names the product `core`: inside it (带鱼 in 舟山带鱼段), or the same head noun with a
    qualifier it also has (猪肉 -> 土猪前腿肉; 橙子 -> 脐橙). Chinese compounds are head-final, and 子/儿
    are noun suffixes, not heads."""
    if word in core:
        return True
    stem = word[:-1] if word[-1] in "子儿" and len(word) > 1 else word
    if len(stem) == 1:
        return core.endswith(stem)
    return core.endswith(stem[-1]) and any(ch in core for ch in stem[:-1])


def field_sentence(product: Product, attr: str, question: str) -> str:
    """The field that answers `attr`, verbatim with its label; '' when the product lacks it."""
    if attr == "allergens":
        return allergen_sentence(question, product)
    if attr == "after_opening":
        return after_opening_sentence(product)
    value = product.get(attr)
    if not value:
        return ""
    if attr == "price":
        unit, spec = product.get("unit"), product.get("spec")
        value = f"{_money(value)}元" + (f"/{unit}" if unit else "") + (f"（{spec}）" if spec else "")
    return f"{LABELS[attr]}：{value}"


def after_opening_sentence(product: Product) -> str:
    """From the storage clause that mentions opening to the end: 开罐后密封，30天内吃完 is one rule."""
    clauses = [c.strip() for c in _CLAUSE.findall(product.get("storage"))]
    first = next((i for i, c in enumerate(clauses) if _OPENED.search(c)), None)
    if first is not None:
        return "，".join(clauses[first:])
    return f"储存：{product.get('storage')}" if product.get("storage") else ""


def evidence_clauses(question: str, product: Product, term: str, attrs: list[str], limit: int = 2) -> list[str]:
    """The product's clauses that best answer a yes/no or how-to question, in field order."""
    words = _question_words(question, product, term)
    cues = [c for a in attrs for c in CUES.get(a, ())]
    scored = []
    clauses = [(key, c.strip()) for key in CLAUSE_FIELDS for c in _CLAUSE.findall(_field(product, key))]
    for i, (key, clause) in enumerate(clauses):
        score = sum(max(term_match(w, clause) for w in variants) for variants in words)
        if key != "tags" or score:  # a bare tag (零食) answers nothing by a cue word alone
            score += 0.5 * sum(c in clause for c in cues)
        if score >= 0.5:
            scored.append((score, i, clause))
    scored = [x for x in scored if not any(x[2] != y[2] and x[2] in y[2] for y in scored)]  # 6个月以上 in 适合6个月以上宝宝
    best = sorted(scored, reverse=True)[:limit]
    best = [b for b in best if b[0] >= best[0][0] / 2]
    return [clause for _, _, clause in sorted(best, key=lambda b: b[1])] if best else []


def product_answer(question: str, product: Product, term: str, attrs: list[str]) -> str:
    """'name：fact；fact' from fields and quoted clauses; '' when nothing in the product answers."""
    if not _ALLERGY.search(question) and not asked_allergens(question.replace(term, " ")):
        attrs = [a for a in attrs if a != "allergens"]  # 花生酱有没有加糖: 花生 is the product's name
    parts = field_parts(question, product, attrs)
    if not parts or any(a in CUES for a in attrs):
        quoted = evidence_clauses(question, product, term, attrs) + _eating_limits(question, product)
        if not quoted and "made_of" in attrs:  # 什么品种: a catalog's first selling point says what it is
            quoted = _CLAUSE.findall(_field(product, "selling_points"))[:1]
        parts += [c for c in quoted if not any(c in p for p in parts)]
    else:  # 哪里产的，能帮忙磨粉吗: a clause no field answers gets its own evidence
        for clause in _unanswered_clauses(question):
            parts += [c for c in evidence_clauses(clause, product, term, []) if not any(c in p for p in parts)]
    return f"{product.name}：{'；'.join(dict.fromkeys(parts))}" if parts else ""


def field_parts(question: str, product: Product, attrs: list[str]) -> list[str]:
    """The fields the attributes ask for, verbatim with their labels."""
    parts = [field_sentence(product, a, question) for a in attrs if a in FIELD_ATTRIBUTES or a in ("allergens", "after_opening")]
    if "maker" in attrs and product.get("origin"):
        parts.append(f"产地：{product.get('origin')}")
    if "spec" in attrs:  # 一个多重: the per-unit weight is in the selling points (每枚约50g)
        parts += [c for c in _CLAUSE.findall(_field(product, "selling_points")) if _PER_UNIT.search(c)]
    if "made_of" in attrs and ("（" in product.name or "(" in product.name):
        parts.append(f"品名：{product.name}")  # 手工水饺（猪肉白菜）: the bracket says what is inside
    return [p for p in parts if p]


def _unanswered_clauses(question: str) -> list[str]:
    """The question's clauses (split at punctuation) that ask no field attribute, when it has several."""
    clauses = [c for c in _QUESTION_CLAUSE.split(question) if c.strip()]
    if len(clauses) < 2:
        return []
    return [c for c in clauses if not any(a in FIELD_ATTRIBUTES or a in _FIELD_LIKE for a in asked_attributes(c))]


def _eating_limits(question: str, product: Product) -> list[str]:
    """For "can I eat it (raw, directly)": the storage clause that limits when it is safe to eat."""
    if not _EATING.search(question):
        return []
    return [c.strip() for c in _CLAUSE.findall(product.get("storage")) if _LIMIT.search(c)]


def _field(product: Product, key: str) -> str:
    return product.get(key).replace(";", "，")


def _question_words(question: str, product: Product, term: str) -> list[list[str]]:
    """The question's content words outside the term that named the product, each with its
    catalog-style variants. A word of the full name before the term qualifies it (宝宝|米粉); after
    it, it is asked about (虾是活的吗 -> 鲜活直发)."""
    at = question.find(term)
    words = [t.word for t in content_terms(_MODAL.sub(" ", question.replace(term, " ")))
             if t.word not in term and not (t.word in product.name and question.find(t.word) < at)]
    return [[w, *{w.replace(a, b) for a, b in SYNONYMS.items() if a in w}] for w in words]


def _money(value: str) -> str:
    return value[:-2] if value.endswith(".0") else value
