"""answer_question: screen, find what the question names, answer from the data, hand off when unsure.

Order of trust: a product the question names is answered from its catalog fields; a dish it
names from the recipe's own sections; anything else from the retrieved source that covers the
question's words (a stream transcript is quoted as 直播里说). Only a free-text document's answer
may be polished by the LLM, and only when the polish keeps every fact (pipelines/qa/polish.py).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from pipelines.catalog import product_terms
from pipelines.catalog.terms import split_name
from pipelines.facts import canonical_names, is_allergy_question
from pipelines.llm.base import LLM
from pipelines.qa.attributes import asked_attributes, asks_how_it_cooks, recipe_part
from pipelines.qa.cache import AnswerCache
from pipelines.qa.clauses import field_clauses
from pipelines.qa.dishes import HOME_COOKING, cooked_at_home, dish_names, dishes_made_of, named_dishes
from pipelines.qa.evidence import SourceEvidence, group_sources, unknown_measure
from pipelines.qa.groups import asked_groups, at_risk
from pipelines.qa.message import asks, clean_message
from pipelines.qa.names import (
    correct_typos,
    expand_dish_heads,
    expand_short_dish_names,
    expand_short_product_names,
    food_words,
    names_what_it_is,
    respell_dish_aliases,
    respell_short_aliases,
)
from pipelines.qa.options import AskOptions
from pipelines.qa.polish import polish
from pipelines.qa.products import CONTENT_Q, catalog_products, named_products
from pipelines.qa.recipe_text import cooking_verbs, verb_family
from pipelines.qa.recipes import dish_name, recipe_answer
from pipelines.qa.result import Answer, Source, catalog_answer, cite, cited_titles
from pipelines.qa.routing import _dish_pack, about_contents, bought_pack, catalog_first, inside_name, sold_as_the_dish  # noqa: F401
from pipelines.qa.scope import AFTER_SALES_PROMISE, outside_scope, service_offered
from pipelines.qa.screen import screen_question
from pipelines.qa.several import SOLD_FACTS, combined, dishes_only, subjects, with_own_clause_pack, with_pack_facts
from pipelines.qa.text import quoted_sentences, shared_pairs
from pipelines.qa.times import asked_action, ingredient_names, mask_names, names_the_action
from pipelines.qa.typos import correct_cue_typos
from pipelines.qa.units import per_dish, question_units, with_follow_ups
from pipelines.retrieval import Hit, Retriever, SourceInfo
from pipelines.zh import cut, fit, is_dictionary_word, pos_cut

_PERIOD = re.compile(r"\d+\s*(分钟|分半|小时|秒|天|周|个月)|[一二两三四五六七八九十半]+(分钟|小时|天)")  # a stated time
_KEEPING = ("after_opening", "shelf_life")  # how long it keeps; storage is asked by 冻的要泡多久才化开 too
_HOW_THAWED = re.compile(r"怎么(解冻|化冻)|(热水|温水|冷水|微波炉)[^，。？?]{0,4}(解冻|化冻|泡)")  # how, not whether
_ALLERGY_AFTER = re.compile(r"(的人)?(过敏|不耐受)")  # 牛奶过敏: what the resident cannot eat
_RECIPE_POINTER = re.compile(r"菜谱|食谱|照着做|按做法")  # 照菜谱一次炸几个: the resident asks the recipe
# An amount per person (一个人要多少瘦肉末, 每人放几个): a recipe's portion, never a pack's field.
_PER_PERSON_AMOUNT = re.compile(r"([一两二三四五六七八九十几0-9]+[个口]?人|一人份?|每个?人|人均)[^，。？?！!]{0,4}(多少|几)")
# Nutrients and production claims residents ask of a food (营养成分 on Chinese labels; 转基因, 防腐剂, 激素…): a listing
# that never names one does not settle it, whatever field the question's other words match.
_UNSTATED = re.compile(r"蛋白质|脂肪|热量|卡路里|大卡|碳水|膳食纤维|维生素|胆固醇|嘌呤|营养成分|含糖量|含钠量"
                       r"|转基因|防腐剂|添加剂|激素|抗生素|农药残留|农残|香精|甜味剂")
_STATED_HEAT = re.compile(r"\d+\s*(℃|°C|°|度)|[大中小]火")
# What a batch's label or papers say (生产日期, 批号, 检疫证明, 质检报告): a listing describes the product, not a batch.
_BATCH_RECORDS = re.compile(r"生产日期|出厂日期|包装日期|批号|批次|检疫|质检|检测报告|合格证|证明|证书|发票|溯源码"
                            r"|(哪天|几号|哪一天|什么时候|啥时候)(下|生|产)的蛋?")  # 鸭蛋哪天下的: an egg's laying date
# Where an order is collected (自提点在哪, 去哪儿取, 在哪提货): the group's logistics, never a product's field.
_PICKUP = re.compile(r"自提点|提货点|取货点|(去|在|到|上)哪(儿|里)?(取|拿|提)(货)?")
# Characters that begin the words after a name (有, 是, 卖, 还, 多少, 怎么, 能, 可以, 要, 的, 吗), never a longer name's
# tail: jieba's 鸡翅|中有 cuts 鸡翅中 short though the name ends before 有.
_WORD_AFTER_NAME = frozenset("有是卖还多怎能可要的吗呢啊呀在和跟与咋啥几哪，,。？?！! ")
_CLAUSE_BREAK = re.compile(r"[，,。；;？?！!\s]|还有|另外")


def answer_question(question: str, kb: Retriever, llm: LLM | None, options: AskOptions = AskOptions(),
                    cache: AnswerCache[Answer] | None = None) -> Answer:
    question = correct_cue_typos(clean_message(question))
    if cache is None:
        return _answer(question, kb, llm, options)
    version = kb.version()
    if (hit := cache.get(version, question)) is not None:
        return replace(hit, cached=True)
    answer = _answer(question, kb, llm, options)
    cache.put(version, question, answer)
    return answer


def _answer(question: str, kb: Retriever, llm: LLM | None, options: AskOptions) -> Answer:
    if hostile := screen_question(question):
        return _handoff(options, "hostile", hostile)
    sources = kb.sources()
    catalog = catalog_products(sources)
    outside = outside_scope(question)
    if outside == "service" and any(service_offered(question, p.describe()) for p, _ in named_products(question, catalog)):
        outside = None  # 能帮忙磨粉吗 of a listing saying 可帮磨粉: the listing answers
    if outside:
        promised = outside == "after_sales" and _promise(_normalised(question, kb, sources, catalog), catalog)
        if promised:  # 齐橙…有烂的给赔不: the listing's 坏果包赔, and what else the message asks answered after it
            return _with_the_rest(promised, question, kb, llm, options)
        return _handoff(options, "out_of_scope", outside)
    question = _normalised(question, kb, sources, catalog)
    question = with_follow_ups(question, lambda text: subjects(text, catalog, sources))
    whole = _answer_one(question, kb, llm, options, sources, catalog)
    units = [d for u in question_units(question, lambda text: subjects(text, catalog, sources))
             for d in per_dish(u, dishes_only(u, catalog, sources))]
    if len(units) < 2:
        return with_pack_facts(_with_recipe_clause(whole, question, kb, options, sources, catalog), question, catalog,
                               sources)
    answers = [_for_dish_before(u, units[:at], kb, options, sources, catalog)  # 一袋几张，自己做的话酱料用哪几种酱:
               or with_own_clause_pack(_answer_one(u, kb, llm, options, sources, catalog), u, catalog, sources)  # pack
               for at, u in enumerate(units)]  # facts a clause of a dish's question asks too
    found = combined(whole, answers, question, [not subjects(u, catalog, sources) for u in units])
    if found is whole:  # the whole message's recipe answer, with the pack's price or stock it also asks
        found = with_pack_facts(whole, question, catalog, sources)
    return _with_recipe_clause(found, question, kb, options, sources, catalog)


def _with_the_rest(promised: Answer, question: str, kb: Retriever, llm: LLM | None, options: AskOptions) -> Answer:
    """A listing's after-sales promise, followed by the answer to the message's other clauses (橙子有坏的能赔吗，白灼虾
    为什么不能开大火); the promise alone when they ask nothing or go to the leader."""
    clauses = [c for c in _CLAUSE_BREAK.split(question) if c.strip()]
    rest = "，".join(c for c in clauses if not outside_scope(c))
    if not rest or rest == question or not asks(rest):
        return promised
    other = _answer(rest, kb, llm, options)
    if other.handoff:
        return promised
    text = promised.answer.rpartition("（来源")[0] + other.answer.rpartition("（来源")[0]
    return Answer(text + cite(cited_titles(promised.answer) + cited_titles(other.answer)),
                  promised.sources + other.sources, mode=other.mode)


# How much of something goes in (牛奶放多少, 糖加几勺): an amount in the cooking, not a pack's size.
_PUT_IN_AMOUNT = re.compile(r"(放|加|倒|搁|兑)(多少|几)(?!天|个?月|周|星期|年|个?小时|个?钟|分钟)")  # 放几天: keeping


def _for_dish_before(unit: str, before: list[str], kb: Retriever, options: AskOptions, sources: list[SourceInfo],
                     catalog: list) -> Answer | None:
    """A question naming no dish that asks how much of something goes in, after one naming the dish being made (想做胡萝卜
    甜糕…牛奶放多少): that dish's recipe answers it, when it lists the thing; None otherwise."""
    if not before or not _PUT_IN_AMOUNT.search(unit) or dishes_only(unit, catalog, sources):
        return None
    dishes = [d for u in before for d in named_dishes(u, sources)]
    if not dishes:
        return None
    info = dishes[-1][0]
    listed = "".join(c.body for c in kb.source_chunks(info.id))
    if not any(t in listed for _, t in named_products(unit, catalog)) and not any(
            len(w) > 1 and w in listed for w, flag in pos_cut(unit) if flag.startswith("n")):
        return None
    return dish_answer(unit, info, kb, options)


