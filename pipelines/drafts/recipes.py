"""Recipes for the cooking demo, behind the RecipeFinder interface.

`parse_recipe_markdown` reads a HowToCook-style recipe (title from the first heading, the
ingredient list under 必备原料). Two finders: one over a folder of such files, and one over any
search function returning knowledge-base hits (`.title`, `.kind`, `.text`, `.meta`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from pipelines.catalog import Product, head_terms
from pipelines.drafts.models import RecipeFinder, RecipeRef
from pipelines.retrieval import Hit

_INGREDIENT_HEADING = re.compile(r"^##\s*(必备原料|原料|食材)")


def parse_recipe_markdown(text: str, source: str) -> RecipeRef:
    lines = text.splitlines()
    title = next((line.lstrip("#").strip() for line in lines if line.startswith("#")), Path(source).stem)
    title = re.sub(r"的做法$", "", title)
    ingredients, inside = [], False
    for line in lines:
        if line.startswith("#"):
            inside = bool(_INGREDIENT_HEADING.match(line))
        elif inside and (item := re.match(r"^\s*[*-]\s*([^（(]+)", line)):
            ingredients.append(item.group(1).strip())
    return RecipeRef(title, source, ingredients)


def score_recipe(recipe: RecipeRef, products: list[Product]) -> int:
    """Per product: 3 when its selling points name the dish, 2 when the title names the product,
    1 when it is among the ingredients."""
    score = 0
    for product in products:
        terms = head_terms(product.name)
        if recipe.title in product.get("selling_points"):
            score += 3
        elif any(t in recipe.title for t in terms):
            score += 2
        elif any(t in i for t in terms for i in recipe.ingredients):
            score += 1
    return score


def best_recipe(recipes: list[RecipeRef], products: list[Product]) -> RecipeRef | None:
    scored = [(score_recipe(r, products), r) for r in recipes]
    best = max(scored, default=None, key=lambda s: s[0])  # max keeps the first of equals: stable by source
    return best[1] if best and best[0] > 0 else None


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
    return RecipeRef(title, source, parsed.ingredients)


def merge_chunks(recipes: list[RecipeRef]) -> list[RecipeRef]:
    """One recipe per source, with the ingredients its chunks list between them."""
    merged: dict[str, RecipeRef] = {}
    for recipe in recipes:
        if seen := merged.get(recipe.source):
            recipe = RecipeRef(seen.title, seen.source, list(dict.fromkeys(seen.ingredients + recipe.ingredients)))
        merged[recipe.source] = recipe
    return list(merged.values())


def recipes_from_search(search: Callable[[str, int], list[Hit]], *, k: int = 8) -> RecipeFinder:
    """A finder over a knowledge-base search: recipe hits for the product names, best match kept."""
    def find(products: list[Product]) -> RecipeRef | None:
        hits = [h for h in search(" ".join(p.name for p in products), k) if h.kind == "recipe"]
        return best_recipe(merge_chunks([recipe_from_hit(h) for h in hits]), products)
    return find
