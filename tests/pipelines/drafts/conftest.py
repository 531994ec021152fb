from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.catalog import Product, load_catalog
from pipelines.drafts import RecipeFinder, recipes_from_folder
from pipelines.llm import LLM, LLMOptions, get_llm
from tests.utils.paths import PRODUCTS_CSV, RECIPES


@pytest.fixture(scope="session")
def catalog() -> list[Product]:
    return load_catalog(PRODUCTS_CSV)


@pytest.fixture(scope="session")
def recipes() -> RecipeFinder:
    """Recipe lookup over ../shared/knowledge/recipes: the same interface the knowledge base serves."""
    return recipes_from_folder(RECIPES)


@pytest.fixture(scope="session", params=["local", "openai"])
def llm(request: pytest.FixtureRequest, model_dir: Path) -> LLM:
    """The real embedded LLM, and the same model behind llama.cpp's OpenAI-compatible server
    through the `openai` provider: every drafts check must hold for both."""
    if request.param == "local":
        return get_llm(LLMOptions(), model_dir)
    return get_llm(LLMOptions(base_url=request.getfixturevalue("llama_server")), model_dir)