def _with_recipe_clause(found: Answer, question: str, kb: Retriever, options: AskOptions, sources: list[SourceInfo],
                        catalog: list) -> Answer:
    """A catalog answer to a message whose clause points at the recipe (鸡翅中一份多重，照菜谱一次炸几个): that clause
    answered by the dish's recipe (the one named, else the one made of the product), after the pack's facts."""
    asked = [c for c in _CLAUSE_BREAK.split(question) if (_RECIPE_POINTER.search(c) or _cooks_it(c, found)) and asks(c)]
    if not asked or found.handoff or found.mode != "catalog" or any(s.kind == "recipe" and s.title in found.answer
                                                                     for s in found.sources):  # not those passed over
        return found
    named = named_products(question, catalog)
    terms = [t for _, t in named]
    if own := _label_says(asked[0], named, found):  # 水饺是啥牌子的？下锅要煮几分钟: the pack's 煮9分钟左右
        return own
    heads = [w for p, _ in named for w in product_terms([p]).get(p.sku, [])]  # 法式羊排 -> 羊排 of 香煎羊排
    dishes = named_dishes(question, sources) or dishes_made_of(terms, sources) or dishes_made_of(heads, sources)
    clause = _RECIPE_POINTER.sub("", asked[0])  # 照菜谱一次炸几个 of 鸡翅中: how many 鸡翅中
    if not any(flag.startswith("n") and len(w) > 1 for w, flag in pos_cut(clause)):  # it names no thing of its own
        clause = "".join(t for t in terms if t not in clause) + clause
    recipe = dish_answer(clause, dishes[0][0], kb, options) if dishes else None
    if recipe is None and not dishes and _PER_PERSON_AMOUNT.search(clause):  # 包饺子一个人要多少瘦肉末: the recipe
        # the words find, when no dish is named outright
        found_ids = [s.id for s in retrieved_answer(clause, kb, None, options).sources if s.kind == "recipe"][:1]
        recipe = next((dish_answer(clause, info, kb, options) for info in sources if info.id in found_ids), None)
    if recipe is None:
        return found
    text = found.answer.rpartition("（来源")[0] + recipe.answer.rpartition("（来源")[0]
    return Answer(text + cite([s.title for s in found.sources] + [recipe.sources[0].title]), found.sources + recipe.sources,
                  mode="catalog")


