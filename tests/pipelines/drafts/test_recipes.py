from dataclasses import dataclass, field

import pytest

from pipelines.catalog import Product
from pipelines.drafts import RecipeFinder, RecipeRef, parse_recipe_markdown, recipes_from_search
from tests.utils.paths import RECIPES


def pick(catalog: list[Product], *skus: str) -> list[Product]:
    return [p for p in catalog if p.sku in skus]


def test_parse_recipe_markdown() -> None:
    path = RECIPES / "dishes" / "vegetable_dish" / "西红柿炒鸡蛋.md"
    recipe = parse_recipe_markdown(path.read_text(encoding="utf-8"), "dishes/vegetable_dish/西红柿炒鸡蛋.md")
    assert recipe.title == "西红柿炒鸡蛋"
    assert recipe.ingredients[:2] == ["西红柿", "鸡蛋"] and "糖" in recipe.ingredients
    assert recipe.steps[0] == "西红柿洗净" and len(recipe.steps) == 11


def test_a_generic_ingredient_and_a_tagged_method_relate_a_recipe(catalog: list[Product]) -> None:
    """花生油 is tagged 炒菜 and stir-fries list 食用油: a stir-fry relates, a soup with 食用油 does not."""
    from pipelines.catalog import parse_catalog
    from pipelines.drafts.recipes import score_recipe
    oil = parse_catalog("sku,name,price_yuan,tags\nX-1,压榨花生油,79.9,炒菜;煎炸\n".encode(), "x.csv")
    stir_fry = RecipeRef("洋葱炒鸡蛋", "a.md", ["洋葱", "鸡蛋", "食用油", "盐"])
    soup = RecipeRef("玉米排骨汤", "b.md", ["排骨", "玉米", "食用油"])
    assert score_recipe(stir_fry, oil) > 0 and score_recipe(soup, oil) == 0


@pytest.mark.parametrize(("skus", "title"), [
    (("WT-001", "WT-003", "WT-005"), "西红柿炒鸡蛋"),
    (("WT-013", "WT-014"), "玉米排骨汤"),  # named in the ribs' selling points
    (("WT-015",), "香菇滑鸡"),
    (("WT-016",), "白灼虾"),
    (("WT-012",), "酸奶意式奶冻"),
    (("WT-010",), None),  # a hand-knitted coaster has no recipe
])
def test_folder_finder_matches_products(recipes: RecipeFinder, catalog: list[Product], skus: tuple, title: str | None) -> None:
    found = recipes(pick(catalog, *skus))
    assert (found.title if found else None) == title


@dataclass
class FakeHit:
    id: str
    title: str
    kind: str
    text: str
    meta: dict = field(default_factory=dict)


def test_search_finder_reads_recipe_hits(catalog: list[Product]) -> None:
    body = (RECIPES / "dishes" / "vegetable_dish" / "西红柿炒鸡蛋.md").read_text(encoding="utf-8")
    hits = [FakeHit("WT-005", "沙瓤西红柿", "product", "沙瓤西红柿"),
            FakeHit("dishes/vegetable_dish/西红柿炒鸡蛋.md", "西红柿炒鸡蛋的做法", "recipe", body)]
    queries: list[str] = []

    def search(query: str, k: int) -> list[FakeHit]:
        queries.append(query)
        return hits

    found = recipes_from_search(search)(pick(catalog, "WT-003", "WT-005"))
    assert found and found.title == "西红柿炒鸡蛋" and found.source.endswith("西红柿炒鸡蛋.md")
    assert "散养土鸡蛋" in queries[0]
