"""A message about several subjects: which subjects each question names, the answers per question put
together when the whole message's answer lacks one (only from sources the message names), and a named
pack's price, stock or arrival in front of a recipe's answer."""

from __future__ import annotations

import re

from pipelines.catalog import product_terms
from pipelines.qa.attributes import CATALOG_ONLY, asked_attributes
from pipelines.qa.dishes import named_dishes
from pipelines.qa.message import A_NOT_A, asks
from pipelines.qa.products import named_products
from pipelines.qa.recipe_text import dish_name
from pipelines.qa.result import Answer, catalog_answer, cite, cited_titles
from pipelines.qa.routing import inside_name, sold_as_the_dish
from pipelines.qa.scope import service_offered
from pipelines.retrieval import SourceInfo

SOLD_FACTS = ("price", "arrival", "stock")  # facts only a product in the catalog has


def subjects(text: str, catalog: list, sources: list[SourceInfo]) -> list[tuple[str, bool]]:
    return [(t, False) for _, t in named_products(text, catalog)] + [(d, True) for _, d in named_dishes(text, sources)]


def dishes_only(text: str, catalog: list, sources: list[SourceInfo]) -> list[str]:
    """The dishes a question names when it names no product outside their names (酸菜 in 猪肉烩酸菜 is the dish's);
    a dish inside a longer one's name is the longer one."""
    names = [d for _, d in named_dishes(text, sources)]
    names = [d for d in names if not any(d != o and d in o for o in names)]
    if any(not any(inside_name(text, t, d) for d in names) for _, t in named_products(text, catalog)):
        return []
    return names


def combined(whole: Answer, answers: list[Answer], question: str, unnamed: list[bool]) -> Answer:
    """One answer per question of the message, when each has one from a source the message names (or, for a
    question naming no subject, the source that answers it) and the whole message's answer lacks some."""
    if any(a.handoff for a in answers) or all(_cited(a) <= _cited(whole) for a in answers):
        return whole  # the same sources: the whole message's answer reads them with all its context
    if any(a.mode != "catalog" and dish_name(a.sources[0].title) not in question and not alone
           for a, alone in zip(answers, unnamed)):
        return whole  # 温泉蛋…鸡蛋放进去泡多久: 鸡蛋 is the dish's egg, not a question for another recipe
    facts = [a.answer.rpartition("（来源")[0].partition("：")[2].rstrip("。") for a in answers]
    if not whole.handoff and all(f and f in whole.answer for f in facts):
        return whole
    texts = list(dict.fromkeys(a.answer.rpartition("（来源")[0].rstrip("。") for a in answers))
    texts = [t.removeprefix(texts[i - 1].partition("：")[0] + "：") if i and "：" in texts[i - 1] else t
             for i, t in enumerate(texts)]  # 胡萝卜甜糕的做法：… once, not before each of its answers
    cited = list({s.id: s for a in answers for s in a.sources}.values())
    titles = [t for a in answers for t in cited_titles(a.answer)]
    return Answer("。".join(texts) + "。" + cite(titles), cited, mode=answers[0].mode)


# 买一袋够不够, 买几盒, 一盒能做几杯: the pack's size
_PACK_ENOUGH = re.compile(r"[一两二三几](份|袋|盒|包|箱|瓶|罐|桶)[^，,。？?]{0,6}够|(买|要|订|拿)几(份|袋|盒|包|箱|瓶|罐|桶|斤)"
                          r"|[一两](份|袋|盒|包|箱|瓶|罐|桶)(能|可以)?[做用吃装蒸煮炒泡冲拌腌调](几|多少)"
                          r"|[一每](份|袋|盒|包|箱|瓶|罐|桶)(大概|大约|约|有|是)*(多少|几)[只个块片根条枚斤克张串颗粒]"  # 一盒多少只
                          r"|[一每](份|袋|盒|包|箱|瓶|罐|桶)(大概|大约|约|有|是)*(多少|多重|多大)(?=$|[\s，,。？?！!])")  # 一份多少