def _label_says(clause: str, named: list, found: Answer) -> Answer | None:
    """A cooking time the named pack's own listing states for the action the clause asks (煮9分钟左右 for 下锅要煮几分钟),
    added to the catalog answer; None when no listing states it."""
    verbs = cooking_verbs(asked_action(clause))
    family = {f for v in verbs for f in (verb_family(v) or (v,))}
    for product, _ in named:
        said = [c for c in field_clauses(product) if any(f in c for f in family) and _PERIOD.search(c)]
        said = [c for c in said if c not in found.answer]
        if family and said:
            text = found.answer.rpartition("（来源")[0].rstrip("。") + "；" + "；".join(said[:2]) + "。"
            return Answer(text + found.answer[found.answer.rfind("（来源"):], found.sources, mode=found.mode)
    return None


def _cooks_it(clause: str, found: Answer) -> bool:
    """A clause asking what only a recipe says (炸的话空气炸锅调多少度, 要是自己做鱼片煮几分钟, 火候怎么控制) beside
    a catalog answer that does not say it (no temperature in the pack's words for a temperature)."""
    if HOME_COOKING.search(clause) or asks_how_it_cooks(clause) or _PER_PERSON_AMOUNT.search(clause):
        return True
    part = recipe_part(clause)
    if part == "count":  # 要冲几遍水: how often a step is repeated is a recipe's
        return True
    if part == "time" and (verbs := cooking_verbs(asked_action(clause))):
        return not any(f in found.answer for v in verbs for f in (verb_family(v) or (v,)))  # 腌多久: the pack says no 腌
    return part == "temperature" and not _STATED_HEAT.search(found.answer)


