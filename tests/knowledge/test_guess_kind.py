"""A recipe is a recipe wherever the leader put the file: its headings say so when its path does not."""

from knowledge.ingest import guess_kind
from tests.utils.paths import RECIPES

FLAT_RECIPE = """# 红烧肉的做法

## 食材
- 五花肉 500g

## 步骤
1. 五花肉切块焯水。
"""


def test_a_recipe_uploaded_flat_is_a_recipe() -> None:
    assert guess_kind("红烧肉.md", FLAT_RECIPE) == "recipe"
    recipes = sorted((RECIPES / "dishes").rglob("*.md"))
    assert recipes and all(guess_kind(path.name, path.read_text(encoding="utf-8")) == "recipe" for path in recipes)


def test_a_notice_with_one_method_heading_stays_a_document() -> None:
    notice = "# 提货须知\n\n## 提货步骤\n1. 到小区门口出示接龙编号。\n"
    assert guess_kind("提货.md", notice) == "doc"
    assert guess_kind("faq/提货.md", FLAT_RECIPE) == "faq"  # the path decides first
    assert guess_kind("notes/红烧肉.md") == "doc"  # no text: the path alone
