"""A canned LLM, injected through the LLM interface, for tests of the logic around generation."""

from __future__ import annotations

from pipelines.llm.base import Message


class CannedLLM:
    name = "fake:canned"

    def __init__(self, reply: str) -> None:
        self.reply = reply
        self.calls: list[list[Message]] = []

    def complete(self, messages: list[Message], *, max_tokens: int = 256, temperature: float = 0.2,
                 json_output: bool = False, stop: list[str] | None = None) -> str:
        self.calls.append(messages)
        return self.reply
