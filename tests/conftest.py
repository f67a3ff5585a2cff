"""Shared fixtures: the report's source text, a built book served on localhost, and Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SOURCE = REPO.parent / "shared" / "source" / "kulturens-rige-rapport.txt"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Chromium's background services try to reach Google; this machine's network refuses them.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def report_text() -> str:
    if not SOURCE.is_file():
        pytest.skip(f"rapportens tekst findes ikke i {SOURCE} (den ligger i ../shared/source/ på CI)")
    return SOURCE.read_text(encoding="utf-8")


def build_book(data_dir: Path, output: Path, **env: str) -> Path:
    """Build the book from a data folder into output/; fail the test with the build's own log."""
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "build_book.py"), "--data", str(data_dir), "--output", str(output)],
        capture_output=True,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000", **env},
    )
    if result.returncode != 0:
        pytest.fail(f"bogen kunne ikke bygges fra {data_dir}:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}")
    return output / "_build" / "html"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The book built from data/ once per test session (KR_TEST_SITE reuses an existing build)."""
    if os.environ.get("KR_TEST_SITE"):
        return Path(os.environ["KR_TEST_SITE"])
    return build_book(REPO / "data", tmp_path_factory.mktemp("site"))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve(directory: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    url, server = serve(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium mangler; make test installerer Debians pakke 'chromium'")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="da-DK")
    page = context.new_page()
    yield page
    context.close()
