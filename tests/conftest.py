"""Shared fixtures: the report's source text, the built books served on localhost, Chromium, and the scripts.

A test session builds the book four times: from data/ (`built_site`); again from data/ to compare
(tests/test_reproducible_build.py); from data/ with an eighth municipality and a list limit of 3 as a rebuild
of the first (`eighth_site`, shared by the eighth-municipality, long-list and execution-cache tests); and from
hostile data (tests/test_hostile_input.py). A rebuild with unchanged data (tests/test_execution_cache.py) is
cheap: it executes nothing. Scripts run in this process through their main(argv) (`run_script`).
"""

from __future__ import annotations

import contextlib
import csv
import functools
import http.server
import importlib.util
import io
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from kulturensrige.chromium import CHROMIUM, CHROMIUM_ARGS

REPO = Path(__file__).resolve().parent.parent
EIGHTH_OVERLAY = Path(__file__).parent / "fixtures" / "eighth_municipality"
# Lists of more than this many cards take the long path (JSON rows a page at a time) in `eighth_site`.
LONG_LIST_LIMIT = "3"
SOURCE = REPO.parent / "shared" / "source" / "kulturens-rige-rapport.txt"
# Chromium's background services try to reach Google; this machine's network refuses them.


# Fixtures that build a book: a test that uses one (directly or through another fixture) is a `build` test,
# so `make test-fast` (-m "not build and not browser") never builds.
BUILDING_FIXTURES = {"built_site", "eighth_site", "hostile_site"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if BUILDING_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.build)


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
    (output / "build.log").write_text(result.stdout + result.stderr, encoding="utf-8")
    return output / "_build" / "html"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The book built from data/ once per test session (KR_TEST_SITE reuses an existing build)."""
    if os.environ.get("KR_TEST_SITE"):
        return Path(os.environ["KR_TEST_SITE"])
    return build_book(REPO / "data", tmp_path_factory.mktemp("site"))


def with_overlay(dest: Path, overlay: Path = EIGHTH_OVERLAY, base: Path = REPO / "data") -> Path:
    """A copy of `base` with each overlay CSV's rows appended to the table of the same name."""
    from kulturensrige.schema import TABLES
    from kulturensrige.writing import csv_text

    def rows(path: Path) -> list[dict[str, str]]:
        return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))

    shutil.copytree(base, dest)
    for extra in sorted(overlay.glob("*.csv")):
        table = next(t for t in TABLES.values() if t.file == extra.name)
        merged = rows(dest / extra.name) + rows(extra)
        (dest / extra.name).write_text(csv_text(table.columns, [[r[c] for c in table.columns] for r in merged]), encoding="utf-8")
    return dest


@pytest.fixture(scope="session")
def eighth_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """data/ plus the invented eighth municipality of tests/fixtures/eighth_municipality/."""
    return with_overlay(tmp_path_factory.mktemp("eighth") / "otte-kommuner")


@pytest.fixture(scope="session")
def eighth_site(eighth_data: Path, built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One build for three questions: does an eighth municipality reach every page, do lists over the limit
    render from JSON rows (the limit changes only how long lists travel, not what a page says), and does new
    data re-execute the notebooks in a rebuild: it rebuilds a copy of `built_site`'s whole output (its Sphinx
    environment and execution cache too), so it costs what a clean build costs. Its log is <output>/build.log."""
    output = tmp_path_factory.mktemp("site-eighth") / "output"
    if not os.environ.get("KR_TEST_SITE"):
        shutil.copytree(built_site.parent.parent, output, symlinks=True)
    return build_book(eighth_data, output, KR_LIST_LIMIT=LONG_LIST_LIMIT)


@functools.cache
def script(name: str) -> ModuleType:
    """scripts/<name>.py imported as a module (once per session)."""
    spec = importlib.util.spec_from_file_location(f"kr_script_{name}", REPO / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def run_script(name: str, *argv: str) -> subprocess.CompletedProcess:
    """A script's main(argv) in this process, with its exit code and output as subprocess.run would give them;
    no new interpreter has to import pandas. argv is what the script's main takes."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = script(name).main(list(argv))
        except SystemExit as exc:  # argparse's usage errors
            code = exc.code if isinstance(exc.code, int) else 1
    return subprocess.CompletedProcess([name, *argv], code, out.getvalue(), err.getvalue())


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
