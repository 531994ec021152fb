"""The console page and its assets: content-hashed URLs, long caching for assets, none for the page."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from app.services.console import ASSETS, STATIC_DIR

ASSET_URL = re.compile(r'(?:href|src)="(/static/[0-9a-f]{12}/[\w.-]+)"')
IMPORT = re.compile(r"""from '\./([\w.-]+)'""")


def test_page_is_chinese_and_never_cached(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert response.headers["cache-control"] == "no-cache"
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert '<html lang="zh-CN">' in response.text and 'name="viewport"' in response.text


def test_assets_are_hashed_and_cached_for_a_year(client: TestClient) -> None:
    urls = ASSET_URL.findall(client.get("/").text)
    assert {u.rsplit("/", 1)[1] for u in urls} == {"app.js", "style.css"}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200 and "immutable" in response.headers["cache-control"]
        assert response.content == (STATIC_DIR / url.rsplit("/", 1)[1]).read_bytes()
    assert client.get("/static/app.js").status_code == 404


def test_stale_version_is_served_but_not_pinned(client: TestClient) -> None:
    response = client.get("/static/000000000000/app.js")
    assert response.status_code == 200 and response.headers["cache-control"] == "no-cache"


def test_unknown_asset_is_a_json_404(client: TestClient) -> None:
    response = client.get(f"/static/{ASSETS.version}/secrets.env")
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_every_module_import_resolves_to_a_served_asset() -> None:
    for name, data in ASSETS.files.items():
        for imported in IMPORT.findall(data.decode("utf-8")):
            assert imported in ASSETS.files, f"{name} imports missing ./{imported}"
