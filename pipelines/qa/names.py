"""How residents name things beyond the catalog's own words: category words and homophone typos.

A category word (牛肉, 食用油) names the one product whose name holds one of its kinds
(pipelines/catalog/aliases.toml). A homophone typo is what a pinyin keyboard produces: the same
syllables with one character picked wrong (乔麦面 for 荞麦面, 鸡围虾 for 基围虾); it is corrected to
the known name before anything else reads the question.
"""

from __future__ import annotations

from pipelines.catalog import Product
from pipelines.catalog.terms import split_name
from pipelines.catalog.vocabulary import aliases_of, categories
from pipelines.zh import to_pinyin

CUT_SUFFIXES = ("中", "段", "块", "片", "丁", "丝", "条", "中段", "尖", "根")
MIN_TYPO_CHARS = 3  # two-character words share pinyin too often (实施/事实) to correct them


def category_products(question: str, products: list[Product]) -> list[tuple[Product, str]]:
    """(product, category word) for each category word in the question that fits exactly one product:
    the one whose name ends with a kind of that category (it is one, not made with one)."""
    found = []
    for word, kinds in categories().items():
        if word not in question:
            continue
        heads = [p for p in products if any(is_head(kind, split_name(p.name)[0]) for kind in kinds)]
        if len(heads) == 1:  # 蘑菇: 干香菇 is one, 菌菇汤底 is a soup base; 水果 is not 黄桃罐头
            found.append((heads[0], word))
    return found


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
    """The question with each homophone misspelling of a known name replaced by the name."""
    for name in sorted({n for n in names if len(n) >= MIN_TYPO_CHARS}, key=len, reverse=True):
        if name in question:
            continue
        sound = to_pinyin(name)
        for start in range(len(question) - len(name) + 1):
            window = question[start:start + len(name)]
            if _one_char_off(window, name) and to_pinyin(window) == sound:
                question = question[:start] + name + question[start + len(name):]
                break
    return question


def _one_char_off(window: str, name: str) -> bool:
    return sum(a != b for a, b in zip(window, name)) == 1
