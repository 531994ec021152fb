"""Catalog answers: which products a question names, and the fields' own words that answer it.

A price, size, date, storage rule or allergen is copied from its field, never paraphrased. A
yes/no or how-to question is answered by quoting the clauses of the product's fields that share
most words with it; 是/不是 is never added, the quoted evidence says which.
"""

from __future__ import annotations

import re

from pipelines.catalog import Product, product_terms
from pipelines.catalog.terms import split_name, tail_terms, within_modifier
from pipelines.catalog.vocabulary import is_modifier, is_place
from pipelines.facts import asked_allergens, is_allergy_question
from pipelines.facts.allergens import reaction_pattern
from pipelines.qa.allergy import allergen_sentence
from pipelines.qa.attributes import FIELD_ATTRIBUTES, asked_attributes, is_yes_no, without_cues
from pipelines.qa.choices import unanswered_choice
from pipelines.qa.clauses import (
    CLAUSE,
    CLAUSE_FIELDS,
    CONTENT_Q,
    CUES,
    MODAL,
    evidence_clauses,
    field_clauses,
    field_text,
)
from pipelines.qa.evidence import term_match
from pipelines.qa.groups import (
    SAYS_SUITABLE,
    asked_groups,
    at_risk,
    names_group,
    only_group_question,
    outside_name,
    speaks_to,
)
from pipelines.qa.message import ENDS_IN_NOT
from pipelines.qa.names import category_products, pointed_at
from pipelines.retrieval import SourceInfo
from pipelines.zh import content_terms, is_dictionary_word, pos_cut

_HOW_Q = re.compile(r"怎么|如何|多久|几分钟|加热|热一下")  # how to eat it, beyond whether one may
LABELS = {"price": "价格", "spec": "规格", "origin": "产地", "shelf_life": "保质期", "storage": "储存",
          "arrival": "到货", "stock": "库存", "after_opening": "开封后"}
_OPENED = re.compile(r"开封|开罐|开袋|开盖|开瓶|打开|开启|拆封")
_QUESTION_CLAUSE = re.compile(r"[，,；;。！？?!\s]+|还有|另外|顺便问")
_FIELD_LIKE = ("allergens", "after_opening", "maker")
_ALLERGY = reaction_pattern()  # 过敏, 不耐受, 起疹子: the resident reacts to a food
_NOT_ADDED = re.compile(r"不添加|不加|不含|无添加|未添加")
_USED = re.compile(r"使用|采用|改用|用")
# A listing's words for where the goods come from (supply-chain terms on Chinese grocery listings: 产地直发, 基地直供,
# 果园直发, 自家种的, 合作社): they answer who produces or supplies it when no maker field does.
_SUPPLY = re.compile(r"直发|直供|直采|直送|自产|自家|自种|自养|基地|合作社|农户|果园|牧场|渔场|工厂|厂家|作坊|烘焙坊")
_BRAND_Q = re.compile(r"牌子|品牌|厂家|厂商|生产商|公司|商标")  # who made it by name: a place does not answer
_THAW_Q = re.compile(r"(要不要|需不需要|用不用|需要|要)先?解冻|先解冻|不用解冻|直接(下锅|煮|蒸|煎|炸|烤)")
_THAWS = re.compile(r"解冻|化冻")
_NOT_MADE = re.compile(r"不掺|不含|不加|没有|没加|无")  # a listing denying an ingredient
_COMPOSITION = re.compile(r"配料|原料|成分|只有|只用|全是|纯")  # and saying what it is made of
_CONCEDES = re.compile(r"虽然|虽说|尽管|虽")  # 虽然叫白茶 says nothing alone: its main clause (其实属于绿茶) follows
_DONT_USE = re.compile(r"(不要|不能|别|勿|切勿|不宜)(使用|用)")
_REMEDY_Q = re.compile(r"怎么办|咋办|怎么处理|如何处理|怎么(放|弄|变|才能)(软|熟|甜)|催熟")  # what to do about a state the product is in
_EATING = re.compile(r"生吃|生食|直接吃|直接喝|拆开就")
_LIMIT = re.compile(r"当天|尽快|小时内|天内|立即")
# A per-unit quantity in a selling point (每枚约50g, 一袋可煮一锅4人份, 每包煮2L): answers a size question too.
_PER_UNIT = re.compile(r"(每|一)[小大]?[个枚只根包袋盒瓶罐杯片份块张条串颗粒次盆锅碗勺泵][^，,；;。]*(\d|[一两二三半][泵勺杯])")
# 一袋能做多少肉; 一次放多少 (a dose per use: 一杯放3克, 一盆水挤一泵)
# A spec whose bracket lists items, not a count or size (拼盘 500g（鸭脖、鸭翅、卤豆干）): a mixed pack's contents.
_ASSORTMENT = re.compile(r"[（(][^）)\d]*[、，,/+][^）)\d]*[）)]")
_PER_UNIT_Q = re.compile(r"(每|一)[小大]?[个枚只根包袋盒瓶罐杯片份块张条串颗粒次盆锅碗][^，,；;。？?]*(多少|几)")


