"""Recipes for the cooking demo, behind the RecipeFinder interface.

`parse_recipe_markdown` reads a HowToCook-style recipe (title from the first heading, the
ingredient list under 必备原料, the steps under 操作). A recipe relates to a product by name, by
ingredient, or by a generic ingredient plus a cooking method the product's tags name (花生油 tagged
炒菜 goes into any stir-fry that lists 食用油; cooking.toml). Two finders: one over a folder of such files, and one over any
search function returning knowledge-base hits (`.title`, `.kind`, `.text`, `.meta`).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from pipelines.catalog import Product, head_terms
from pipelines.drafts.models import RecipeFinder, RecipeRef
from pipelines.retrieval import Hit

_INGREDIENT_HEADING = re.compile(r"^##\s*(必备原料|原料|食材)")
_STEPS_HEADING = re.compile(r"^##\s*(操作|步骤|做法)")
COOKING_FILE = Path(__file__).with_name("cooking.toml")


@lru_cache(maxsize=1)
def cooking_words() -> dict:
    return tomllib.loads(COOKING_FILE.read_text(encoding="utf-8"))


def _section(line: str) -> str:
    if _INGREDIENT_HEADING.match(line):
        return "ingredients"
    return "steps" if _STEPS_HEADING.match(line) else ""


def parse_recipe_markdown(text: str, source: str) -> RecipeRef:
    lines = text.splitlines()
    title = next((line.lstrip("#").strip() for line in lines if line.startswith("#")), Path(source).stem)
    title = re.sub(r"的做法$", "", title)
    found: dict[str, list[str]] = {"ingredients": [], "steps": []}
    section = ""
    for line in lines:
        if line.startswith("#"):
            section = _section(line)
        elif section == "ingredients" and (item := re.match(r"^\s*[*-]\s*([^（(]+)", line)):
            found["ingredients"].append(item.group(1).strip())
        elif section == "steps" and (step := re.match(r"^\d+[.、]\s*(.+)", line)):
            found["steps"].append(step.group(1).strip())
    return RecipeRef(title, source, found["ingredients"], found["steps"])


def methods_of(product: Product) -> list[str]:
    """Title words of the cooking methods the product's tags name (炒菜 -> 炒)."""
    methods = cooking_words()["methods"]
    tags = product.get("tags").replace("；", ";").split(";")
    return [w for t in tags for w in methods.get(t.strip(), [])]


def generic_ingredients(product: Product) -> list[str]:
    table = cooking_words()["generic_ingredients"]
    return next((words for ending, words in table.items() if product.name.endswith(ending)), [])


def score_product(recipe: RecipeRef, product: Product) -> float:
    """3 when its selling points name the dish, 2 when the title names the product, 1 when it is among
    the ingredients, 0.5 when a generic ingredient is and the title shows a method its tags name."""
    terms = head_terms(product.name)
    if recipe.title in product.get("selling_points"):
        return 3
    if any(t in recipe.title for t in terms):
        return 2
    if any(t in i for t in terms for i in recipe.ingredients):
        return 1
    by_method = any(w in recipe.title for w in methods_of(product))
    return 0.5 if by_method and set(generic_ingredients(product)) & set(recipe.ingredients) else 0


def score_recipe(recipe: RecipeRef, products: list[Product]) -> float:
    return sum(score_product(recipe, p) for p in products)


def best_recipe(recipes: list[RecipeRef], products: list[Product]) -> RecipeRef | None:
    """The best-scoring recipe; among equals the shortest ingredient list (a demo on air should be
    simple), then the first by source."""
    scored = [(score_recipe(r, products), -len(r.ingredients), -i, r) for i, r in enumerate(recipes)]
    best = max(scored, default=None, key=lambda s: s[:3])
    return best[3] if best and best[0] > 0 else None


def recipes_from_folder(root: Path) -> RecipeFinder:
    """A finder over a folder of Markdown recipes (read once)."""
    root = Path(root)
    recipes = [parse_recipe_markdown(p.read_text(encoding="utf-8"), str(p.relative_to(root)))
               for p in sorted(root.rglob("*.md")) if not p.name.upper().startswith(("README", "LICENSE"))]
    return lambda products: best_recipe(recipes, products)


def recipe_from_hit(hit: Hit) -> RecipeRef:
    """A hit may be one chunk of the recipe: its heading, when present, names the dish, else the title."""
    source = str(getattr(hit, "id", "") or hit.meta.get("source") or hit.title)
    parsed = parse_recipe_markdown(hit.text, source)
    has_heading = any(line.startswith("# ") for line in hit.text.splitlines())
    title = parsed.title if has_heading else re.sub(r"的做法$", "", hit.title or parsed.title)
    return RecipeRef(title, source, parsed.ingredients, parsed.steps)


def merge_chunks(recipes: list[RecipeRef]) -> list[RecipeRef]:
    """One recipe per source, with the ingredients its chunks list between them."""
    merged: dict[str, RecipeRef] = {}
    for recipe in recipes:
        if seen := merged.get(recipe.source):
            recipe = RecipeRef(seen.title, seen.source, list(dict.fromkeys(seen.ingredients + recipe.ingredients)),
                               list(dict.fromkeys(seen.steps + recipe.steps)))
        merged[recipe.source] = recipe
    return list(merged.values())


def recipes_from_search(search: Callable[[str, int], list[Hit]], *, k: int = 8) -> RecipeFinder:
    """A finder over a knowledge-base search: recipe hits for the product names and their cooking
    methods, best match kept."""
    def find(products: list[Product]) -> RecipeRef | None:
        words = [p.name for p in products] + [t for p in products for t in p.get("tags").split(";") if t]
        hits = [h for h in search(" ".join(dict.fromkeys(words)), k) if h.kind == "recipe"]
        return best_recipe(merge_chunks([recipe_from_hit(h) for h in hits]), products)
    return find
