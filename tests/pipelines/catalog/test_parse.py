"""Catalog parsing refuses what could collide with system ids or crash the parser: always a 4xx error."""

import csv

import pytest

from pipelines.catalog import parse_catalog
from pipelines.errors import InvalidInput


@pytest.mark.parametrize("sku", ["rec:0123abcd", "gap:1", "a b", "x" * 65, "../../etc"])
def test_a_sku_that_looks_like_another_id_kind_is_refused(sku: str) -> None:
    data = f"sku,name,price\n{sku},土鸡蛋,36\n".encode()
    with pytest.raises(InvalidInput) as refused:
        parse_catalog(data)
    assert refused.value.code == "invalid_sku"


@pytest.mark.parametrize("sku", ["WT-001", "SD_102", "蔬菜/01", "A.3"])
def test_ordinary_skus_pass(sku: str) -> None:
    assert [p.sku for p in parse_catalog(f"sku,name\n{sku},土鸡蛋\n".encode())] == [sku]


def test_a_field_over_the_csv_limit_is_invalid_input() -> None:
    data = b"sku,name,note\nA1,\xe5\x9c\x9f,\"" + b"x" * (csv.field_size_limit() + 10) + b"\"\n"
    with pytest.raises(InvalidInput):
        parse_catalog(data)


def test_deeply_nested_json_is_invalid_input() -> None:
    with pytest.raises(InvalidInput):
        parse_catalog(b"[" * 100_000 + b"]" * 100_000, "catalog.json")