def _promise(question: str, catalog: list) -> Answer | None:
    """An after-sales question about a product whose listing promises it (坏果包赔): the listing's promise, quoted;
    None when no named product's listing promises anything."""
    found = [(p, said) for p, _ in named_products(question, catalog)
             if (said := [c for c in field_clauses(p) if AFTER_SALES_PROMISE.search(c)])]
    if not found:
        return None
    text = "。".join(f"{p.name}：{'；'.join(said)}" for p, said in found) + "。"
    return Answer(text + cite([p.name for p, _ in found]),
                  [Source(p.sku, p.name, "product", 1.0, p.describe()[:100]) for p, _ in found], mode="catalog")


def _normalised(question: str, kb: Retriever, sources: list[SourceInfo], catalog: list) -> str:
    """The question with misspelt and shortened product and dish names written as the knowledge writes them."""
    known = known_names(catalog, sources)
    tails = [d[i:] for d in dish_names(sources) for i in range(1, len(d) - 2)  # 荞麦面 of 酱拌荞麦面, 啤酒鸭 of 乡村啤酒鸭
             if is_dictionary_word(d[i:]) or is_dictionary_word(d[:i])]
    question = correct_typos(question, known + tails)  # 乔麦面 of 酱拌荞麦面: the dish's head, misspelt
    recipes_named = dish_names(sources)
    ingredients = cache(lambda: recipe_ingredients(kb, sources))

    named_in_full = any(d in question for d in recipes_named)

    def respelt(part: str) -> str:  # 排骨炖土豆 before 炖土豆 reads as a short name
        part = respell_dish_aliases(part, recipes_named)
        if not any(a in SOLD_FACTS for a in asked_attributes(part)):  # 有卖X吗, X多少钱: X is sold, no dish
            part = part if named_in_full else expand_short_dish_names(part, recipes_named, known)  # 地三鲜…茄子土豆各
            part = expand_dish_heads(part, recipes_named, known, ingredients)  # 准备多少: its ingredients, no 茄子炖土豆
        part = respell_dish_aliases(part, recipes_named)
        return part if named_in_full else respell_short_aliases(part, recipes_named, known)

    # Clause by clause, so a dish named in full in one clause leaves another's head or alias in the next to be spelled
    # out (腐乳肉还要放盐吗，啤酒鸭烧多久; 一组多少钱，拿来做意式奶冻…: the dish is in the clause asking no price).
    question = "".join(part if any(d in part for d in recipes_named) else respelt(part)
                       for part in re.split(r"([，,。？?！!；;\s]+)", question))
    if not named_products(question, catalog):  # 五常米: the product's short name
        question = expand_short_product_names(question, [split_name(p.name)[0] for p in catalog], known)
    if dishes := named_dishes(question, sources):  # 多少酵木 of 红糖馒头: the dish's own ingredient, misspelt
        listed = ingredient_names(kb.source_chunks(dishes[0][0].id))
        question = correct_typos(question, listed + [n[-2:] for n in listed if len(n) > 2])  # 干酵母 -> 酵母
    return question


