"""Shared fixtures: the report's source text, the built books served on localhost, Chromium, and the scripts.

A test run builds the book five times, two at a time in the background while the tests that need no build run
(`BookBuilds`): from data/ (`built_site`); again from data/ in another folder with another hash seed, to compare
(`two_builds`); from data/ with an eighth municipality and a list limit of 3 as a rebuild of the first
(`eighth_site`, shared by the eighth-municipality, long-list and execution-cache tests); from hostile data
(`hostile_site`); and, in tests/test_qdpx.py, from a QDA import. A rebuild with unchanged data
(tests/test_execution_cache.py) is cheap: it executes nothing. Tests run in the order their builds finish
(`pytest_collection_modifyitems`). Scripts run in this process through their main(argv) (`run_script`).

`make test` runs the tests on both cores with pytest-xdist. Each book and each costly fixture folder is still
made once per run: the first process to claim it makes it in the run's shared temporary folder, and the other
waits for it (`made_once`, `BookBuilds`). No test rewrites a book another may be reading: the no-change
rebuild is part of making `two_builds`' second book.

A new test that needs the built book takes `built_site` (a folder) or `site_url` (served on localhost), and
`browser` for Chromium; a test that looks at many pages loads each page once and checks everything there.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import csv
import functools
import http.server
import importlib.util
import io
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

import pytest

from kulturensrige.edition.chromium import CHROMIUM_ARGS, HEADLESS_SHELL

REPO = Path(__file__).resolve().parent.parent
EIGHTH_OVERLAY = Path(__file__).parent / "fixtures" / "eighth_municipality"
# Lists of more than this many cards take the long path (JSON rows a page at a time) in `eighth_site`.
LONG_LIST_LIMIT = "3"
SOURCE = REPO.parent / "shared" / "source" / "kulturens-rige-rapport.txt"
# Chromium's background services try to reach Google; this machine's network refuses them.


# Fixtures that give a built book, in the order their builds finish: a test that uses one (directly or through
# another fixture) is a `build` test, so `make test-fast` (-m "not build and not browser") never builds, and
# `make test` runs the tests that need no build first, while the books are built.
BUILDING_FIXTURES = ("built_site", "hostile_site", "eighth_site", "two_builds")
# Books built side by side; each build is one process that keeps one core busy.
BUILD_JOBS = int(os.environ.get("KR_TEST_BUILD_JOBS", "2"))
KERNEL_NEVER_STARTED = re.compile(r"Kernel didn't respond in \d+ seconds|Kernel died before replying to kernel_info")


def _needed_builds(item: pytest.Item) -> list[str]:
    return [name for name in BUILDING_FIXTURES if name in getattr(item, "fixturenames", ())]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def stage(item: pytest.Item) -> int:
        """A test that builds a book of its own (marked `build`, no fixture above) goes first, beside the
        background builds; then the tests that need no build; then those that need one, as the builds finish."""
        needed = _needed_builds(item)
        if needed:
            return 1 + max(BUILDING_FIXTURES.index(name) for name in needed)
        return -1 if item.get_closest_marker("build") else 0

    items.sort(key=stage)  # stable: within a stage, tests keep their files' order
    for item in items:
        if _needed_builds(item):
            item.add_marker(pytest.mark.build)


@pytest.fixture(scope="session")
def report_text() -> str:
    if not SOURCE.is_file():
        pytest.skip(f"rapportens tekst findes ikke i {SOURCE} (den ligger i ../shared/source/ på CI)")
    return SOURCE.read_text(encoding="utf-8")


class BuildFailed(Exception):
    pass


def _build(data_dir: Path, output: Path, running: set[subprocess.Popen] | None = None, log: str = "build.log", **env: str) -> Path:
    """Build the book from a data folder into output/ and keep its log in output/<log>; the build's process
    is in `running` while it runs."""
    try:
        return _build_once(data_dir, output, running, log, **env)
    except BuildFailed as exc:
        # Kernels started side by side can race for the same free port (jupyter-book/mystmd#2874): the kernel
        # never answers. Once, and only for that, the build is run again (executed notebooks are cached).
        if not KERNEL_NEVER_STARTED.search(str(exc)):
            raise
        return _build_once(data_dir, output, running, log, **env)


def _build_once(data_dir: Path, output: Path, running: set[subprocess.Popen] | None, log: str, **env: str) -> Path:
    command = [sys.executable, str(REPO / "scripts" / "build_book.py"), "--data", str(data_dir), "--output", str(output)]
    environment = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", **env}
    # A session of its own: closing the session's builds stops jupyter-book's processes too (os.killpg).
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment, start_new_session=True
    ) as process:
        if running is not None:
            running.add(process)
        stdout, stderr = process.communicate()
    if process.returncode != 0:
        raise BuildFailed(f"bogen kunne ikke bygges fra {data_dir}:\n{stdout[-4000:]}\n{stderr[-4000:]}")
    (output / log).write_text(stdout + stderr, encoding="utf-8")
    return output / "_build" / "html"


def build_book(data_dir: Path, output: Path, **env: str) -> Path:
    """Build the book from a data folder into output/ now; fail the test with the build's own log."""
    try:
        return _build(data_dir, output, **env)
    except BuildFailed as exc:
        pytest.fail(str(exc), pytrace=False)


