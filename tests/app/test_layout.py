"""The app's shape: routes call services only (no store, no SQL), and every error is a domain error."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.utils.paths import REPO

APP = REPO / "app"


def imported(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return found


@pytest.mark.parametrize("route", sorted((APP / "routes").glob("*.py")), ids=lambda p: p.name)
def test_routes_use_services_not_the_store(route: Path) -> None:
    assert not [m for m in imported(route) if m.startswith(("app.store", "sqlalchemy", "knowledge"))]


def test_only_the_store_speaks_sql() -> None:
    outside = [p for p in APP.rglob("*.py") if "store" not in p.parts and "sqlalchemy" in str(imported(p))]
    assert outside == []


def test_http_statuses_live_in_one_table() -> None:
    for path in [*APP.rglob("*.py"), *(REPO / "pipelines").rglob("*.py")]:
        source = path.read_text(encoding="utf-8")
        assert "_or_404" not in source and "ApiError" not in source, path
    assert "status =" not in (REPO / "pipelines" / "errors.py").read_text(encoding="utf-8")