def catalog_products(sources: list[SourceInfo]) -> list[Product]:
    return [Product(s.id, s.title, dict(s.meta.get("fields", {}))) for s in sources if s.kind == "product"]


def named_products(question: str, products: list[Product]) -> list[tuple[Product, str]]:
    """Products the question names, with the term that names each, longest names first claimed."""
    terms = product_terms(products)
    by_sku = {p.sku: p for p in products}
    for word in _naming_words(question):
        owners = [p.sku for p in products if _names(word, split_name(p.name)[0]) and word not in p.get("origin")
                  and not within_modifier(word, p.name)]  # 空气 of 空气炸锅鸡翅中 is the pot, not the wings
        if len(owners) == 1 and not (is_modifier(word) or is_place(word) or pointed_at(question, word)):  # 带鱼 names
            # 舟山带鱼段 alone
            terms[owners[0]] = [*terms[owners[0]], word]
    edges = _edges(question)
    for sku, tails in tail_terms(products).items():  # 鸭脖 of 老卤鸭脖, as a whole word of the question
        terms[sku] = [*terms.get(sku, []), *(t for t in tails if _whole_word(question, t, edges))]
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


def _edges(text: str) -> set[int]:
    edges, at = {0}, 0
    for word, _ in pos_cut(text):
        at += len(word)
        edges.add(at)
    return edges


def _whole_word(question: str, term: str, edges: set[int]) -> bool:
    at = question.find(term)
    return at >= 0 and at in edges and at + len(term) in edges


# jieba's unknown-word model glues a lone noun to the modal after it (那个油能用吗 -> 油能): the noun is its
# first character.
_GLUED = re.compile(r"^([\u4e00-\u9fff])(能|用|可|要|会|是|有|还|也|都){1,2}$")


def _naming_words(question: str) -> list[str]:
    """Words that may name a product: content words of 2+ characters, and a one-character noun on
    its own (虾是活的吗: 虾 names the one product whose name ends with it)."""
    words = [t.word for t in content_terms(question) if len(t.word) >= 2]
    tagged = pos_cut(question)
    glued = [m.group(1) for w, _ in tagged if (m := _GLUED.match(w)) and not is_dictionary_word(w)]  # 油能|用
    return words + glued + [w for i, (w, flag) in enumerate(tagged)
                            if len(w) == 1 and flag == "n" and _stands_alone(tagged, i)]


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
    clauses = [c.strip() for c in CLAUSE.findall(product.get("storage"))]
    first = next((i for i, c in enumerate(clauses) if _OPENED.search(c)), None)
    if first is not None:
        return "，".join(clauses[first:])
    return f"储存：{product.get('storage')}" if product.get("storage") else ""


