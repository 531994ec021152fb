"""The leader web console: one HTML page and its ES modules from app/static, no build step.

Asset URLs carry a hash of all the assets' content (/static/<hash>/app.js): modules import each
other relatively, so one version keeps them consistent, and a hashed URL can be cached for a year.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from fastapi import APIRouter, Response
from fastapi.responses import HTMLResponse

from app.errors import ApiError

router = APIRouter(include_in_schema=False)
STATIC_DIR = Path(__file__).resolve().parents[1] / "static"
MEDIA_TYPES = {".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml"}
IMMUTABLE = "public, max-age=31536000, immutable"
CSP = ("default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; script-src 'self'; "
       "style-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


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


@router.get("/", response_class=HTMLResponse)
def console_page() -> HTMLResponse:
    return HTMLResponse(ASSETS.index_html, headers={
        "Cache-Control": "no-cache", "Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer"})


@router.get("/static/{version}/{name}")
def console_asset(version: str, name: str) -> Response:
    if name not in ASSETS.files:
        raise ApiError(404, "not_found", "找不到这个文件")
    cache = IMMUTABLE if version == ASSETS.version else "no-cache"  # an old page asking: serve, don't pin
    return Response(ASSETS.files[name], media_type=MEDIA_TYPES[Path(name).suffix],
                    headers={"Cache-Control": cache, "X-Content-Type-Options": "nosniff"})
