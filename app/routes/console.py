"""The leader web console: the page (never cached) and its content-hashed assets (cached for a year)."""

from __future__ import annotations

from fastapi import APIRouter, Response
from fastapi.responses import HTMLResponse

from app.services.console import ASSETS, asset

router = APIRouter(include_in_schema=False)
IMMUTABLE = "public, max-age=31536000, immutable"
CSP = ("default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; script-src 'self'; "
       "style-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


@router.get("/", response_class=HTMLResponse)
def console_page() -> HTMLResponse:
    return HTMLResponse(ASSETS.index_html, headers={
        "Cache-Control": "no-cache", "Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer"})


@router.get("/static/{version}/{name}")
def console_asset(version: str, name: str) -> Response:
    data, media_type = asset(name)
    cache = IMMUTABLE if version == ASSETS.version else "no-cache"  # an old page asking: serve, don't pin
    return Response(data, media_type=media_type, headers={"Cache-Control": cache, "X-Content-Type-Options": "nosniff"})