def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The temporary folder of the whole run: under pytest-xdist each process has its own inside it."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


# How long a process waits for a book or a folder that another process of the run is making.
WAIT_SECONDS = 1200


def _wait_for(folder: Path) -> str:
    """The text of folder/done once another process of the run has made it; BuildFailed with folder/failed's."""
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        if (folder / "done").exists():
            return (folder / "done").read_text(encoding="utf-8")
        if (folder / "failed").exists():
            raise BuildFailed((folder / "failed").read_text(encoding="utf-8"))
        if time.monotonic() > deadline:
            raise BuildFailed(f"{folder.name} blev ikke færdig på {WAIT_SECONDS} s")
        time.sleep(0.2)


def _write_at_once(path: Path, text: str) -> None:
    """Whoever waits for `path` sees it whole or not at all."""
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)


def _claim(folder: Path) -> bool:
    """True for the one thread of the one process of the run that gets to make `folder`'s content."""
    try:
        folder.mkdir(parents=True)
    except FileExistsError:
        return False
    return True


def made_once(folder: Path, name: str, make: Callable[[Path], object]) -> Path:
    """folder/name, made by make(folder/name) in the first process of the run to claim folder; the others wait."""
    made = folder / name
    if _claim(folder):
        try:
            make(made)
        except BaseException as exc:
            _write_at_once(folder / "failed", f"{folder.name}: {exc}")
            raise
        _write_at_once(folder / "done", "")
    else:
        try:
            _wait_for(folder)
        except BuildFailed as exc:
            pytest.fail(str(exc), pytrace=False)
    return made


# The log of the second, no-change build into the same folder (`Build.again`).
REBUILD_LOG = "rebuild.log"


@dataclass
class Build:
    name: str
    data_dir: Path
    based_on: str | None = None
    after: str | None = None
    again: bool = False  # built a second time with nothing changed, before any test may read it
    env: dict[str, str] = field(default_factory=dict)


class BookBuilds:
    """The run's books, built in the background `BUILD_JOBS` at a time, each asked for by name.

    A build is a subprocess of its own, so builds of different data folders run side by side, and beside the
    tests. Every process of the run lists the same builds; each of its `jobs` threads claims the next build that
    no process has claimed (a folder made with mkdir) and makes it, so each book is built once. A build `based_on`
    another starts from a copy of that one's whole output; one `after` another only waits for it to end."""

    def __init__(self, root: Path, jobs: int) -> None:
        self.root = root
        self.jobs = jobs
        self.queue: list[Build] = []
        self.pool = concurrent.futures.ThreadPoolExecutor(max_workers=max(1, jobs), thread_name_prefix="kr-build")
        self.running: set[subprocess.Popen] = set()
        self.closed = False

    def start(
        self, name: str, data_dir: Path, based_on: str | None = None, after: str | None = None, again: bool = False, **env: str
    ) -> None:
        """Queue a build (`begin` starts the queue)."""
        self.queue.append(Build(name, data_dir, based_on, after, again, env))

    def begin(self) -> None:
        for _ in range(self.jobs):
            self.pool.submit(self._claim_and_build)

    def _claim_and_build(self) -> None:
        for build in self.queue:
            if self.closed:
                return
            if not _claim(self.root / build.name):
                continue  # another thread or process of the run builds it
            try:
                site = self._build(build)
            except BuildFailed as exc:
                _write_at_once(self.root / build.name / "failed", str(exc))
            except BaseException as exc:
                _write_at_once(self.root / build.name / "failed", f"{build.name}: {exc!r}")
                raise
            else:
                _write_at_once(self.root / build.name / "done", str(site))

    def _build(self, build: Build) -> Path:
        output = self.root / build.name / "output"
        if build.after is not None:
            self._result(build.after)
        if build.based_on is not None:
            shutil.copytree(self._result(build.based_on).parent.parent, output, symlinks=True)
        if self.closed:
            raise BuildFailed(f"bygget fra {build.data_dir} blev ikke startet: testkørslen sluttede")
        site = _build(build.data_dir, output, self.running, **build.env)
        if build.again:
            _build(build.data_dir, output, self.running, REBUILD_LOG, **build.env)
        return site

    def _result(self, name: str) -> Path:
        return Path(_wait_for(self.root / name))

    def site(self, name: str) -> Path:
        """The built site's html/ folder, once its build is done; the test fails with the build's log otherwise."""
        try:
            return self._result(name)
        except BuildFailed as exc:
            pytest.fail(str(exc), pytrace=False)

    def close(self, stop: bool) -> None:
        """At the session's end. After -x or Ctrl-C (`stop`), no build is started or left running; otherwise
        the builds this process claimed are finished, as another process of the run may be waiting for them."""
        self.closed = stop
        if stop:
            for process in list(self.running):
                if process.poll() is None:
                    os.killpg(process.pid, signal.SIGTERM)
        self.pool.shutdown(wait=True)


