"""How residents name things beyond the catalog's own words: category words and homophone typos.

A category word (牛肉, 食用油) names the one product whose name holds one of its kinds
(pipelines/catalog/aliases.toml). A homophone typo is what a pinyin keyboard produces: the same
syllables with one character picked wrong (乔麦面 for 荞麦面, 鸡围虾 for 基围虾); it is corrected to
the known name before anything else reads the question.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pipelines.catalog import Product
from pipelines.catalog.terms import split_name
from pipelines.catalog.vocabulary import alias_groups, aliases_of, categories
from pipelines.zh import cut, is_dictionary_word, pos_cut, syllables, to_pinyin

CUT_SUFFIXES = ("中", "段", "块", "片", "丁", "丝", "条", "中段", "尖", "根")
MIN_TYPO_CHARS = 3  # shorter names share pinyin with everyday words too often to correct them anywhere
MIN_DISH_PREFIX = 2  # a dish's short name keeps its cooking method (红烧, 油焖, 白灼: two characters)
# Initials that differ only by aspiration (b/p, d/t, g/k): the near-homophones a resident writes by ear (混沌 for
# 馄饨). Wider confusions (c/ch, r/l) would turn 炒鸡蛋 into 草鸡蛋 and 入味 into 卤味.
_ASPIRATION_PAIRS = ({"b", "p"}, {"d", "t"}, {"g", "k"})
MIN_SHORT_TYPO_CHARS = 2  # ...so a two-character name is corrected only where the misspelling is whole words


def category_products(question: str, products: list[Product]) -> list[tuple[Product, str]]:
    """(product, category word) for each category word in the question that fits exactly one product:
    the one whose name ends with a kind of that category (it is one, not made with one)."""
    found = []
    for word, kinds in categories().items():
        if word not in question or pointed_at(question, word):
            continue
        heads = [p for p in products if any(is_head(kind, split_name(p.name)[0]) for kind in kinds)]
        if len(heads) == 1:  # 蘑菇: 干香菇 is one, 菌菇汤底 is a soup base; 水果 is not 黄桃罐头
            found.append((heads[0], word))
    return found


def pointed_at(question: str, word: str) -> bool:
    """菜 or 饭 after a demonstrative (这菜从头到尾得弄多久, 这道菜) is the dish being talked about, not a vegetable
    on sale (那个油 still points at the oil)."""
    return word in ("菜", "饭") and bool(re.search(rf"[这那此该][个道]?{word}", question))


def names_what_it_is(term: str, product: Product) -> bool:
    """`term` says what the product is, not what it is made with: the head of its name (or an everyday
    alias of the head: 番茄 for 西红柿), or a category word (牛肉 for 谷饲牛腩); 红糖 is not 红糖馒头."""
    core = split_name(product.name)[0]
    return term in categories() or any(is_head(t, core) for t in (term, *aliases_of(term)))


def is_head(kind: str, core: str) -> bool:
    """`kind` is what the product is: Chinese names are head-final, and a cut-form suffix (中, 段,
    块: butchers' and fishmongers' words for a piece) may follow it (空气炸锅鸡翅中)."""
    return core.endswith(kind) or (kind in core and core.rpartition(kind)[2] in CUT_SUFFIXES)


def correct_typos(question: str, names: list[str]) -> str:
    """The question with each homophone misspelling of a known name replaced by the name. A two-character
    name (蜂蜜, 枸杞) is corrected only where the misspelling is whole words of the question (蜂密, 狗|杞),
    never part of a longer word: 有条件 is 有|条件, not a misspelt 油条."""
    known = set(names)
    for name in sorted({n for n in names if len(n) >= MIN_SHORT_TYPO_CHARS}, key=len, reverse=True):
        if name in question:
            continue
        sound, edges = to_pinyin(name), _word_edges(question, guess=False) if len(name) < MIN_TYPO_CHARS else None
        for start in range(len(question) - len(name) + 1):
            window = question[start:start + len(name)]
            if window in known or (edges is not None and (start not in edges or start + len(name) not in edges)):
                continue  # a name the knowledge itself writes (胡萝卜 beside the recipe's 胡箩卜) is no slip
            if _sounds_like(window, name, sound):
                question = question[:start] + name + question[start + len(name):]
                break
    return question


def _word_edges(text: str, guess: bool = True) -> set[int]:
    """The positions where a word of `text` starts or ends; without `guess`, only dictionary words hold together
    (a slip is no word: jieba's guess glues 齐橙到 of 齐橙到了)."""
    edges, pos = {0}, 0
    for token in cut(text, hmm=guess):
        pos += len(token)
        edges.add(pos)
    return edges


# jieba's unknown-word guess glues a lone noun to the modal after it (鸭要, 肉能): the edge between them.
_GLUED_MODAL = re.compile(r"^[\u4e00-\u9fff](要|能|可|会|是|有|还|也|都|得|该)$")


def _glued_edges(text: str) -> set[int]:
    edges, pos = set(), 0
    for token in cut(text):
        if _GLUED_MODAL.match(token) and not is_dictionary_word(token):
            edges.add(pos + 1)
        pos += len(token)
    return edges


def _one_char_off(window: str, name: str) -> bool:
    return sum(a != b for a, b in zip(window, name)) == 1


def _sounds_like(window: str, name: str, sound: tuple[str, ...]) -> bool:
    """A pinyin keyboard's slip: one character picked wrong for the same syllable; a name of three or more
    characters typed with the same syllables throughout (鸡尾虾 for 基围虾: no character right, the sound exact);
    or one syllable off only by aspiration (混沌 hun dun for 馄饨 hun tun)."""
    heard = to_pinyin(window)
    if heard == sound:
        return _one_char_off(window, name) or len(name) >= MIN_TYPO_CHARS
    off = [i for i, (a, b) in enumerate(zip(heard, sound)) if a != b]
    if len(off) != 1 or window[off[0]] == name[off[0]]:
        return False
    a, b = syllables(window[off[0]])[0], syllables(name[off[0]])[0]
    return a.final == b.final and {a.initial, b.initial} in _ASPIRATION_PAIRS


def expand_short_dish_names(question: str, dishes: list[str], known: list[str]) -> str:
    """The question with a dish's everyday short name replaced by the recipe's full name. Residents drop the
    middle of a dish name and keep its cooking method and head noun (红烧肉 for 红烧五花肉, 油焖笋 for 油焖春笋,
    土豆牛腩 for 土豆炖牛腩); a short form is used only when it fits one dish and is no other known name."""
    if any(d in question for d in dishes):
        return question
    return _expand_unique_short_form(question, dishes, set(known), whole_words=False)


def expand_dish_heads(question: str, dishes: list[str], known: list[str], ingredients: Callable[[], set[str]]) -> str:
    """The question with a dish called by its head alone (凉面 for 麻酱凉面: the flavour dropped, as residents do)
    spelled in full: a tail of two or more characters that is whole words of the question, ends one dish only, and
    is no known name, food word or ingredient of any recipe (排骨 of 土豆炖排骨 is the meat, not the dish)."""
    if any(d in question for d in dishes):
        return question
    for dish in dishes:  # 鸡蛋羹微波炉版, 鸡蛋羹的微波炉做法: the head named first, then the way it is made
        for start in range(2, len(dish)):  # 酿青椒 for 青椒酿: verb and object either way round
            version = "" if len(dish) - start == 1 else "(?=版|做法|式)"  # 鸡翅中空气炸锅要几分钟 says how, in the pot
            if found := re.search(f"{re.escape(dish[start:])}的?{re.escape(dish[:start])}{version}", question):
                return question.replace(found.group(0), dish, 1)
            if start > 2 and (found := re.search(f"{re.escape(dish[:start])}(做|版的?|的)"  # 微波炉做鸡蛋羹: the way,
                                                 f"{re.escape(dish[start:])}", question)):  # then the dish
                return question.replace(found.group(0), dish, 1)
    edges = _word_edges(question) | _glued_edges(question)  # jieba's guess glues 鸭要 of 啤酒鸭要倒多少啤酒
    owners: dict[str, set[str]] = {}
    for dish in dishes:
        for start in range(1, len(dish) - 1):
            owners.setdefault(dish[start:], set()).add(dish)
    taken = set(known) | {w for group in alias_groups() for w in group} | set(categories())
    for head in sorted(owners, key=len, reverse=True):
        at = question.find(head)
        if len(owners[head]) == 1 and head not in taken and at in edges and at + len(head) in edges \
                and (len(head) >= 4 or not _noun_follows(question, at + len(head))) and head not in ingredients():
            # 蒸肉 of 蒸肉粉 modifies the noun after it; 巴斯克芝士蛋糕 before 烤箱 is a name of its own
            return question.replace(head, next(iter(owners[head])), 1)
    return question


def _noun_follows(question: str, end: int) -> bool:
    """A noun right after position `end` makes the words before it its modifier (蒸肉 in 蒸肉粉), not a name."""
    tagged = pos_cut(question[end:])
    return bool(tagged) and tagged[0][1].startswith("n")


def expand_short_product_names(question: str, names: list[str], known: list[str]) -> str:
    """The question with a product's short name (a prefix of two or more characters, often its place, joined
    to the end of its head: 五常米 for 五常稻花香大米) replaced by the name, as for dishes; only a short name that
    is whole words of the question, fits one product and is no other known name."""
    return _expand_unique_short_form(question, names, set(known), whole_words=True)


def _expand_unique_short_form(question: str, names: list[str], taken: set[str], whole_words: bool) -> str:
    """The question with the longest short form that fits one of `names` and is no taken name spelled in full."""
    owners: dict[str, set[str]] = {}
    for name in names:
        for short in _short_forms(name):
            owners.setdefault(short, set()).add(name)
    edges = _word_edges(question) if whole_words else set()
    for short in sorted(owners, key=len, reverse=True):
        at = question.find(short)
        fits = at >= 0 and (not whole_words or (at in edges and at + len(short) in edges))
        if len(owners[short]) == 1 and short not in taken and fits:
            return question.replace(short, next(iter(owners[short])), 1)
    return question


def food_words(terms: list[str]) -> list[str]:
    """The everyday food words (aliases.toml's groups) that the terms hold: 馄饨 in 大馄饨, a name residents
    misspell on its own (混沌) as well as the product's terms."""
    return [w for group in alias_groups() for w in group if len(w) > 1 and any(w in t for t in terms)]


def respell_dish_aliases(question: str, dishes: list[str]) -> str:
    """The question with a dish named in other everyday words (番茄土豆炖牛肉, 马铃薯炖排骨) spelled as the
    recipe spells it (西红柿土豆炖牛肉, 土豆炖排骨), so the recipe is found (aliases.toml's groups)."""
    if any(d in question for d in dishes):
        return question
    for dish in sorted(dishes, key=len, reverse=True):
        for spelling in _alias_spellings(dish):
            if spelling in question:
                return question.replace(spelling, dish, 1)
    return question


def respell_short_aliases(question: str, dishes: list[str], known: list[str]) -> str:
    """The question with a dish named by an alias and a short form at once (番茄炒蛋: 番茄 for 西红柿, 蛋 for 鸡蛋)
    spelled as the recipe spells it: the alias swapped for a dish's word, then the short form expanded."""
    if any(d in question for d in dishes):
        return question
    for word in [w for group in alias_groups() for w in group if len(w) > 1 and w in question]:
        for other in aliases_of(word):
            if any(other in d for d in dishes):
                found = expand_short_dish_names(question.replace(word, other, 1), dishes, known)
                if any(d in found for d in dishes):
                    return found
    return question


def _alias_spellings(dish: str) -> list[str]:
    """The dish's name with one food word in it swapped for an everyday alias (at most one swap per word), and
    two foods stewed or fried together named the other way round (排骨炖土豆 for 土豆炖排骨)."""
    words = [w for group in alias_groups() for w in group if len(w) > 1 and w in dish]
    swapped = [f"{m.group(3)}{m.group(2)}{m.group(1)}" for m in [_TWO_FOODS.fullmatch(dish)] if m]
    return [dish.replace(w, other, 1) for w in words for other in aliases_of(w) if other not in dish] + swapped


# Two foods joined by how they are cooked together (土豆炖排骨, 茄子烧豆角): residents name either first.
_TWO_FOODS = re.compile(r"([\u4e00-\u9fff]{2,3})([炖烧焖炒烩配拌])([\u4e00-\u9fff]{2,3})")


def _short_forms(dish: str) -> set[str]:
    """A prefix of two or more characters joined to a suffix, with the middle left out: 红烧 + 肉; and the same of the
    name without its style (日式肥牛丼饭 -> 肥牛饭: residents drop the 日式 as well as the 丼)."""
    n = len(dish)
    forms = {dish[:i] + dish[j:] for i in range(MIN_DISH_PREFIX, n - 1) for j in range(i + 1, n)
             if n - j + i >= MIN_TYPO_CHARS}
    if (style := _STYLE.match(dish)) and len(core := dish[style.end():]) >= 2:
        forms |= {core} | (_short_forms(core) if len(core) > MIN_TYPO_CHARS else set())  # 家常豆腐 -> 豆腐
    return forms


# A dish's style before its name: a cuisine (日式, 港式, 川味) or a home style (家常, 乡村, 农家, 秘制), from Chinese menu
# naming; what the dish is follows it.
_STYLE = re.compile(r"^([\u4e00-\u9fff]{1,2}[式味]|家常|乡村|农家|秘制|古法|传统|私房|老式)")
