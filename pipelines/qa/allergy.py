"""The allergen answer for one product: the catalog's allergen column in its own words, whether it holds
the allergen the resident named, and allergens the selling points name that the column leaves out."""

from __future__ import annotations

import re

from pipelines.catalog import Product
from pipelines.facts import asked_allergens, canonical_names
from pipelines.facts.allergens import allergen_mentions, named_allergens
from pipelines.qa.groups import outside_name

_INTOLERANT = re.compile(r"不耐")  # 乳糖不耐(受): digesting it, not an allergy to it
_CLAUSE = re.compile(r"[，,；;。]")
_FREE_OF = re.compile(r"不掺|不含|不加|无添加|未添加|没有")
_SOLE_INGREDIENT = re.compile(r"只用|仅用|仅含|只含|一种原料|单一原料|配料(只有|仅)|100%|百分百|百分之百"  # how labels claim one ingredient
                              r"|纯(?!手工|天然|正|粮)[\u4e00-\u9fff]{1,3}(磨制|压榨|酿造|熬制|制成|磨成)")  # 纯芝麻磨制
_NO_ALLERGENS = ("无", "没有", "不含", "暂无")  # how a catalog writes "none" in the allergen column


def allergen_sentence(question: str, product: Product) -> str:
    """The catalog's allergen list, whether it holds the allergen the resident named (a listed 含麸质 holds
    小麦), and any allergen the other fields name that the list leaves out (a list of 无 on 海苔夹芝麻)."""
    listed = [a for a in product.allergens if a not in _NO_ALLERGENS]
    text = f"标注的过敏原：{'、'.join(listed) if listed else '无'}"
    asked = (asked_allergens(_without_name(question, product.name)) or asked_allergens(outside_name(question, product.name))
             or asked_allergens(question))  # 花生过敏吃芝麻酱: 花生; 吃芝麻会起疙瘩，芝麻酱能吃吗: 芝麻
    said = [w for a in listed for w in (allergen_mentions(a) or [a])]  # 本品为花生制品 -> 花生
    hit = list(dict.fromkeys(w for w in said if set(canonical_names(w)) & set(asked)))
    covered = {n for a in listed for n in (canonical_names(a) or named_allergens(a))}
    unlisted = [w for w in allergen_mentions(product.get("selling_points").replace(";", "，"))
                if not set(canonical_names(w)) <= covered]
    if unlisted:  # the selling points' own words (海苔夹芝麻和杏仁片烘烤), not a list made of them
        clauses = [c for c in _CLAUSE.split(product.get("selling_points").replace(";", "，")) if any(w in c for w in unlisted)]
        text += f"；但卖点里写了：{'，'.join(clauses)}，过敏的话请先看包装配料表"
        if named := [w for w in unlisted if set(canonical_names(w)) & set(asked)]:  # 对芝麻过敏…能吃吧: it names 芝麻
            return text + f"；卖点提到{'、'.join(named)}，过敏的话请不要食用"
    if hit and _INTOLERANT.search(question):  # 乳糖不耐受 is no allergy: the label's own advice, if it has one
        advice = [c for c in _CLAUSE.split(product.get("selling_points")) if _INTOLERANT.search(c)]
        return text + f"，含有{'、'.join(hit)}" + "".join(f"；{c}" for c in advice)
    if hit:
        return text + f"，含有{'、'.join(hit)}，过敏的话请不要食用"
    free = [c for c in _CLAUSE.split(product.get("selling_points")) if (_FREE_OF.search(c) and any(a in c for a in asked))
            or (asked and _SOLE_INGREDIENT.search(c))]  # 不掺花生酱 says so itself; so does 只用花生一种原料
    words = allergen_mentions(outside_name(question, product.name)) or asked  # the resident's word: 海鲜, not its classes
    unnamed = f"，未标注{'、'.join(dict.fromkeys(words))}" if asked else ""  # 大豆过敏吃花生酱: say the label's silence
    return text + unnamed + "".join(f"；{c}" for c in free) + ("，具体请以包装标签为准" if asked else "")


def _without_name(question: str, name: str) -> str:
    """The question without the product's name as written in it (its whole name or a tail of three or more
    characters: 芝麻酱 of 老北京芝麻酱), so a food named outside the name (吃芝麻会起疙瘩) still counts."""
    for start in range(max(1, len(name) - 2)):
        if (tail := name[start:]) in question:
            return question.replace(tail, "　")
    return question
