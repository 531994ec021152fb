from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pipelines.llm.base import LLM, LLMOptions


@lru_cache(maxsize=4)
def get_llm(options: LLMOptions, model_dir: Path) -> LLM:
    """The process-wide LLM for these options; the local model loads on first use only."""
    if options.resolved_provider == "openai":
        from pipelines.llm.openai_compat import OpenAICompatLLM

        if not options.base_url:
            from pipelines.errors import ModelUnavailable

            raise ModelUnavailable("WUTONG_LLM_PROVIDER=openai needs WUTONG_LLM_BASE_URL")
        return OpenAICompatLLM(options.base_url, options.api_key.get_secret_value(), options.model,
                               timeout_s=options.timeout_s)
    from pipelines.llm.local import LocalLLM
    from pipelines.provision import provision_llm

    path = Path(options.model_path) if options.model_path else provision_llm(model_dir)
    return LocalLLM(path, n_ctx=options.n_ctx, threads=options.threads)
