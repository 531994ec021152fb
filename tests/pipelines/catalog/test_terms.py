"""Product name -> terms, derived once: the glossary's parts and the terms that identify a product."""

import pytest

from pipelines.catalog import Product, head_terms, load_catalog, name_terms, product_terms
from pipelines.catalog.terms import name_units
from pipelines.catalog.vocabulary import aliases_of, is_modifier, modifiers
from tests.utils.paths import PRODUCTS_CSV


@pytest.fixture(scope="module")
def terms() -> dict[str, list[str]]:
    return product_terms(load_catalog(PRODUCTS_CSV))


@pytest.mark.parametrize("name, units", [
    ("特级初榨橄榄油", ("特级", "初榨", "橄榄油")), ("散养土鸡蛋", ("散养", "土鸡蛋")),
    ("五常稻花香大米", ("五常", "稻花香", "大米")), ("鲜活基围虾", ("鲜活", "基围虾")), ("谷饲牛腩", ("谷饲", "牛腩")),
])
def test_units_glue_loose_characters(name: str, units: tuple[str, ...]) -> None:
    assert name_units(name) == units


@pytest.mark.parametrize("name, expected", [
    ("特级初榨橄榄油", {"特级初榨橄榄油", "橄榄油", "初榨", "特级初榨"}),
    ("沙瓤西红柿", {"西红柿", "沙瓤"}),
    ("五常稻花香大米", {"五常稻花香", "稻花香", "稻花香大米"}),
    ("散养土鸡蛋", {"土鸡蛋", "散养"}),
    ("鲜活基围虾", {"基围虾"}),
    ("手工水饺（猪肉白菜）", {"手工水饺（猪肉白菜）", "手工水饺", "猪肉白菜", "水饺"}),
])
def test_name_terms_include_meaningful_parts(name: str, expected: set[str]) -> None:
    assert expected <= set(name_terms(name))
    assert name_terms(name)[0] == name


@pytest.mark.parametrize("name, junk", [("散养土鸡蛋", "散养土"), ("古法红糖", "法红糖"), ("沙瓤西红柿", "瓤西红")])
def test_name_terms_do_not_cut_inside_words(name: str, junk: str) -> None:
    assert junk not in name_terms(name)


@pytest.mark.parametrize("sku, present, absent", [
    ("WT-001", {"特级初榨橄榄油", "橄榄油", "初榨橄榄油"}, {"特级", "初榨", "特级初榨", "橄榄"}),
    ("WT-003", {"土鸡蛋", "鸡蛋", "柴鸡蛋"}, {"散养"}),
    ("WT-004", {"稻花香", "大米"}, {"五常"}),  # a place of origin qualifies, it does not name
    ("WT-005", {"西红柿", "番茄"}, set()),
    ("WT-007", {"三文鱼"}, {"冰鲜", "中段", "三文"}),
    ("WT-011", {"牛奶", "鲜牛奶", "鲜奶"}, {"低温"}),
    ("WT-013", {"肋排", "排骨"}, set()),
    ("WT-014", {"玉米", "苞米"}, {"甜糯", "水果", "甜糯水果"}),
    ("WT-017", {"咖啡豆"}, {"云南"}),
    ("WT-021", {"水饺", "饺子"}, {"手工", "猪肉"}),
    ("WT-022", {"鸡翅中", "翅中", "鸡中翅"}, {"空气", "炸锅", "空气炸锅"}),
    ("WT-023", {"酸梅汤"}, {"原料", "原料包"}),
])
def test_product_terms(terms: dict[str, list[str]], sku: str, present: set[str], absent: set[str]) -> None:
    assert present <= set(terms[sku]) and not absent & set(terms[sku])


def test_a_term_two_products_share_identifies_neither() -> None:
    catalog = [Product("A", "有机菠菜"), Product("B", "有机菠菜汁"), Product("C", "冷冻菠菜")]
    terms = product_terms(catalog)
    assert "菠菜" not in terms["A"] + terms["B"] + terms["C"]
    assert terms["A"] == ["有机菠菜"] and "菠菜汁" in terms["B"]


def test_product_terms_are_longest_first(terms: dict[str, list[str]]) -> None:
    assert all([len(t) for t in ts] == sorted((len(t) for t in ts), reverse=True) for ts in terms.values())


@pytest.mark.parametrize("name, heads", [
    ("特级初榨橄榄油", ["初榨橄榄油", "橄榄油"]), ("黑猪肋排", ["肋排", "排骨", "小排", "猪小排"]), ("酸梅汤原料包", ["酸梅汤"]),
    ("散养土鸡蛋", ["土鸡蛋", "鸡蛋", "柴鸡蛋", "笨鸡蛋", "草鸡蛋"]),
])
def test_head_terms(name: str, heads: list[str]) -> None:
    assert head_terms(name) == heads


@pytest.mark.parametrize("word, others", [("西红柿", ["番茄"]), ("马铃薯", ["土豆", "洋芋", "山药蛋"]),
                                          ("鸡中翅", ["鸡翅中", "翅中"]), ("橄榄油", [])])
def test_aliases(word: str, others: list[str]) -> None:
    assert aliases_of(word) == others


@pytest.mark.parametrize("text, modifier", [
    ("特级初榨", True), ("散养", True), ("原料包", True), ("空气炸锅", True), ("无蔗糖", True), ("零脂肪", True),
    ("无花果", False), ("橄榄油", False), ("沙瓤", False), ("土鸡蛋", False),
])
def test_modifiers(text: str, modifier: bool) -> None:
    assert is_modifier(text) is modifier


def test_modifier_list_is_general_vocabulary() -> None:
    """Fragments of the sample catalog's names are not food-naming modifiers."""
    assert not {"沙瓤", "三文", "花香", "小粒", "空气", "炸锅", "原料包", "无蔗糖"} & modifiers()