def product_answer(question: str, product: Product, term: str, attrs: list[str]) -> str:
    """'name：fact；fact' from fields and quoted clauses; '' when nothing in the product answers."""
    if all(a == "made_of" for a in attrs) and unanswered_choice(question, term, product.describe(), product.name):
        return ""  # 是草饲还是谷饲的: the listing names neither
    if attrs == ["made_of"] and (is_yes_no(question) or ENDS_IN_NOT.search(question)) and _unnamed_kind(
            question, product, term):
        return ""  # 是稻花香的品种不: a variety the listing never names is the leader's to confirm
    if not _ALLERGY.search(question) and not asked_allergens(question.replace(term, " ")):
        attrs = [a for a in attrs if a != "allergens"]  # 花生酱有没有加糖: 花生 is the product's name
    if is_allergy_question(question) and not _HOW_Q.search(question):  # 麸质过敏能吃吗: the label answers 能吃,
        attrs = [a for a in attrs if a != "how_to_eat"]  # never a serving hint saying 小朋友也能吃
    if _THAW_Q.search(question) and "how_to_eat" not in attrs:  # 要不要先解冻: how the pack is cooked says it
        attrs = [*attrs, "how_to_eat"]
    if is_yes_no(question) and CONTENT_Q.search(question.replace(term, " ")) and "made_of" not in attrs:
        attrs = [*attrs, "made_of"]  # 里面有鱼吗: what it contains, answered by 不含鱼
    parts = field_parts(question, product, attrs)
    if not parts or any(a in CUES for a in attrs):
        quoted = [c for q, a in _asked_parts(question, attrs) for c in evidence_clauses(q, product, term, a)]
        quoted += _eating_limits(question, product)
        if _REMEDY_Q.search(question):  # 硬的怎么办: the clause after the one naming the state says what to do
            quoted = [c for q in quoted for c in (q, _next_clause(product, q)) if c]
        quoted = [c for q in quoted for c in (q, _instead(product, q)) if c]
        quoted = [f"{q}，{after}" if _CONCEDES.match(q) and (after := _next_clause(product, q)) else q for q in quoted]
        if "made_of" in attrs and is_yes_no(question):  # 是糯米做的吗: 不掺糯米 with what it is made of (配料只有粳米和水)
            quoted = [c for q in quoted for c in (*_composition_before(product, q), q)]
        if not quoted and "made_of" in attrs and not is_yes_no(question):  # 什么品种: the first selling point
            quoted = CLAUSE.findall(field_text(product, "selling_points"))[:1]
        parts += [c for c in quoted if not any(c in p for p in parts)]
    else:  # 哪里产的，能帮忙磨粉吗: a clause no field answers gets its own evidence
        for clause in _unanswered_clauses(question) or [_left_unanswered(question, product, term, parts)]:
            parts += [c for c in evidence_clauses(clause, product, term, []) if not any(c in p for p in parts)]
    if _THAW_Q.search(question):  # 能直接下锅煎吗: the listing's thawing rule (食用前冷藏解冻一晚) says whether
        parts += [c for c in field_clauses(product) if _THAWS.search(c) and not any(c in p for p in parts)]
    asked = outside_name(question, product.name)  # 婴儿米粉能用开水冲吗: 婴儿 is the name, no group asked
    if (groups := asked_groups(asked)) and not is_allergy_question(question):  # 适合孕妇吗: not 适合凉拌
        only = only_group_question(asked)  # nothing else asked: every clause must speak of the group
        parts = [p for p in parts if (not only and not SAYS_SUITABLE.search(p)) or all(names_group(p, g) for g in groups)]
        said = [c for c in field_clauses(product) if speaks_to(c, groups)]
        said += [f"标注为{t}" for t in field_text(product, "tags").split("，")  # the leader's tag 素食 names whom it is for;
                 if t and all(names_group(t, g) for g in groups) and not at_risk(asked)]  # a tag never clears 糖尿病
        parts = [c for c in said if not any(c in p for p in parts)] + parts  # 一岁以下婴儿不宜食用 answers 宝宝能喝吗
        if at_risk(asked) and not any(all(names_group(p, g) for g in groups) for p in parts):
            return ""  # 我有糖尿病能吃吗，甜不甜: the answer to the rest would read as a yes the label never gives
    if "maker" in attrs and _BRAND_Q.search(question) and not any(w in p for p in parts for w in CUES["maker"]):
        return ""  # 哪个厂家加工的: 原切不拼接 says how, not who; the listing names no maker
    return f"{product.name}：{'；'.join(dict.fromkeys(parts))}" if parts else ""


