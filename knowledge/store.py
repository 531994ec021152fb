"""Process-wide handles on a knowledge folder: one chromadb client and embedding cache per root,
one lock and lexical index per tenant. Web threads share these, so they are created under a lock.

The client is an embedded PersistentClient under the root by default, or an HttpClient to a Chroma
server (`chroma run`) when a server URL is given, so that API and worker processes share one store.
The embedding cache stays a file under the root (per machine) either way.
"""

from __future__ import annotations

import hashlib
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import chromadb
from chromadb.config import Settings

from pipelines.embeddings import EmbeddingCache

if TYPE_CHECKING:
    from knowledge.snapshot import Snapshot

_lock = threading.Lock()
_clients: dict[Path | str, chromadb.ClientAPI] = {}
_caches: dict[Path, EmbeddingCache] = {}
_tenants: dict[tuple[Path | str, str], TenantState] = {}


@dataclass
class TenantState:
    """Guards one tenant's writes and holds its lazily built snapshot (BM25 index, sources)."""

    lock: threading.RLock = field(default_factory=threading.RLock)
    snapshot: Snapshot | None = None  # built from one collection version


def get_client(root: Path, server_url: str | None = None) -> chromadb.ClientAPI:
    """The embedded store under `root`, or the Chroma server at `server_url` when given."""
    if server_url:
        return _server_client(server_url)
    root = Path(root).resolve()
    with _lock:
        if root not in _clients:
            (root / "chroma").mkdir(parents=True, exist_ok=True)
            _clients[root] = chromadb.PersistentClient(
                path=str(root / "chroma"), settings=Settings(anonymized_telemetry=False),
            )
        return _clients[root]


def _server_client(url: str) -> chromadb.ClientAPI:
    with _lock:
        if url not in _clients:
            _clients[url] = connect_server(url)
        return _clients[url]


def connect_server(url: str) -> chromadb.ClientAPI:
    """An HttpClient for http(s)://host:port[/database]; a named database is created on first use, so
    several installations (or test runs) can share one server without seeing each other's collections."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not a Chroma server URL: {url!r} (expected http://host:port[/database])")
    server = {"host": parts.hostname, "port": parts.port or (443 if parts.scheme == "https" else 8000),
              "ssl": parts.scheme == "https", "settings": Settings(anonymized_telemetry=False)}
    database = parts.path.strip("/") or chromadb.DEFAULT_DATABASE
    if database != chromadb.DEFAULT_DATABASE:
        _ensure_database(server, database)
    return chromadb.HttpClient(**server, database=database)


def _ensure_database(server: dict, database: str) -> None:
    admin = chromadb.AdminClient(Settings(chroma_api_impl="chromadb.api.fastapi.FastAPI", chroma_server_host=server["host"],
                                          chroma_server_http_port=server["port"], chroma_server_ssl_enabled=server["ssl"],
                                          anonymized_telemetry=False))
    try:
        admin.get_database(database)
    except Exception:  # NotFoundError (the exception class differs between chromadb versions)
        try:
            admin.create_database(database)
        except Exception:  # another process created it first
            admin.get_database(database)


def get_cache(root: Path) -> EmbeddingCache:
    root = Path(root).resolve()
    with _lock:
        if root not in _caches:
            _caches[root] = EmbeddingCache(root / "embeddings.sqlite")
        return _caches[root]


def get_tenant_state(store: Path | str, tenant_id: str) -> TenantState:
    """The tenant's state in one store: a knowledge root (embedded) or a Chroma server URL."""
    key = (store if isinstance(store, str) else Path(store).resolve(), tenant_id)
    with _lock:
        return _tenants.setdefault(key, TenantState())


def collection_name(tenant_id: str) -> str:
    """A valid chromadb name for any tenant id (3-63 chars of [a-zA-Z0-9._-]), unique per tenant."""
    slug = re.sub(r"[^a-zA-Z0-9]+", "-", tenant_id).strip("-")[:40] or "t"
    digest = hashlib.sha1(tenant_id.encode()).hexdigest()[:12]
    return f"kb-{slug}-{digest}"
