"""The dependency direction is app -> knowledge -> pipelines, and the Chinese-text libraries are
used through pipelines.zh only (one OpenCC, one jieba dictionary, one pinyin matcher)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.utils.paths import REPO

PACKAGES = ("app", "pipelines", "knowledge")
FORBIDDEN = {"pipelines": ("app", "knowledge"), "knowledge": ("app",)}
ZH_LIBRARIES = ("jieba", "opencc", "pypinyin")


def imported_modules(path: Path, root: Path = REPO) -> set[str]:
    """Every module an `import` or `from ... import` in the file names (relative ones resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = path.relative_to(root).with_suffix("").parts[:-1]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = list(package[:len(package) - node.level + 1]) if node.level else []
            found.add(".".join([*base, *(node.module.split(".") if node.module else [])]))
    return found


def modules(package: str) -> list[Path]:
    return sorted((REPO / package).rglob("*.py"))


def top(module: str) -> str:
    return module.split(".")[0]


@pytest.mark.parametrize("package", PACKAGES)
def test_every_module_parses(package: str) -> None:
    assert modules(package)
    for path in modules(package):
        imported_modules(path)


@pytest.mark.parametrize("package, forbidden", FORBIDDEN.items())
def test_dependencies_point_one_way(package: str, forbidden: tuple[str, ...]) -> None:
    wrong = {f"{p.relative_to(REPO)} imports {m}" for p in modules(package) for m in imported_modules(p)
             if top(m) in forbidden}
    assert not wrong, sorted(wrong)


@pytest.mark.parametrize("package", PACKAGES)
def test_chinese_text_libraries_only_in_the_core(package: str) -> None:
    zh = REPO / "pipelines" / "zh"
    wrong = {f"{p.relative_to(REPO)} imports {m}" for p in modules(package) if zh not in p.parents
             for m in imported_modules(p) if top(m) in ZH_LIBRARIES}
    assert not wrong, sorted(wrong)


def test_the_check_sees_every_kind_of_import(tmp_path: Path) -> None:
    probe = tmp_path / "pipelines" / "qa" / "probe.py"
    probe.parent.mkdir(parents=True)
    probe.write_text("import jieba\nfrom knowledge.base import KnowledgeBase\nfrom ...app import main\n"
                     "from . import answer\n\ndef f():\n    import opencc\n")
    assert imported_modules(probe, tmp_path) == {"jieba", "knowledge.base", "app", "pipelines.qa", "opencc"}
