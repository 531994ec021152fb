"""Both LLM providers for real: the embedded llama.cpp model, and the OpenAI-compatible client
against llama-cpp-python's own OpenAI-compatible server on loopback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipelines.errors import ModelUnavailable
from pipelines.llm import LLM, LLMOptions, get_llm
from pipelines.llm.local import LocalLLM
from pipelines.llm.openai_compat import OpenAICompatLLM

QUESTION = [
    {"role": "system", "content": "你是社区团购团长的助手。只根据资料回答，简短。"},
    {"role": "user", "content": "资料：特级初榨橄榄油，89元一瓶，750ml。\n问题：橄榄油多少钱一瓶？"},
]


@pytest.fixture(scope="module", params=["local", "openai"])
def llm(request: pytest.FixtureRequest, model_dir: Path) -> LLM:
    if request.param == "local":
        return get_llm(LLMOptions(), model_dir)
    base_url = request.getfixturevalue("llama_server")
    return get_llm(LLMOptions(base_url=base_url, model="qwen2.5-0.5b-instruct"), model_dir)


def test_provider_is_chosen_by_configuration(model_dir: Path, llama_server: str) -> None:
    assert isinstance(get_llm(LLMOptions(), model_dir), LocalLLM)
    assert isinstance(get_llm(LLMOptions(base_url=llama_server), model_dir), OpenAICompatLLM)
    assert get_llm(LLMOptions(), model_dir) is get_llm(LLMOptions(), model_dir)  # loaded once per process


def test_grounded_short_answer(llm: LLM) -> None:
    answer = llm.complete(QUESTION, max_tokens=48, temperature=0)
    assert "89" in answer


def test_json_output(llm: LLM) -> None:
    messages = [{"role": "user", "content": '把这句话的商品和价格写成 JSON，键为 name 和 price：橄榄油 89 元。'}]
    data = json.loads(llm.complete(messages, max_tokens=64, temperature=0, json_output=True))
    assert isinstance(data, dict) and data


def test_max_tokens_bounds_the_output(llm: LLM) -> None:
    short = llm.complete([{"role": "user", "content": "请写一篇关于西红柿的长文章。"}], max_tokens=8)
    assert 0 < len(short) <= 40


def test_unreachable_endpoint_is_a_clear_error() -> None:
    llm = OpenAICompatLLM("http://127.0.0.1:9/v1", "k", "m", timeout_s=2)
    with pytest.raises(ModelUnavailable):
        llm.complete(QUESTION, max_tokens=8)
