"""Whether a question names the pack sold here or the dish cooked at home, when it names both (a product
and a recipe of the same or an overlapping name): the catalog-vs-recipe decision of answer.py."""

from __future__ import annotations

import re

from pipelines.catalog.terms import split_name
from pipelines.qa.attributes import CATALOG_ONLY, is_yes_no, recipe_part
from pipelines.qa.dishes import HOME
from pipelines.qa.products import CONTENT_Q
from pipelines.zh import pos_cut

_HAS = re.compile(r"有没有|有无|有[^，。？?]{1,6}(吗|么|嘛|没)")  # 有没有防腐剂: what the pack holds
_PACK_SUFFIX = re.compile(r"(预制菜|半成品|料理包|调理包|快手菜)$")
# Thawing and cooking straight from frozen, as frozen-food labels and residents say it (解冻, 化冻, 直接下锅/煎/蒸).
_THAW = re.compile(r"解冻|化冻|冻着|直接(下锅|煮|煎|蒸|炸|烤)")
_FROZEN = re.compile(r"冷冻|速冻|-18")
# How residents point at the pack they bought or will buy, not a dish they cook (group-chat phrasing).
_SHOP_FROZEN = re.compile(r"速冻|刚买")  # a pack frozen by the maker, or just bought
_BOUGHT = re.compile(r"买的|买了|买回|团的|收到的|拿到的|你们(的|家|卖的)|这个|这款|这袋|这盒")


# 鸡翅中一份几斤, 水果玉米一份几根: what one pack on sale holds (一份放几根 asks the recipe's portion)
_ONE_PACK = re.compile(r"一(份|袋|盒|包|箱|桶|瓶)(有|是|装)?(几斤|多重|多少克|多少斤|多大|几两|几根|几个|几只|几片|几块|几枚)")


def catalog_first(question: str, products: list, dishes: list, attrs: list[str]) -> bool:
    """A product named only inside the dish's name (排骨 in 土豆炖排骨) is an ingredient of the dish; a
    price, size or date is a catalog question; otherwise the longer name wins (西红柿炒鸡蛋 is a dish),
    and a product named exactly like the dish loses when the question asks for a recipe part (醒多久)."""
    if not dishes:
        return True
    dish = dishes[0][1]
    if sold_as_the_dish(question, products, dish):
        return True
    outside = [term for _, term in products if not inside_name(question, term, dish)]
    if not outside:
        return False
    if any(a in CATALOG_ONLY and a != "spec" for a in attrs):
        return True
    if "spec" in attrs and _ONE_PACK.search(question):
        return True
    if recipe_part(question) in ("amount", "servings"):
        return False  # 戚风蛋糕要几个鸡蛋: the recipe's amount, not the product's pack size
    if recipe_part(question) != "any" and all(term in dish for term in outside):
        return False  # 土豆炖排骨的排骨要用多少克: the dish's ingredient, in the dish's amounts
    if "spec" in attrs:
        return True
    longest = max(len(term) for term in outside)
    return longest > len(dish) or sold_as_the_dish(question, products, dish)


def sold_as_the_dish(question: str, products: list, dish: str) -> bool:
    """A product named exactly like a dish (梅干菜扣肉 the pack, 梅干菜扣肉 the recipe): what is in it is a
    question about the pack bought here, not about a home recipe; a time, amount or step is the recipe's."""
    same = any(term == dish or _dish_pack(split_name(p.name)[0]) == dish for p, term in products)
    if any(term != dish and _dish_pack(term) == dish for _, term in products):
        return True  # 酸菜鱼预制菜要加多少水: the resident named the pack itself, not the dish
    if HOME.search(question):
        return False  # 自己包的饺子, 做扣肉的时候: the dish cooked at home
    made = [w for w, _ in pos_cut(question.replace(dish, " ")) if _MADE_PART.search(w)]
    if any(not any(w in p.describe() for p, _ in products) for w in made):
        return False  # 宫保鸡丁的碗汁放些啥: a sauce the cook mixes, which the pack's listing never names
    asked = recipe_part(question) == "any" or about_contents(question, dish) or _BOUGHT.search(question)
    return same and bool(asked or _thawing_a_frozen_pack(question, products))  # 买的酱香饼怎么煎: the pack


# What a cook makes along the way (碗汁, 调料汁, 面糊, 馅儿, 面团): a part of a home recipe, not of a pack.
_MADE_PART = re.compile(r"^[\u4e00-\u9fff]{0,2}(汁|糊|馅|面团)$")


def bought_pack(question: str) -> bool:
    """The resident speaks of the pack as bought (买的, 第一次买) or frozen from the shop (速冻): its label's cooking
    words answer before a home recipe's."""
    return bool(_BOUGHT.search(question) or _SHOP_FROZEN.search(question))


def _thawing_a_frozen_pack(question: str, products: list) -> bool:
    """要先解冻吗, 直接下锅: thawing is a question about a frozen pack (冷冻/速冻 on its label), not a home recipe."""
    return bool(_THAW.search(question)) and any(_FROZEN.search(p.describe()) for p, _ in products)


def _dish_pack(core: str) -> str:
    """The dish a pack is sold as: 宫保鸡丁预制菜 is 宫保鸡丁, as a pre-made dish is labelled (预制菜, 半成品,
    料理包, 调理包 are the retail words for it)."""
    return _PACK_SUFFIX.sub("", core) or core


def about_contents(question: str, dish: str) -> bool:
    """What something holds (有没有加糖, 加了调料吗), not a cooking time, amount or step."""
    part = recipe_part(question)
    holds = CONTENT_Q.search(question.replace(dish, " ")) or _HAS.search(question.replace(dish, " "))
    return bool(holds) and (part in ("any", "contains") or (part == "ingredients" and is_yes_no(question)))


def inside_name(question: str, term: str, name: str) -> bool:
    """Every mention of `term` lies within a mention of the longer `name`."""
    if len(term) >= len(name):
        return False
    spans = [(m, m + len(name)) for m in _positions(question, name)]
    return all(any(s <= m and m + len(term) <= e for s, e in spans) for m in _positions(question, term))


def _positions(text: str, word: str) -> list[int]:
    return [i for i in range(len(text)) if text.startswith(word, i)]
