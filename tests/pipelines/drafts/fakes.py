"""Fakes injected through the LLM interface (never by patching internals)."""

from __future__ import annotations


class ScriptedLLM:
    """A fake LLM with canned replies, in order; it records every call's messages."""

    name = "fake:scripted"

    def __init__(self, *replies: str) -> None:
        self.replies = list(replies)
        self.calls: list[list[dict]] = []

    def complete(self, messages, *, max_tokens=256, temperature=0.2, json_output=False, stop=None) -> str:
        self.calls.append(list(messages))
        return self.replies[min(len(self.calls), len(self.replies)) - 1]
