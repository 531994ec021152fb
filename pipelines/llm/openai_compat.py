"""Any OpenAI-compatible chat endpoint (DeepSeek, Qwen, vLLM, Ollama, llama.cpp's server)."""

from __future__ import annotations

from typing import Any

import openai

from pipelines.errors import ModelUnavailable
from pipelines.llm.base import LLM, Message


class OpenAICompatLLM(LLM):
    def __init__(self, base_url: str, api_key: str, model: str, *, timeout_s: float = 60.0) -> None:
        self.name = f"openai:{model}"
        self._model = model
        self._client = openai.OpenAI(base_url=base_url, api_key=api_key, timeout=timeout_s, max_retries=1)

    def _chat(self, messages: list[Message], params: dict[str, Any]) -> str:
        try:
            out = self._client.chat.completions.create(model=self._model, messages=messages, **params)
        except openai.APIError as exc:
            raise ModelUnavailable(f"the language model endpoint failed: {exc}") from exc
        return out.choices[0].message.content or ""