def _answer_one(question: str, kb: Retriever, llm: LLM | None, options: AskOptions, sources: list[SourceInfo],
                catalog: list) -> Answer:
    if _PICKUP.search(question):  # where to collect the order: a notice may say, no listing or recipe does
        found = retrieved_answer(question, kb, llm, options)
        if found.handoff or any(s.kind in ("product", "recipe") for s in found.sources[:1]):
            return _handoff(options, "not_in_knowledge", "pickup point")
        return found
    attrs = asked_attributes(question)
    products = asked_of(question, named_products(question, catalog))
    if "stock" in attrs:  # 有卖红糖吗: 红糖馒头 is a bun, not sugar; 有卖玉米油吗: oil, not 玉米
        products = [(p, t) for p, t in products if any(names_what_it_is(x, p) and whole_word(question, x)
                                                       for x in (t, *product_terms([p]).get(p.sku, [])) if x in question)]
    dishes = named_dishes(question, sources)
    if products and asked_groups(question) and at_risk(question):  # 宫保鸡丁预制菜孕妇能吃吗: the pack's label, never
        return catalog_answer(question, products, attrs) or _handoff(options, "not_in_knowledge", "group")  # the recipe
    made = [] if dishes else dishes_made_of([t for _, t in products], sources)  # 羊排 -> 香煎羊排
    if made and cooked_at_home(question) and (recipe := dish_answer(question, made[0][0], kb, options)):
        return recipe  # 羊排煎好了放多久再切: the recipe's rest
    if not made and not dishes and recipe_part(question) in ("when", "why"):  # 虾煮好了为啥要泡冰水: the recipe
        made = dishes_made_of([t for p, _ in products for t in product_terms([p]).get(p.sku, [])], sources)  # of 黑虎虾
    if made and recipe_part(question) in ("when", "why") and (recipe := dish_answer(question, made[0][0], kb, options)):
        return recipe  # 牛腩炖土豆啥时候放土豆: no pack says when something goes in, or why
    if dishes and recipe_part(question) == "servings" and (recipe := dish_answer(question, dishes[0][0], kb, options)):
        return recipe  # 四口人做红烧五花肉，五花肉买几盒: the recipe's portions (the pack's size is added after)
    same_name = any(t == d for _, t in products for _, d in dishes)  # 自己包的三鲜水饺: a pack named like the dish
    if same_name and HOME_COOKING.search(question) and (recipe := dish_answer(question, dishes[0][0], kb, options)):
        return recipe  # …吃不完怎么冻: the home recipe's note, not the frozen pack's
    timing = recipe_part(question) == "time" and bool(made)
    found = None
    if products and catalog_first(question, products, dishes, attrs):
        measure = unknown_measure(question, kb)
        if measure and not any(ch in p.describe() for p, _ in products for ch in measure):  # 度数 of 酒精度约1%
            return _handoff(options, "not_in_knowledge", measure)  # 糖度有多少: no field measures it
        unstated = [m.group(0) for m in _UNSTATED.finditer(question)
                    if not any(m.group(0)[:2] in p.describe() for p, _ in products)]
        if unstated:  # 每100克有多少蛋白质, 是不是转基因的: a nutrient or claim the listing never states
            return _handoff(options, "not_in_knowledge", unstated[0])
        records = [m.group(0) for m in _BATCH_RECORDS.finditer(question)
                   if not any(m.group(0) in p.describe() for p, _ in products)]
        if records:  # 能告诉我生产日期吗: a batch's date or papers, which no listing holds unless it says so
            return _handoff(options, "not_in_knowledge", records[0])
        found = catalog_answer(question, products, attrs)
        cooking = made and recipe_part(question) in ("steps", "temperature", "count") and "made_of" not in attrs  # not 怎么腌的
        cooking = cooking or bool(made and _HOW_THAWED.search(question))  # 怎么解冻能拿热水泡吗: the recipe may say
        # 全熟的羊排每面多煎多久, 鸡翅中用空气炸锅怎么炸: the recipe when it shares more of the question than the pack's
        # words; a pack bought (速冻水饺…第一次买) keeps its own time
        if found and (timing or cooking) and not bought_pack(question):
            found = closer_answer(question, found, dish_answer(question, made[0][0], kb, options),
                                  [made[0][1], *(p.name for p, _ in products), *(t for _, t in products)])
        timed = bool(found and _PERIOD.search(found.answer)) and (  # a pack bought (买的那盒…怎么热) keeps its label's time
            bought_pack(question) or names_the_action(question, found.answer, dish_names(sources))
            or any(a in _KEEPING for a in attrs))  # 开了袋能搁几天: how long it keeps, the listing's 3天内吃完
        if found and not (recipe_part(question) == "time" and not timed):
            return _with_streams(found, question, kb, sources, options)  # no time in it: a recipe's time
        dish = dishes[0][1] if dishes else ""
        if not found and dish and sold_as_the_dish(question, products, dish) and about_contents(question, dish):
            return _handoff(options, "not_in_knowledge", "product fact not in the catalog")  # not the recipe's 冰糖
    if "stock" in attrs and not products:
        return _handoff(options, "not_in_knowledge", "no product")  # 有皮蛋卖吗，想做上汤娃娃菜: the recipe sells nothing
    preparing = bool(made) and not found and recipe_part(question) in ("steps", "count")  # 梅干菜怎么处理: the pack says nothing
    if (dishes or timing or preparing) and (recipe := dish_answer(question, (dishes or made)[0][0], kb, options)):
        return recipe  # a dish named, or the one recipe made of the product for a time or a step the pack lacks
    retrieved = retrieved_answer(question, kb, llm, options, product_named=bool(products) and not dishes)
    return found if found and retrieved.handoff else retrieved  # no recipe states the time: the pack's own words