_KIND_Q = re.compile(r"是(?P<kind>[\u4e00-\u9fff]{2,5}?)的?品种")  # 是稻花香的品种不


def _unnamed_kind(question: str, product: Product, term: str) -> bool:
    """A yes/no naming a variety or kind (是稻花香的品种不) that the listing nowhere names, even in part."""
    found = _KIND_Q.search(question.replace(term, " "))
    return bool(found) and term_match(found.group("kind"), product.describe()) < 0.5


def field_parts(question: str, product: Product, attrs: list[str]) -> list[str]:
    """The fields the attributes ask for, verbatim with their labels."""
    parts = [field_sentence(product, a, question) for a in attrs if a in FIELD_ATTRIBUTES or a in ("allergens", "after_opening")]
    if "stock" in attrs and "arrival" not in attrs:  # 还有货吗: 库存 counts the units, 到货 says whether they are here
        parts.append(field_sentence(product, "arrival", question))
    if "maker" in attrs and product.get("origin") and not _BRAND_Q.search(question):  # a place is no brand or company
        parts.append(f"产地：{product.get('origin')}")
    if "maker" in attrs:  # 是产地直接发的吗: the listing's 果园直发 (catalogs have no maker column)
        parts += [c for c in CLAUSE.findall(field_text(product, "selling_points")) if _SUPPLY.search(c)]
    if "spec" in attrs or _PER_UNIT_Q.search(question):  # 一个多重, 一袋能做多少: the selling points' 每枚约50g
        parts += [c for c in CLAUSE.findall(field_text(product, "selling_points")) if _PER_UNIT.search(c)]
    if "made_of" in attrs and ("（" in product.name or "(" in product.name):
        parts.append(f"品名：{product.name}")  # 手工水饺（猪肉白菜）: the bracket says what is inside
    if "made_of" in attrs and _ASSORTMENT.search(product.get("spec")):
        parts.append(f"规格：{product.get('spec')}")  # 500g（鸭脖、鸭翅、卤豆干）: what an assortment holds
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
    words = [t.word for t in content_terms(MODAL.sub(" ", rest)) if len(t.word) > 1 and term_match(t.word, said) < 0.5]
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
    return [c.strip() for c in CLAUSE.findall(product.get("storage")) if _LIMIT.search(c)]


def _next_clause(product: Product, clause: str) -> str:
    """The clause right after `clause` in its field ('' if it is the last): a listing states a condition
    and then what to do about it (到手偏硬，和苹果放一起两三天就软了)."""
    for key in CLAUSE_FIELDS:
        clauses = [c.strip() for c in CLAUSE.findall(field_text(product, key))]
        if clause in clauses[:-1]:
            return clauses[clauses.index(clause) + 1]
    return ""


def _instead(product: Product, clause: str) -> str:
    """The clause after a 不添加X that says what is used instead (不添加蔗糖，使用赤藓糖醇): a label's "no X" claim
    comes with its substitute (a sweetener is still 糖 to a resident who 控糖); a 不要用X comes with the clause
    before it saying what to use (用80℃左右的水冲泡，不要用沸水); '' when none."""
    if _DONT_USE.match(clause):
        before = _previous_clause(product, clause)
        return before if _USED.match(before) else ""
    after = _next_clause(product, clause) if _NOT_ADDED.match(clause) else ""
    return after if _USED.match(after) else ""


def _composition_before(product: Product, clause: str) -> list[str]:
    """The clause before a denial (配料只有粳米和水 before 不掺糯米) when it says what the product is made of."""
    before = _previous_clause(product, clause) if _NOT_MADE.match(clause) else ""
    return [before] if _COMPOSITION.search(before) else []


def _previous_clause(product: Product, clause: str) -> str:
    for key in CLAUSE_FIELDS:
        clauses = [c.strip() for c in CLAUSE.findall(field_text(product, key))]
        if clause in clauses[1:]:
            return clauses[clauses.index(clause) - 1]
    return ""


def _money(value: str) -> str:
    return value[:-2] if value.endswith(".0") else value
