"""The embedded provider: a GGUF model run in-process by llama.cpp, loaded once per process."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from pipelines.errors import ModelUnavailable
from pipelines.llm.base import LLM, Message


class LocalLLM(LLM):
    def __init__(self, model_path: Path, *, n_ctx: int = 4096, threads: int = 2) -> None:
        try:
            from llama_cpp import Llama
        except ImportError as exc:
            raise ModelUnavailable("llama-cpp-python is not installed: pip install llama-cpp-python") from exc
        self.name = f"local:{Path(model_path).stem}"
        self._llama = Llama(model_path=str(model_path), n_ctx=n_ctx, n_threads=threads, verbose=False)
        self._lock = threading.Lock()  # a llama.cpp context serves one request at a time

    def _chat(self, messages: list[Message], params: dict[str, Any]) -> str:
        with self._lock:
            out = self._llama.create_chat_completion(messages=messages, seed=0, **params)
        return out["choices"][0]["message"]["content"] or ""