def _build_threads() -> int:
    """This process's share of the run's `BUILD_JOBS` builds side by side (pytest-xdist names it gw0, gw1, …)."""
    processes = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    index = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw"))
    return len(range(index, BUILD_JOBS, processes))


@pytest.fixture(scope="session")
def book_builds(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BookBuilds]:
    """Starts, before the first test, every build a test of this run will ask for (see the module's doc)."""
    needed = {name for item in request.session.items for name in _needed_builds(item)}
    if "eighth_site" in needed:
        needed.add("built_site")
    reused = os.environ.get("KR_TEST_SITE")
    builds = BookBuilds(run_folder(tmp_path_factory) / "builds", _build_threads())
    if "built_site" in needed and not reused:
        builds.start("data", REPO / "data")
    if "hostile_site" in needed:
        builds.start("hostile", request.getfixturevalue("hostile_folder"))
    if "two_builds" in needed:
        # The second build of data/ starts when the first has ended: the two never run in the same seconds.
        first = "data"
        if reused:  # a site built elsewhere, perhaps on another day: compare two builds of this session instead
            builds.start(first := "data-1", REPO / "data", PYTHONHASHSEED="1")
        builds.start("data-2", REPO / "data", after=first, again=True, PYTHONHASHSEED="2")
    if "eighth_site" in needed:
        builds.start("eighth", request.getfixturevalue("eighth_data"), based_on=None if reused else "data", KR_LIST_LIMIT=LONG_LIST_LIMIT)
    builds.begin()
    yield builds
    session = request.session
    builds.close(stop=bool(session.shouldstop or session.shouldfail))


@pytest.fixture(scope="session", autouse=True)
def _books_built_in_the_background(request: pytest.FixtureRequest) -> None:
    """Set up before the first test, so the builds start at once; a session that needs no book starts none."""
    if any(_needed_builds(item) for item in request.session.items):
        request.getfixturevalue("book_builds")


@pytest.fixture(scope="session")
def built_site(book_builds: BookBuilds) -> Path:
    """The book built from data/ once per test session (KR_TEST_SITE reuses an existing build)."""
    if os.environ.get("KR_TEST_SITE"):
        return Path(os.environ["KR_TEST_SITE"])
    return book_builds.site("data")


@pytest.fixture(scope="session")
def two_builds(book_builds: BookBuilds, built_site: Path) -> tuple[Path, Path]:
    """Two builds of data/ to compare: `built_site` (its own random hash seed) and one made after it in another
    folder with PYTHONHASHSEED=2, then built again there with nothing changed (its log: <output>/rebuild.log);
    with KR_TEST_SITE, two builds of this session (seeds 1 and 2)."""
    first = book_builds.site("data-1") if os.environ.get("KR_TEST_SITE") else built_site
    return first, book_builds.site("data-2")


def with_overlay(dest: Path, overlay: Path = EIGHTH_OVERLAY, base: Path = REPO / "data") -> Path:
    """A copy of `base` with each overlay CSV's rows appended to the table of the same name."""
    from kulturensrige.data.folder_writing import csv_text
    from kulturensrige.data.schema import TABLES

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
    """data/ plus the invented eighth municipality of tests/fixtures/eighth_municipality/ (once per run)."""
    return made_once(run_folder(tmp_path_factory) / "eighth-data", "otte-kommuner", with_overlay)


@pytest.fixture(scope="session")
def eighth_site(book_builds: BookBuilds) -> Path:
    """One build for three questions: does an eighth municipality reach every page, do lists over the limit
    render from JSON rows (the limit changes only how long lists travel, not what a page says), and does new
    data re-execute the notebooks in a rebuild: it rebuilds a copy of `built_site`'s whole output (its Sphinx
    environment and execution cache too), so it costs what a clean build costs. Its log is <output>/build.log."""
    return book_builds.site("eighth")


@pytest.fixture(scope="session")
def hostile_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """data/ with tests/hostile.py's attacks laid over it."""
    import hostile

    return made_once(run_folder(tmp_path_factory) / "hostile-data", hostile.FOLDER_NAME, hostile.hostile_data)


@pytest.fixture(scope="session")
def hostile_site(book_builds: BookBuilds) -> Path:
    """The book built from tests/hostile.py's data: data/ with an attack in every text field."""
    return book_builds.site("hostile")


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


class StillBrowser:
    """Chromium whose pages scroll at once: the theme (Bootstrap) scrolls smoothly unless the reader prefers reduced
    motion, and a click sent while the page still glides lands beside its target on a busy machine."""

    def __init__(self, browser) -> None:
        self.browser = browser

    def new_context(self, **options):
        return self.browser.new_context(**{"reduced_motion": "reduce", **options})

    def new_page(self, **options):
        return self.browser.new_page(**{"reduced_motion": "reduce", **options})

    def __getattr__(self, name: str):
        return getattr(self.browser, name)


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(HEADLESS_SHELL).exists():
        pytest.fail("Chromium mangler; make test installerer Debians pakke 'chromium-headless-shell'")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=HEADLESS_SHELL, args=CHROMIUM_ARGS, headless=True)
        yield StillBrowser(browser)
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="da-DK")
    page = context.new_page()
    yield page
    context.close()
