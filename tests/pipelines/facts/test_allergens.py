import pytest

from pipelines.facts import allergen_words, asked_allergens, canonical_names, is_allergy_question


@pytest.mark.parametrize(("word", "names"), [("麸质", ["小麦"]), ("牛奶", ["乳制品"]), ("虾", ["甲壳类"]), ("榴莲", [])])
def test_canonical_names(word: str, names: list[str]) -> None:
    assert canonical_names(word) == names


@pytest.mark.parametrize(("question", "allergy"), [("我对麸质过敏能吃吗", True), ("含不含花生", True), ("多少钱", False)])
def test_allergy_questions(question: str, allergy: bool) -> None:
    assert is_allergy_question(question) is allergy


def test_asked_allergens_are_catalog_names() -> None:
    assert set(asked_allergens("我对麸质和花生过敏")) == {"小麦", "花生"}
    assert asked_allergens("对乳糖不耐受") == ["乳制品"]
    assert all(len(w) > 1 for w in allergen_words())
