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
from pipelines.qa.allergy import allergen_sentence
from pipelines.qa.attributes import FIELD_ATTRIBUTES, asked_attributes, is_yes_no, without_cues
from pipelines.qa.evidence import term_match
from pipelines.qa.names import category_products
from pipelines.qa.text import asked_words
from pipelines.retrieval import SourceInfo
from pipelines.zh import content_terms, pos_cut

LABELS = {"price": "价格", "spec": "规格", "origin": "产地", "shelf_life": "保质期", "storage": "储存",
          "arrival": "到货", "stock": "库存", "after_opening": "开封后"}
_OPENED = re.compile(r"开封|开罐|开袋|开盖|开瓶|打开|开启|拆封")
_CLAUSE = re.compile(r"[^，,；;。！？\n]+")
_QUESTION_CLAUSE = re.compile(r"[，,；;。！？?!\s]+|还有|另外|顺便问")
_FIELD_LIKE = ("allergens", "after_opening", "maker")
_ALLERGY = re.compile(r"过敏|忌口|不耐受")
_REMEDY_Q = re.compile(r"怎么办|咋办|怎么处理|如何处理")  # what to do about a state the product is in
_EATING = re.compile(r"生吃|生食|直接吃|直接喝|拆开就")
_LIMIT = re.compile(r"当天|尽快|小时内|天内|立即")
# Fields whose clauses can answer a yes/no or how-to question; price, dates and shelf life are
# answered only when asked for (a shelf life must never answer "几个月可以吃").
CLAUSE_FIELDS = ("selling_points", "storage", "origin", "spec", "tags")
# Words residents use for what the catalog writes more formally (吃 -> 食用, 生吃 -> 生食).
SYNONYMS = {"吃": "食", "喝": "饮", "冻": "冷冻", "放": "保存", "刺身": "生食", "化冻": "解冻", "口味": "风味", "味道": "风味"}
# Resident words whose catalog counterpart shares no character: labels say 婴儿/儿童 where parents say
# 宝宝/小孩 (food labels' age warnings); beef is labelled 原切 / 整切 / 调理 / 重组 (the processing
# classes Chinese steak packaging must state), so a 原切 question is answered by whichever class is written;
# 有机 (organic certification, GB/T 19630) is what a label says about 农药 and 化肥; a drink's 度数 is
# its label's 酒精度; in a verb-object compound (炒菜, 煲汤) the verb is what a label writes, and an oil's
# label speaks of frying as 高温 cooking (不建议高温爆炒).
RELATED = {"宝宝": ("婴儿", "婴幼儿", "儿童"), "小孩": ("儿童", "婴儿", "小朋友"), "孩子": ("儿童", "婴儿", "小朋友"),
           "原切": ("整切", "调理", "重组", "拼接", "合成"), "农药": ("有机",), "化肥": ("有机",),
           "度数": ("酒精度",), "炒菜": ("炒", "烹饪", "高温"), "煮饭": ("煮",), "煲汤": ("煲", "汤"), "炖汤": ("炖", "汤"),
           "炸": ("油炸", "高温"), "煎": ("煎制", "高温"),
           "自己": ("自家", "自制", "手工")}  # 是不是自己做的: listings say 自家/自制/手工 for home-made