def asked_of(question: str, products: list) -> list:
    """The products a question is about: a name the resident is allergic to (米粉对牛奶过敏: 牛奶) is no
    product asked about; a name after a contains cue that follows the first product
    (酱香饼里有芝麻吗: 芝麻 of 芝麻汤圆) is the thing asked about, not a second product."""
    if len(products) < 2:
        return products
    products = [pt for pt in products if not _ALLERGY_AFTER.match(question, question.find(pt[1]) + len(pt[1]))] or products
    if is_allergy_question(question) or "allergens" in asked_attributes(question):  # 酸奶有没有坚果成分: 坚果 is
        # the allergen asked of 酸奶, not 混合坚果; 哪个有芝麻 of two products
        products = products[:1] + [pt for pt in products[1:] if not canonical_names(pt[1])]  # 花生酱 is a product
    start = question.find(products[0][1]) + len(products[0][1])
    cue = CONTENT_Q.search(question, start)
    if cue is None:
        return products
    return [pt for pt in products if not _in_clause_after(question, cue.end(), question.find(pt[1]))]


def _in_clause_after(question: str, start: int, at: int) -> bool:
    """Position `at` follows `start` within the same clause (no punctuation between them)."""
    return at >= start and not _CLAUSE_BREAK.search(question[start:at])


def whole_word(question: str, term: str) -> bool:
    """The term is a whole word of the question, not the start of a longer one (玉米 in 玉米油)."""
    at, edges, pos = question.find(term), set(), 0
    for token in cut(question):
        edges.add(pos)
        pos += len(token)
    end = at + len(term)
    return at in edges and (end in edges or end == len(question) or question[end] in _WORD_AFTER_NAME)


def known_names(catalog: list, sources: list[SourceInfo]) -> list[str]:
    """Every name a question may misspell: the products' terms, the food words they hold, the dishes' names."""
    terms = [t for ts in product_terms(catalog).values() for t in ts]
    return terms + food_words(terms) + [dish_name(s.title) for s in sources if s.kind == "recipe"]


def recipe_ingredients(kb: Retriever, sources: list[SourceInfo]) -> set[str]:
    """Every name on every recipe's ingredient and quantity lines."""
    return {n for s in sources if s.kind == "recipe" for n in ingredient_names(kb.source_chunks(s.id))}


def _with_streams(answer: Answer, question: str, kb: Retriever, sources: list[SourceInfo],
                  options: AskOptions) -> Answer:
    """The catalog answers; what the leader said on stream about it is cited after (a search only
    for tenants whose knowledge holds recordings)."""
    if not any(s.kind == "transcript" for s in sources):
        return answer
    said = [h for h in kb.search(question, options.top_k) if h.kind == "transcript"][:1]
    answer.sources += [Source(h.id, h.title, h.kind, round(h.score, 4), h.snippet) for h in said]
    return answer


def closer_answer(question: str, found: Answer, other: Answer | None, names: list[str] = ()) -> Answer:
    """`other` when it shares more of the question's character pairs than `found` (ties: `found`); the product's
    and the dish's names count in neither (适合空气炸锅鸡翅中 names the dish, it does not say how to fry it)."""
    if other is None:
        return found
    question, mine, theirs = (mask_names(t, names) for t in (question, found.answer, other.answer))
    return other if shared_pairs(question, theirs) > shared_pairs(question, mine) else found


