"""The correctness rules themselves: well formed, and every accepted fact is in its source."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from pipelines.qa.evaluate import load_questions, normalise
from tests.utils.paths import PRODUCTS_CSV, RECIPES, REPO, SHARED

HERE = Path(__file__).parent
SEED = REPO / "knowledge" / "seed"
TYPES = {"price", "spec", "stock", "origin", "shelf_life", "storage", "after_opening", "allergen", "arrival", "ingredients",
         "maker", "how_to_eat", "yes_no", "multi", "recipe_time", "recipe_ingredients", "recipe_steps",
         "out_of_scope", "hostile"}
KNOWLEDGE = {"shared": (PRODUCTS_CSV, RECIPES), "fresh": (HERE / "fresh" / "products.csv", HERE / "fresh" / "recipes"),
             "fresh2": (HERE / "fresh2" / "products.csv", HERE / "fresh2" / "recipes"),
             "fresh3": (HERE / "fresh3" / "products.csv", HERE / "fresh3" / "recipes"),
             "fresh4": (HERE / "fresh4" / "products.csv", HERE / "fresh4" / "recipes"),
             "fresh5": (HERE / "fresh5" / "products.csv", HERE / "fresh5" / "recipes")}
SETS = {  # name -> (questions, rules, catalog, recipes)
    "dev": (SHARED / "eval" / "questions-dev.jsonl", HERE / "rules-dev.jsonl", PRODUCTS_CSV, RECIPES),
    "extra": (HERE / "questions-extra.jsonl", HERE / "rules-extra.jsonl", PRODUCTS_CSV, RECIPES),
    "fresh": (HERE / "questions-fresh.jsonl", None, HERE / "fresh" / "products.csv", HERE / "fresh" / "recipes"),
    "fresh2": (HERE / "questions-fresh2.jsonl", None, HERE / "fresh2" / "products.csv", HERE / "fresh2" / "recipes"),
    "fresh3": (HERE / "questions-fresh3.jsonl", None, HERE / "fresh3" / "products.csv", HERE / "fresh3" / "recipes"),
    "seed": (HERE / "questions-seed.jsonl", None, SEED / "catalog.csv", SEED / "recipes"),
    "seed2": (HERE / "seed2" / "seed.jsonl", None, SEED / "catalog.csv", SEED / "recipes"),
    "seed3": (HERE / "seed3" / "seed.jsonl", None, SEED / "catalog.csv", SEED / "recipes"),
    "seed4": (HERE / "seed4" / "seed.jsonl", None, SEED / "catalog.csv", SEED / "recipes"),
    "seed5": (HERE / "seed5" / "seed.jsonl", None, SEED / "catalog.csv", SEED / "recipes"),
    "seed6": (HERE / "seed6" / "seed.jsonl", None, SEED / "catalog.csv", SEED / "recipes"),
    "seed7": (HERE / "seed7" / "seed.jsonl", None, SEED / "catalog.csv", SEED / "recipes"),
    **{f"seed8{half}": (HERE / "seed8" / f"{half}.jsonl", None, SEED / "catalog.csv", SEED / "recipes") for half in "ab"},
    **{f"seed10{half}": (HERE / "seed10" / f"{half}.jsonl", None, SEED / "catalog.csv", SEED / "recipes") for half in "ab"},
    "seed9": (HERE / "seed9" / "seed.jsonl", None, SEED / "catalog.csv", SEED / "recipes"),
    "seed11": (HERE / "seed11" / "seed.jsonl", None, SEED / "catalog.csv", SEED / "recipes"),
    "seed12": (HERE / "seed12" / "seed.jsonl", None, SEED / "catalog.csv", SEED / "recipes"),
    "seed13": (HERE / "seed13" / "seed.jsonl", None, SEED / "catalog.csv", SEED / "recipes"),
    "seed14": (HERE / "seed14" / "seed.jsonl", None, SEED / "catalog.csv", SEED / "recipes"),
    "seed15": (HERE / "seed15" / "seed.jsonl", None, SEED / "catalog.csv", SEED / "recipes"),
    **{f"{batch}-{kb}": (HERE / batch / f"{kb}.jsonl", None, *KNOWLEDGE[kb])
       for batch in ("unseen", "unseen2", "unseen4") for kb in ("shared", "fresh", "fresh2")},
    **{f"unseen3-{kb}": (HERE / "unseen3" / f"{kb}.jsonl", None, *KNOWLEDGE[kb]) for kb in ("shared", "fresh3")},
    **{f"unseen6-{kb}": (HERE / "unseen6" / f"{kb}.jsonl", None, *KNOWLEDGE[kb]) for kb in ("shared", "fresh", "fresh3")},
    **{f"unseen7-{kb}": (HERE / "unseen7" / f"{kb}.jsonl", None, *KNOWLEDGE[kb]) for kb in ("shared", "fresh2", "fresh3")},
    **{f"unseen8-{kb}": (HERE / "unseen8" / f"{kb}.jsonl", None, *KNOWLEDGE[kb]) for kb in ("shared", "fresh2", "fresh3")},
    **{f"unseen9-{kb}": (HERE / "unseen9" / f"{kb}.jsonl", None, *KNOWLEDGE[kb]) for kb in ("shared", "fresh", "fresh3")},
    **{f"unseen10-{kb}": (HERE / "unseen10" / f"{kb}.jsonl", None, *KNOWLEDGE[kb]) for kb in ("shared", "fresh", "fresh2")},
    **{f"unseen11-{kb}": (HERE / "unseen11" / f"{kb}.jsonl", None, *KNOWLEDGE[kb]) for kb in ("shared", "fresh2", "fresh3")},
    **{f"unseen12-{kb}": (HERE / "unseen12" / f"{kb}.jsonl", None, *KNOWLEDGE[kb]) for kb in ("fresh", "fresh3")},
    **{f"unseen13-{kb}": (HERE / "unseen13" / f"{kb}.jsonl", None, *KNOWLEDGE[kb])
       for kb in ("shared", "fresh", "fresh2", "fresh3")},
    **{f"unseen15-{kb}": (HERE / "unseen15" / f"{kb}.jsonl", None, *KNOWLEDGE[kb]) for kb in ("shared", "fresh", "fresh3")},
    **{f"unseen14-{kb}": (HERE / "unseen14" / f"{kb}.jsonl", None, *KNOWLEDGE[kb]) for kb in ("shared", "fresh2")},
    **{f"unseen16-{kb}": (HERE / "unseen16" / f"{kb}.jsonl", None, *KNOWLEDGE[kb]) for kb in ("shared", "fresh3")},
    **{f"unseen17-{kb}": (HERE / "unseen17" / f"{kb}.jsonl", None, *KNOWLEDGE[kb]) for kb in ("shared", "fresh", "fresh2")},
    **{f"unseen18-{kb}": (HERE / "unseen18" / f"{kb}.jsonl", None, *KNOWLEDGE[kb]) for kb in ("shared", "fresh2")},
    **{f"unseen19-{kb}": (HERE / "unseen19" / f"{kb}.jsonl", None, *KNOWLEDGE[kb]) for kb in ("shared", "fresh")},
    **{f"unseen20-{kb}": (HERE / "unseen20" / f"{kb}.jsonl", None, *KNOWLEDGE[kb]) for kb in ("shared", "fresh3")},
    "unseen21-fresh4": (HERE / "unseen21" / "fresh4.jsonl", None, *KNOWLEDGE["fresh4"]),
    "unseen22-fresh5": (HERE / "unseen22" / "fresh5.jsonl", None, *KNOWLEDGE["fresh5"]),
    **{f"unseen5-{kb}": (HERE / "unseen5" / f"{kb}.jsonl", None, *KNOWLEDGE[kb]) for kb in ("shared", "fresh2")},
}


def source_text(source: str, catalog: Path, recipes: Path) -> str:
    if (recipes / source).is_file():
        return (recipes / source).read_text(encoding="utf-8")
    with catalog.open(encoding="utf-8") as fh:
        return next((",".join(_as_answered(k, v) for k, v in row.items()) for row in csv.DictReader(fh)
                     if row["sku"] == source), "")


def _as_answered(key: str, value: str) -> str:
    """A field as an answer may state it: an empty allergen column is "none listed" (标注的过敏原：无)."""
    return value or ("无" if key == "allergens" else "")


@pytest.mark.parametrize("name", list(SETS))
def test_every_rule_is_well_formed_and_grounded(name):
    questions, rules, catalog, recipes = SETS[name]
    items = load_questions(questions, rules)
    assert items and all(q.get("type") in TYPES for q in items), {q.get("type") for q in items} - TYPES
    for q in items:
        if q["expect"] == "refuse":
            assert not q.get("must") and not q["sources"], q["id"]  # out of scope, hostile, or not settled
            continue
        text = normalise("".join(source_text(s, catalog, recipes) for s in q["sources"]))
        assert text, q["id"]
        for group in q["must"]:  # at least one phrasing of every fact is the source's own
            assert any(normalise(p) in text for p in group), (q["id"], group)
