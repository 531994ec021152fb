"""Any OpenAI-compatible chat endpoint (DeepSeek, Qwen, vLLM, Ollama, llama.cpp's server)."""

from __future__ import annotations

import openai

from pipelines.errors import ModelUnavailable
from pipelines.llm.base import Message


class OpenAICompatLLM:
    def __init__(self, base_url: str, api_key: str, model: str, *, timeout_s: float = 60.0) -> None:
        self.name = f"openai:{model}"
        self._model = model
        self._client = openai.OpenAI(base_url=base_url, api_key=api_key, timeout=timeout_s, max_retries=1)

    def complete(
        self,
        messages: list[Message],
        *,
        max_tokens: int = 256,
        temperature: float = 0.2,
        json_output: bool = False,
        stop: list[str] | None = None,
    ) -> str:
        kwargs = {"response_format": {"type": "json_object"}} if json_output else {}
        try:
            out = self._client.chat.completions.create(
                model=self._model, messages=list(messages), max_tokens=max_tokens,
                temperature=temperature, stop=stop, **kwargs,
            )
        except openai.APIError as exc:
            raise ModelUnavailable(f"the language model endpoint failed: {exc}") from exc
        return (out.choices[0].message.content or "").strip()
