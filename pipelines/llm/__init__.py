"""One small LLM interface (messages in, text out) with a local and an OpenAI-compatible provider."""

from pipelines.llm.base import LLM, LLMOptions, Message
from pipelines.llm.factory import get_llm

__all__ = ["LLM", "LLMOptions", "Message", "get_llm"]