_ASPECT = re.compile(r"(?<=.)[过了着]$")  # 腌过 -> 腌: an aspect particle jieba glues to the verb
# One-character words that only frame a contains/made-of question (有没有加X): they say nothing about X.
_FRAME_CHARS = frozenset("是有要能会用做给让把被在加放含")
_CONTENT_VERBS = re.compile(r"有没有|没有|有|(加|放|含|掺|用)[了过]?|^[了过]")  # the frame around X
_ADDED_Q = re.compile(r"(加|放|添加|掺)[了过]?(什么|啥|哪些|些什么|些啥)")  # what was added, asked openly
_MATERIAL_Q = re.compile(r"(?:什么|啥)(做|制|熬|酿|榨|腌|卤|磨)(?:的|成|出来)")  # the making verb frames it
_MADE_FROM = re.compile(r"(做|制|熬|酿|榨)(的|成|出来)")
# "What is in it / is it made with X": a clause must then hold X itself, not only a cue word.
# 用 too (有没有用保鲜剂), but not 用来/用于 (a use) nor 用X做的 (the raw material, which a clause naming
# another raw material answers: 是用甜菜做的吗 -> 甘蔗熬制).
CONTENT_Q = re.compile(r"里(面)?有|含|加|放|掺|用(?!来|于|[^，。？?]{0,5}(做|制|熬|酿|榨|包))")
# Modal verbs jieba glues to the verb after them (能生吃 -> 能生|吃): dropped before finding words.
_MODAL = re.compile(r"能不能|可不可以|会不会|要不要|需不需要|可以|能够|需要|[能会要]")
# A per-unit quantity in a selling point (每枚约50g, 一袋可煮一锅4人份, 每包煮2L): answers a size question too.
_PER_UNIT = re.compile(r"(每|一)[小大]?[个枚只根包袋盒瓶罐杯片份块张条串颗粒盆锅碗勺泵][^，,；;。]*(\d|[一两二三半][泵勺杯])")
# 一袋能做多少肉; 一次放多少 (a dose per use: 一杯放3克, 一盆水挤一泵)
_PER_UNIT_Q = re.compile(r"(每|一)[小大]?[个枚只根包袋盒瓶罐杯片份块张条串颗粒次盆锅碗][^，,；;。？?]*(多少|几)")
# Evidence words that mark a clause as being about who made a product, what it is made of, or
# how to eat it (from catalog-writing conventions: 手工, 熬制, 配方, 即可 ...).
CUES = {
    "maker": ("手工", "农场", "厂", "阿姨", "奶奶", "师傅", "自制", "种植", "养殖",
              # how labels and group-buying listings name who made it: 出品/监制 on packs, 老字号 shops,
              # co-operatives and farm bases, 自家/自有 for a family or own farm, a central kitchen for pre-made dishes
              "出品", "监制", "老字号", "合作社", "基地", "牧场", "自家", "自有", "中央厨房", "酱园"),
    "made_of": ("制", "熬", "配方", "原料", "含量", "压榨", "酿", "添加", "不含", "使用", "原切", "发酵", "烘焙", "纯", "无",
                "品种", "馅", "加", "配"),  # A加B, A配B: how a listing says what goes together in the pack
    "how_to_eat": ("煮", "蒸", "炒", "炸", "烤", "煎", "食", "适合", "即可", "冲", "泡", "下锅", "以上", "切片", "凉拌",
                   "吃", "喝"),  # the plain verbs of eating: 可以挖着吃, 直接喝
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


def _names(word: str, core: str) -> bool:
    """`word` names the product `core`: inside it (带鱼 in 舟山带鱼段), or the same head noun with a
    qualifier it also has (猪肉 -> 土猪前腿肉; 橙子 -> 脐橙). Chinese compounds are head-final, and 子/儿
    are noun suffixes, not heads."""
    if len(word) == 1:  # a lone character names only the head: 糖 is not 红糖馒头, 虾 is 基围虾
        return core.endswith(word)
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
    if _unmatched_thing(question, product, term, [c for _, c in clauses]):
        return []  # 有没有加防腐剂 and no clause names 防腐剂: 不加泡打粉 does not answer it
    for i, (key, clause) in enumerate(clauses):
        score = sum(max(term_match(w, clause) for w in variants) for variants in words)
        if key != "tags" or score:  # a bare tag (零食) answers nothing by a cue word alone
            score += 0.5 * _cue_count(clause, cues)
        if score >= 0.5:
            scored.append((score, i, clause))
    scored = [x for x in scored if not any(x[2] != y[2] and x[2] in y[2] for y in scored)]  # 6个月以上 in 适合6个月以上宝宝
    best = sorted(scored, key=lambda x: (-x[0], x[1]))[:limit]  # ties: the earlier field (selling points first)
    best = [b for b in best if b[0] >= best[0][0] / 2 and (b[0] > 0.5 or best[0][0] <= 0.5)]  # a lone cue word
    # (泡 in 不加泡打粉) stays only when nothing matches better
    return [clause for _, _, clause in sorted(best, key=lambda b: b[1])] if best else []


def _cue_count(clause: str, cues: list[str]) -> int:
    """How many cue words the clause holds, a cue inside a longer one it holds counted once (加 in 添加)."""
    hits = {c for c in cues if c in clause}
    return sum(not any(c != o and c in o for o in hits) for c in hits)


def product_answer(question: str, product: Product, term: str, attrs: list[str]) -> str:
    """'name：fact；fact' from fields and quoted clauses; '' when nothing in the product answers."""
    if not _ALLERGY.search(question) and not asked_allergens(question.replace(term, " ")):
        attrs = [a for a in attrs if a != "allergens"]  # 花生酱有没有加糖: 花生 is the product's name
    if is_yes_no(question) and CONTENT_Q.search(question.replace(term, " ")) and "made_of" not in attrs:
        attrs = [*attrs, "made_of"]  # 里面有鱼吗: what it contains, answered by 不含鱼
    parts = field_parts(question, product, attrs)
    if not parts or any(a in CUES for a in attrs):
        quoted = [c for q, a in _asked_parts(question, attrs) for c in evidence_clauses(q, product, term, a)]
        quoted += _eating_limits(question, product)
        if _REMEDY_Q.search(question):  # 硬的怎么办: the clause after the one naming the state says what to do
            quoted = [c for q in quoted for c in (q, _next_clause(product, q)) if c]
        if not quoted and "made_of" in attrs and not is_yes_no(question):  # 什么品种: the first selling point
            quoted = _CLAUSE.findall(_field(product, "selling_points"))[:1]
        parts += [c for c in quoted if not any(c in p for p in parts)]
    else:  # 哪里产的，能帮忙磨粉吗: a clause no field answers gets its own evidence
        for clause in _unanswered_clauses(question) or [_left_unanswered(question, product, term, parts)]:
            parts += [c for c in evidence_clauses(clause, product, term, []) if not any(c in p for p in parts)]
    return f"{product.name}：{'；'.join(dict.fromkeys(parts))}" if parts else ""


def field_parts(question: str, product: Product, attrs: list[str]) -> list[str]:
    """The fields the attributes ask for, verbatim with their labels."""
    parts = [field_sentence(product, a, question) for a in attrs if a in FIELD_ATTRIBUTES or a in ("allergens", "after_opening")]
    if "maker" in attrs and product.get("origin"):
        parts.append(f"产地：{product.get('origin')}")
    if "spec" in attrs or _PER_UNIT_Q.search(question):  # 一个多重, 一袋能做多少: the selling points' 每枚约50g
        parts += [c for c in _CLAUSE.findall(_field(product, "selling_points")) if _PER_UNIT.search(c)]
    if "made_of" in attrs and ("（" in product.name or "(" in product.name):
        parts.append(f"品名：{product.name}")  # 手工水饺（猪肉白菜）: the bracket says what is inside
    return [p for p in parts if p]


def _asked_parts(question: str, attrs: list[str]) -> list[tuple[str, list[str]]]:
    """Each clause of the question with the attributes it asks (橄榄油能炒菜吗，开了能放多久: the frying
    evidence for the first, the opened-bottle rule for the second); the whole question when it is one."""
    clauses = [c for c in _QUESTION_CLAUSE.split(question) if c.strip()]
    if len(clauses) < 2:
        return [(question, attrs)]
    own = [(c, [a for a in attrs if a in asked_attributes(c) or (a == "made_of" and CONTENT_Q.search(c))])
           for c in clauses]
    return [(c, a) for c, a in own if a or not asked_attributes(c)]


def _left_unanswered(question: str, product: Product, term: str, parts: list[str]) -> str:
    """The words after the product that no cue took and no answered field holds (黑木耳泡发后能有多少:
    泡发), as a text to find evidence for; '' when there are none."""
    at = question.find(term)
    rest = without_cues(question[at + len(term):]) if at >= 0 else ""
    said = "".join(parts) + product.name
    words = [t.word for t in content_terms(_MODAL.sub(" ", rest)) if len(t.word) > 1 and term_match(t.word, said) < 0.5]
    return " ".join(words)


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


def _next_clause(product: Product, clause: str) -> str:
    """The clause right after `clause` in its field ('' if it is the last): a listing states a condition
    and then what to do about it (到手偏硬，和苹果放一起两三天就软了)."""
    for key in CLAUSE_FIELDS:
        clauses = [c.strip() for c in _CLAUSE.findall(_field(product, key))]
        if clause in clauses[:-1]:
            return clauses[clauses.index(clause) + 1]
    return ""


def _field(product: Product, key: str) -> str:
    return product.get(key).replace(";", "，")


def _question_words(question: str, product: Product, term: str) -> list[list[str]]:
    """The question's content words outside the term that named the product, each with its
    catalog-style variants. A word of the full name before the term qualifies it (宝宝|米粉); after
    it, it is asked about (虾是活的吗 -> 鲜活直发)."""
    term = _whole_mention(question, product.name, term)
    at = question.find(term)
    after = question[at + len(term):] if at >= 0 else ""  # 酸菜鱼调料包里有鱼吗: the second 鱼 is asked
    rest = _MODAL.sub(" ", question.replace(term, " "))
    words = [_ASPECT.sub("", t.word) for t in content_terms(rest) if not (len(t.word) == 1 and t.word in _FRAME_CHARS)]
    if added := _ADDED_Q.search(rest):  # 加了什么: the clause that says what was added (只加白砂糖)
        words.append(added.group(1))
    words += [w for w in asked_words(rest) if w not in words]  # 用的是什么肉: 肉
    if material := _MATERIAL_Q.search(rest):  # 用什么酿的 asks the material, not who brews (酱园酿造)
        words = [w for w in words if w != material.group(1)]
    words = [w for w in words if (w not in term or w in after) and not (w in product.name and question.find(w) < at)]
    return [[w, *{w.replace(a, b) for a, b in SYNONYMS.items() if a in w}, *RELATED.get(w, ())] for w in words]


def _whole_mention(question: str, name: str, term: str) -> str:
    """The term grown by the characters of the name that follow it in the question too (宫保鸡 -> 宫保鸡丁
    when jieba cut the name 宫保鸡|丁预制菜): the rest of the name is no word asked about."""
    at, start = question.find(term), name.find(term)
    if at < 0 or start < 0:
        return term
    end = len(term)
    while start + end < len(name) and at + end < len(question) and name[start + end] == question[at + end]:
        end += 1
    return question[at:at + end]


def _unmatched_thing(question: str, product: Product, term: str, clauses: list[str]) -> bool:
    """A yes/no about what is in the product names a thing (有没有加防腐剂: the nouns after the verb) that
    no clause holds."""
    rest = question[question.find(term) + len(term):] if term in question else question
    cue = CONTENT_Q.search(rest)
    if not is_yes_no(question) or not cue or _MADE_FROM.search(rest):
        return False  # 是白砂糖加色素做的吗: the material written (甘蔗熬制) answers it
    tail = _CONTENT_VERBS.sub(" ", rest[cue.end():])  # 没有加糖 -> 糖: jieba would tag 加糖 a verb
    nouns = [w for w, flag in pos_cut(tail) if flag.startswith(("n", "zg", "vn")) and w not in _FRAME_CHARS]  # 糖: zg alone
    things = [[w, *{w.replace(a, b) for a, b in SYNONYMS.items() if a in w}, *RELATED.get(w, ())] for w in nouns]
    return bool(things) and not any(term_match(w, c) >= 0.5 for v in things for w in v for c in clauses)


def _money(value: str) -> str:
    return value[:-2] if value.endswith(".0") else value
