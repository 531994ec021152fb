import pytest

from pipelines.catalog import Product
from pipelines.drafts.grounding import Sources, check_grounding


@pytest.fixture
def sources(catalog: list[Product]) -> Sources:
    by_sku = {p.sku: p for p in catalog}
    return Sources([by_sku["WT-001"], by_sku["WT-003"]], catalog, frozenset({"3"}))


@pytest.mark.parametrize("text", [
    "特级初榨橄榄油89元一瓶，750ml，本周五到货。",
    "橄榄油八十九块，鸡蛋三十六元一盒30枚。",
    "橄榄油89.0元，鸡蛋三十六。",  # 89.0 == 89; each clause is held to the product it names
    "开封后3个月内用完。鸡蛋本周六到，冷藏30天。",
    "五常大米和三文鱼今天不上，第一次买的邻居十分欢迎。",  # names and idioms are not numbers
])
def test_supported_text_passes(text: str, sources: Sources) -> None:
    report = check_grounding(text, sources)
    assert report.passed, report.unsupported
    assert report.checked or "五常" in text


@pytest.mark.parametrize(("text", "bad"), [
    ("橄榄油只要59元！", ["59"]),
    ("鸡蛋89元一盒。", ["89"]),  # the olive oil's price, said of the eggs
    ("橄榄油周六到货。", ["周六"]),  # it arrives on Friday
    ("鸡蛋三十五元，买二送一。", ["三十五"]),
    ("12月8日之前下单。", ["12", "8"]),
])
def test_unsupported_numbers_and_dates_are_found(text: str, bad: list[str], sources: Sources) -> None:
    assert check_grounding(text, sources).unsupported == bad


def test_quoted_inputs_are_evidence(sources: Sources) -> None:
    """A theme or a recipe the talk quotes may name days and allergens the catalog does not."""
    text = "今天的主题是周末煲汤。材料有花生和白芝麻。"
    assert check_grounding(text, sources).unsupported
    quoted = Sources(sources.products, sources.catalog, sources.extra_numbers, ("周末煲汤", "花生 白芝麻"))
    assert check_grounding(text, quoted).passed
