"""Process-wide handles on a knowledge folder: one chromadb client and embedding cache per root,
one lock and lexical index per tenant. Web threads share these, so they are created under a lock."""

from __future__ import annotations

import hashlib
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import chromadb
from chromadb.config import Settings

from pipelines.embeddings import EmbeddingCache

if TYPE_CHECKING:
    from knowledge.snapshot import Snapshot

_lock = threading.Lock()
_clients: dict[Path, chromadb.ClientAPI] = {}
_caches: dict[Path, EmbeddingCache] = {}
_tenants: dict[tuple[Path, str], TenantState] = {}


@dataclass
class TenantState:
    """Guards one tenant's writes and holds its lazily built snapshot (BM25 index, sources)."""

    lock: threading.RLock = field(default_factory=threading.RLock)
    snapshot: Snapshot | None = None  # built from one collection version


def get_client(root: Path) -> chromadb.ClientAPI:
    root = Path(root).resolve()
    with _lock:
        if root not in _clients:
            (root / "chroma").mkdir(parents=True, exist_ok=True)
            _clients[root] = chromadb.PersistentClient(
                path=str(root / "chroma"), settings=Settings(anonymized_telemetry=False),
            )
        return _clients[root]


def get_cache(root: Path) -> EmbeddingCache:
    root = Path(root).resolve()
    with _lock:
        if root not in _caches:
            _caches[root] = EmbeddingCache(root / "embeddings.sqlite")
        return _caches[root]


def get_tenant_state(root: Path, tenant_id: str) -> TenantState:
    key = (Path(root).resolve(), tenant_id)
    with _lock:
        return _tenants.setdefault(key, TenantState())


def collection_name(tenant_id: str) -> str:
    """A valid chromadb name for any tenant id (3-63 chars of [a-zA-Z0-9._-]), unique per tenant."""
    slug = re.sub(r"[^a-zA-Z0-9]+", "-", tenant_id).strip("-")[:40] or "t"
    digest = hashlib.sha1(tenant_id.encode()).hexdigest()[:12]
    return f"kb-{slug}-{digest}"
