"""A real `wutong serve` and Debian's Chromium driven by Playwright, at a phone-sized viewport."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from pipelines.clips.fonts import default_font_path
from tests.utils.paths import PRODUCTS_CSV, REPO
from tests.utils.server import WutongServer

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
PHONE = {"width": 390, "height": 844}
API_KEY = "console-test-key"
ARTIFACTS = REPO / "test-artifacts" / "console"


@pytest.fixture(scope="module")
def console_server(tmp_path_factory: pytest.TempPathFactory, model_dir: Path) -> Iterator[WutongServer]:
    """The service with the shared catalog in its knowledge base, fast clip and highlight settings."""
    env = {"WUTONG_DEFAULT_API_KEY": API_KEY, "WUTONG_HIGHLIGHTS__LLM_TITLES": "false",
           "WUTONG_CLIPS__WIDTH": "720", "WUTONG_CLIPS__HEIGHT": "1280"}
    server = WutongServer(tmp_path_factory.mktemp("console-server"), model_dir, env).start()
    try:
        with PRODUCTS_CSV.open("rb") as fh:
            response = httpx.post(f"{server.url}/v1/knowledge/documents", files={"file": ("products.csv", fh)},
                                  headers={"Authorization": f"Bearer {API_KEY}"}, timeout=300)
        assert response.status_code == 201, response.text
        yield server
    finally:
        server.stop()


def fontconfig_with_cjk(folder: Path) -> Path:
    """A fontconfig file adding the CJK font we already ship (manimgx-fonts-cjk), so screenshots show
    Chinese on a machine with no CJK fonts installed."""
    conf = folder / "fonts.conf"
    conf.write_text(f"""<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>{default_font_path().parent}</dir>
  <cachedir>{folder / "cache"}</cachedir>
</fontconfig>
""", encoding="utf-8")
    return conf


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory):
    if not CHROMIUM.is_file():  # fail, never skip: CI installs the chromium package (.ci/run)
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium); "
                    "these tests never download a browser")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("playwright is missing: pip install playwright (its browser download is not needed)")

    env = {**os.environ, "FONTCONFIG_FILE": str(fontconfig_with_cjk(tmp_path_factory.mktemp("fonts")))}
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS, env=env)
        yield chromium
        chromium.close()


class PageErrors:
    """Console errors and uncaught exceptions seen by a page; any one fails the test."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def console(self, message) -> None:
        if message.type == "error":
            self.messages.append(f"console: {message.text} @ {message.location.get('url')}")

    def page_error(self, error) -> None:
        self.messages.append(f"page error: {error}")

    def take(self) -> list[str]:
        taken, self.messages = self.messages, []
        return taken


@pytest.fixture
def artifacts() -> Path:
    if ARTIFACTS.exists():
        shutil.rmtree(ARTIFACTS)
    ARTIFACTS.mkdir(parents=True)
    return ARTIFACTS
