"""The leader web console's files: one HTML page and its ES modules from app/static, no build step.

Asset URLs carry a hash of all the assets' content (/static/<hash>/app.js): modules import each
other relatively, so one version keeps them consistent, and a hashed URL can be cached for a year.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from app.services.lookup import require

STATIC_DIR = Path(__file__).resolve().parents[1] / "static"
MEDIA_TYPES = {".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml"}


@dataclass(frozen=True)
class ConsoleAssets:
    version: str
    files: dict[str, bytes]
    index_html: str


def load_assets(folder: Path = STATIC_DIR) -> ConsoleAssets:
    files = {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.suffix in MEDIA_TYPES}
    digest = hashlib.sha256()
    for name, data in files.items():
        digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    version = digest.hexdigest()[:12]
    html = (folder / "index.html").read_text(encoding="utf-8").replace("{{static}}", f"/static/{version}")
    return ConsoleAssets(version, files, html)


ASSETS = load_assets()  # at start-up: a few small files, hashed once per process


def asset(name: str) -> tuple[bytes, str]:
    """(content, media type) of a console file."""
    return require(ASSETS.files.get(name), "asset"), MEDIA_TYPES[Path(name).suffix]
