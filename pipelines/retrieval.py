"""What retrieval returns and the small interface features search through (Q&A, drafts' recipes).

`knowledge.KnowledgeBase` implements `Retriever`; pipelines depend on this protocol only, so the
dependency runs app -> knowledge -> pipelines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


@dataclass
class Hit:
    id: str  # the source id a citation names: SKU, document path, or rec:<id>@<start>
    chunk_id: str
    title: str
    kind: str
    score: float  # fused (reciprocal-rank) score
    snippet: str
    text: str
    meta: dict = field(default_factory=dict)
    vector_score: float = 0.0  # cosine similarity of query and chunk
    bm25_score: float = 0.0  # raw BM25; 0 when the chunk shares no term with the query

    @property
    def body(self) -> str:
        """The chunk text without its first (breadcrumb or title) line."""
        head, _, rest = self.text.partition("\n")
        return rest.strip() or head


@dataclass
class SourceInfo:
    """One document, product or recording in a knowledge base (meta: a product's catalog fields)."""

    id: str
    title: str
    kind: str
    meta: dict = field(default_factory=dict)


class Retriever(Protocol):
    def search(self, query: str, k: int) -> list[Hit]:
        """The k best chunks for `query`, best first."""
        ...

    def idf(self, term: str) -> float:
        """How specific `term` is in this knowledge (a term it never uses weighs most)."""
        ...

    def version(self) -> str:
        """Changes whenever the knowledge changes (answer caches key on it)."""
        ...

    def sources(self) -> list[SourceInfo]:
        """Every source, so a question can name a product or dish that retrieval ranked low."""
        ...

    def source_chunks(self, source_id: str) -> list[Hit]:
        """All chunks of one source, in document order (a recipe's sections)."""
        ...