def with_pack_facts(found: Answer, question: str, catalog: list, sources: list[SourceInfo]) -> Answer:
    """A recipe's answer to a message that also asks a price, stock or arrival of a product it names outside the
    dish's name (想买牛腩回来做西红柿土豆炖牛肉 牛腩一份多少钱 这菜得弄多久): the pack's facts come first."""
    if found.mode != "recipe":
        return found
    sold = [a for a in asked_attributes(question) if a in SOLD_FACTS]
    sold += ["spec"] if _PACK_ENOUGH.search(question) else []
    dishes = [d for _, d in named_dishes(question, sources)]
    products = [(p, t) for p, t in named_products(question, catalog)  # 做鸡蛋羹一份用几个蛋: a lone 蛋 is the dish's
                if len(t) > 1 and not any(inside_name(question, t, d) for d in dishes)]
    pack = catalog_answer(question, products, sold) if products and sold else None
    found_dish = [dish_name(found.sources[0].title)] if found.sources else []  # the recipe retrieval found
    pack = pack or (_own_clause_pack(question, products, dishes or found_dish) if dishes or found_dish else None)
    return found if pack is None else _pack_before(pack, found)


def _pack_before(pack: Answer, found: Answer) -> Answer:
    """The pack's facts, then the recipe's answer, citing both."""
    text = pack.answer.rpartition("（来源")[0] + found.answer.rpartition("（来源")[0]
    titles = [s.title for s in pack.sources] + [found.sources[0].title]
    return Answer(text + cite(titles), pack.sources + found.sources, mode="recipe")


def with_own_clause_pack(found: Answer, question: str, catalog: list, sources: list[SourceInfo]) -> Answer:
    """A recipe's answer to one question of several, with the pack's facts a clause of it asks of a product it names
    (酱香饼一袋几张，自己做的话酱料用哪几种酱): only a clause naming the product, never the recipe's 一份."""
    dishes = [d for _, d in named_dishes(question, sources)]
    if found.mode != "recipe" or not dishes:
        return found
    products = [(p, t) for p, t in named_products(question, catalog) if len(t) > 1]
    pack = _own_clause_pack(question, products, dishes, CATALOG_ONLY)  # 虾仁要用多少: the recipe's, no pack fact
    return found if pack is None else _pack_before(pack, found)


def _cited(answer: Answer) -> set[str]:
    """The sources an answer is read from: a catalog answer's products, else its first (the rest were retrieved too)."""
    if answer.mode == "catalog":  # its products (a retrieved catalog answer lists the recipes it passed over too)
        return {s.id for s in answer.sources if s.kind == "product"}
    return {s.id for s in answer.sources[:1]}


_CLAUSE = re.compile(r"[，,。？?！!；;\s]+")
_PACK_WORD = re.compile(r"[一每这](袋|盒|包|份|箱|瓶|罐|桶|组|提|斤|张)|规格|多重|多大|重量|装")


def _own_clause_pack(question: str, products: list, dishes: list[str], facts: tuple[str, ...] = ()) -> Answer | None:
    """A clause naming a product and no dish, asking what its listing says (蒸张师傅的馒头配个荷包蛋，馒头蒸几分钟，
    荷包蛋转多久: the bun's steaming is its label's), answered from the listing; None when no clause does."""
    for clause in [c for c in _CLAUSE.split(question) if asks(c)]:  # 想拿冷冻虾仁做青椒酿: it tells, asks nothing
        named = [(p, t) for p, t in products  # 糖和水各放多少: a one-character 糖 is the recipe's sugar, no pack
                 if any(len(w) > 1 and w in clause for w in (t, *product_terms([p]).get(p.sku, [])))]
        attrs = [a for a in asked_attributes(clause) if a != "stock" and (not facts or a in facts)
                 and (a != "spec" or _PACK_WORD.search(clause))]  # 几颗丸子 beside a recipe: the recipe's count
        offered = any(service_offered(clause, p.describe()) for p, _ in named)  # 团长能帮忙杀吗: 现场帮忙杀好
        attrs = attrs or (["quoted"] if (A_NOT_A.search(clause) or offered) and not facts else [])
        dish_named = [d for d in dishes if d in clause or d[-2:] in clause]  # 张师傅的红糖馒头蒸之前要不要解冻: the pack
        if named and attrs and all(sold_as_the_dish(clause, named, d) for d in dish_named):
            if found := catalog_answer(clause, named, [a for a in attrs if a != "quoted"]):  # 咸不咸: its own words
                return found
    return None
