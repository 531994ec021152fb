import pytest

from pipelines.catalog import Product
from pipelines.drafts.models import RecipeRef
from pipelines.drafts.planner import allocate_minutes, plan_slots
from pipelines.errors import InvalidInput

EGGS_AND_TOMATOES = RecipeRef("西红柿炒鸡蛋", "dishes/vegetable_dish/西红柿炒鸡蛋.md", ["西红柿", "鸡蛋", "食用油"])


@pytest.mark.parametrize("duration", [10, 15, 30, 45, 60, 90, 120, 7.5])
@pytest.mark.parametrize("n_skus", [1, 3, 5, 10])
def test_minutes_are_contiguous_and_sum_to_the_duration(catalog: list[Product], duration: float, n_skus: int) -> None:
    if duration < 10 and n_skus > 5:
        pytest.skip("too many segments for 7.5 minutes")
    slots = plan_slots(catalog[:n_skus], catalog, duration, EGGS_AND_TOMATOES)
    assert slots[0].minute_start == 0 and slots[-1].minute_end == duration
    assert all(a.minute_end == b.minute_start for a, b in zip(slots, slots[1:]))
    for slot in slots:
        length = slot.minute_end - slot.minute_start
        assert length >= 0.5 and (length * 2).is_integer()
        if duration >= 3 * len(slots):  # long enough for whole minutes
            assert length == int(length)


def test_structure_covers_every_sku_and_kind(catalog: list[Product]) -> None:
    products = [p for p in catalog if p.sku in ("WT-001", "WT-003", "WT-005")]
    slots = plan_slots(products, catalog, 30, EGGS_AND_TOMATOES)
    kinds = [s.kind for s in slots]
    assert kinds == ["opening", "product", "product", "product", "demo", "interaction", "qa", "offer", "closing"]
    assert [s.products[0].sku for s in slots if s.kind == "product"] == ["WT-001", "WT-003", "WT-005"]
    demo = next(s for s in slots if s.kind == "demo")
    assert {p.sku for p in demo.products} == {"WT-003", "WT-005"}


def test_demo_follows_the_last_product_it_uses(catalog: list[Product]) -> None:
    products = [p for p in catalog if p.sku in ("WT-005", "WT-001", "WT-004")]
    kinds = [(s.kind, s.products[0].sku if s.kind == "product" else "") for s in plan_slots(products, catalog, 30, EGGS_AND_TOMATOES)]
    assert kinds.index(("demo", "")) == kinds.index(("product", "WT-005")) + 1


def test_no_recipe_no_demo(catalog: list[Product]) -> None:
    assert "demo" not in [s.kind for s in plan_slots(catalog[:2], catalog, 20, None)]


def test_weights_give_products_more_time_than_the_closing() -> None:
    minutes = allocate_minutes([1.0, 2.0, 2.0, 1.0], 60)
    assert sum(minutes) == 60 and minutes[1] > minutes[0]


@pytest.mark.parametrize("duration", [3, 10.2, 500])
def test_bad_durations_are_rejected(catalog: list[Product], duration: float) -> None:
    with pytest.raises(InvalidInput):
        plan_slots(catalog[:3], catalog, duration, None)


def test_too_many_segments_for_the_time(catalog: list[Product]) -> None:
    with pytest.raises(InvalidInput, match="排不下"):
        plan_slots(catalog[:20], catalog, 10, None)
