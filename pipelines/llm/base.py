from __future__ import annotations

from typing import Any, Literal, Protocol, TypedDict

from pydantic import BaseModel, ConfigDict, SecretStr


class Message(TypedDict):
    role: Literal["system", "user", "assistant"]
    content: str


class LLMOptions(BaseModel):
    """LLM configuration (env: WUTONG_LLM_*)."""

    model_config = ConfigDict(frozen=True, use_attribute_docstrings=True)

    provider: Literal["auto", "local", "openai"] = "auto"
    """`local` (embedded llama.cpp), `openai` (any OpenAI-compatible endpoint); auto: `openai` when base_url is set, otherwise the embedded model."""
    base_url: str | None = None
    """An OpenAI-compatible endpoint, e.g. https://api.deepseek.com/v1 or http://127.0.0.1:11434/v1."""
    api_key: SecretStr = SecretStr("not-needed")
    """API key for the endpoint."""
    model: str = "qwen2.5-0.5b-instruct"
    """Model name sent to the OpenAI-compatible endpoint."""
    model_path: str | None = None
    """A GGUF file for the local provider; default: the embedded Qwen2.5 0.5B."""
    n_ctx: int = 4096
    """Context window of the local model."""
    threads: int = 2
    """CPU threads for the local model."""
    timeout_s: float = 60.0
    """Per-request timeout for the OpenAI-compatible endpoint."""

    @property
    def resolved_provider(self) -> Literal["local", "openai"]:
        if self.provider == "auto":
            return "openai" if self.base_url else "local"
        return self.provider


class LLM(Protocol):
    """messages in, text out. Providers subclass it and implement `_chat`; a fake for tests only
    needs a `complete` of its own."""

    name: str

    def complete(
        self,
        messages: list[Message],
        *,
        max_tokens: int = 256,
        temperature: float = 0.2,
        json_output: bool = False,
        stop: list[str] | None = None,
    ) -> str:
        params: dict[str, Any] = {"max_tokens": max_tokens, "temperature": temperature, "stop": stop}
        if json_output:
            params["response_format"] = {"type": "json_object"}
        return self._chat(list(messages), params).strip()

    def _chat(self, messages: list[Message], params: dict[str, Any]) -> str:
        """One chat completion's text (may be empty); raise ModelUnavailable when the model fails."""
        raise NotImplementedError