def dish_answer(question: str, info: SourceInfo, kb: Retriever, options: AskOptions) -> Answer | None:
    chunks = kb.source_chunks(info.id)
    text = recipe_answer(question, chunks, info.title, options.recipe_max_chars)
    text = text or quoted_sentences(question, chunks, info.title, options.max_chars)
    if not text:
        return None
    snippet = chunks[0].snippet if chunks else ""
    return Answer(f"{info.title}：{text}" + cite([info.title]), [Source(info.id, info.title, "recipe", 1.0, snippet)],
                  mode="recipe")


def retrieved_answer(question: str, kb: Retriever, llm: LLM | None, options: AskOptions,
                     product_named: bool = False) -> Answer:
    """The answer from the best source that covers the question. When the question names a product
    its catalog entry could not answer, a recipe may answer only a cooking question (炸几分钟), never
    a fact about the product (是腌好的吗: a recipe's 泰森的是腌好的 is another brand)."""
    hits = kb.search(question, options.top_k)
    sources = group_sources(question, hits, kb)[: options.max_sources]
    primary, reason, detail = choose_source(sources, options)
    if primary is None:
        return _handoff(options, reason, detail)
    if any(a in SOLD_FACTS for a in asked_attributes(question)) and (primary.kind != "product" or not product_named):
        return _handoff(options, "not_in_knowledge", "no product")  # a price asked of a recipe page, or of a
        # product the question does not name (有卖猪肉吗: 土家腊肉 is made of pork, it is not 猪肉 on sale)
    if product_named and primary.kind == "recipe" and recipe_part(question) in ("any", "contains"):
        return _handoff(options, "not_in_knowledge", "product fact not in the catalog")
    text, mode = compose(question, primary, kb, llm, options)
    if not text:
        return _handoff(options, "no_answer", primary.id)
    ordered = [primary] + [s for s in sources if s is not primary]
    return Answer(text + cite([primary.title]), [_source(s) for s in ordered], mode=mode)


def choose_source(sources: list[SourceEvidence], options: AskOptions) -> tuple[SourceEvidence | None, str, str]:
    """The best-ranked source that holds every key word of the question, or None and why not."""
    if not sources:
        return None, "no_match", ""
    for source in sources:
        if source.missing_nouns:
            continue  # it lacks a word the question is about (停电 is not in a dumpling's entry)
        if source.coverage >= options.min_coverage and source.vector_score >= options.min_vector_score:
            return source, "", ""
    missing = set.intersection(*(set(s.missing_nouns) for s in sources))
    if missing:
        return None, "not_in_knowledge", ",".join(sorted(missing))
    best = max(sources, key=lambda s: s.coverage)
    return None, "low_coverage", f"coverage {best.coverage:.2f}, vector {best.vector_score:.2f}"


def compose(question: str, source: SourceEvidence, kb: Retriever, llm: LLM | None, options: AskOptions) -> tuple[str, str]:
    """The answer text from the source's own data, and how it was made."""
    if source.kind == "product" and source.top.meta.get("fields"):
        found = catalog_answer(question, named_products(source.title, catalog_products(_infos(source))),
                               asked_attributes(question))
        return (found.answer.rpartition("（来源")[0], "catalog") if found else ("", "handoff")
    if source.kind == "recipe":
        chunks = kb.source_chunks(source.id) or source.hits
        text = recipe_answer(question, chunks, source.title, options.recipe_max_chars)
        text = text or quoted_sentences(question, chunks, source.title, options.max_chars)
        return (f"{source.title}：{text}" if text else "", "recipe")
    text = quoted_sentences(question, source.hits, source.title, options.max_chars - len(source.title) - 12)
    if source.kind == "transcript":
        return (f"直播里说：「{text.rstrip('。')}」" if text else "", "transcript")
    if text and llm is not None and options.use_llm and (better := polish(question, text, source, llm, options)):
        return fit(better, options.max_chars), "llm"
    return (f"{source.title}：{text}" if text else "", "extractive")


def _infos(source: SourceEvidence) -> list[SourceInfo]:
    return [SourceInfo(source.id, source.title, "product", dict(source.top.meta))]


def _source(s: SourceEvidence) -> Source:
    top: Hit = s.top
    return Source(s.id, s.title, s.kind, round(top.score, 4), top.snippet)


def _handoff(options: AskOptions, reason: str, detail: str = "") -> Answer:
    return Answer(options.handoff_message, [], handoff=True, reason=reason, detail=detail, mode="handoff")
