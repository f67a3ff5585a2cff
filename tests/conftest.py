"""Shared fixtures: the report's source text, the built books served on localhost, Chromium, and the scripts.

A test run builds the book six times, two at a time in the background while the tests that need no build run
(`BookBuilds`): from data/ (`built_site`); from data/ with the editors' three former inferred ties (`tied_site`, the
one site with ties to switch on: the report's data hold none); again from data/ in another folder with another hash
seed and another temporary folder, to compare (`two_builds`; builds killed outright in that folder first leave it to
this build to tidy up, and it is made over a copy of the eighth's book, of which it must leave nothing); from data/
with an eighth municipality and a list limit of 3 as a rebuild of the first (`eighth_site`, shared by the
eighth-municipality, long-list, execution-cache and site-folder tests); from hostile data
(`hostile_site`); and, in tests/test_qdpx.py, from a QDA import. A rebuild with unchanged data
(tests/test_execution_cache.py) is cheap: it executes nothing. Tests run in the order their builds finish, the
ones marked `long` first (`pytest_collection_modifyitems`). The scheduler itself is tests/support/builds.py; scripts run in the test's
process through their main(argv) (tests/support/scripts.py).

`make test` runs the tests on both cores with pytest-xdist. Each book and each costly fixture folder is still
made once per run: the first process to claim it makes it in the run's shared temporary folder, and the other
waits for it (`made_once`, `BookBuilds` in tests/support/builds.py). No test rewrites a book another may be reading: the no-change
rebuild is part of making `two_builds`' second book.

A new test that needs the built book takes `built_site` (a folder) or `site_url` (served on localhost), and
`browser` for Chromium; a test that looks at many pages loads each page once and checks everything there.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import sys

# jsonschema (imported by nbformat, which tests and the explorer's helpers import) imports rfc3987_syntax when it is
# installed, which compiles some thirty Lark grammars at import, about 1.4 s of CPU in each of the run's pytest
# processes, for IRI formats no notebook schema uses (python-jsonschema/jsonschema#1428): as scripts/build_book.py
# does, that optional import is made to fail. The nbval plugin, which would import nbformat before this file, is left
# out of the suite's runs (pyproject's addopts; the explorer's run in the Makefile names it).
sys.modules.setdefault("rfc3987_syntax", None)

from collections.abc import Iterator, Mapping
from pathlib import Path
from types import MappingProxyType

import pytest

import hostile
from kulturensrige import Dataset, load
from kulturensrige.data.publishing import published_files
from kulturensrige.data.schema import BY_ANALYST, FOLDER_SOURCE
from kulturensrige.edition.chromium import CHROMIUM_ARGS, HEADLESS_SHELL
from kulturensrige.edition.editions import EditionCharts
from kulturensrige.render.error_catalogue import KINDS, MessageKind, message_kinds
from support import killed_builds, over_the_eighth
from support.builds import LONG_LIST_LIMIT, BookBuilds, build_book, build_threads, made_once, run_folder, worked_out_once
from support.checkout import foreign_package, scripts_package
from support.folders import with_inferred_ties, with_option, with_overlay
from support.scripts import run_script
from support.serving import serve

REPO = Path(__file__).resolve().parent.parent
SOURCE = REPO.parent / "shared" / "source" / "kulturens-rige-rapport.txt"

pytest_plugins = ["support.cpu_per_test", "support.time_limit"]


def pytest_configure(config: pytest.Config) -> None:
    """The run's scripts and builds import this checkout's package, or the run stops here (support.checkout)."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return  # the run's first process has checked
    if (found := scripts_package(REPO)) is not None and (elsewhere := foreign_package(found, REPO)) is not None:
        raise pytest.UsageError(elsewhere)


# Fixtures that give a built book, in the order their builds finish: a test that uses one (directly or through
# another fixture) is a `build` test, so `make test-fast` (-m "not build and not browser") never builds, and
# `make test` runs the tests that need no build first, while the books are built.
BUILDING_FIXTURES = ("built_site", "tied_site", "hostile_site", "eighth_site", "two_builds")


def _needed_builds(item: pytest.Item) -> list[str]:
    return [name for name in BUILDING_FIXTURES if name in getattr(item, "fixturenames", ())]


# Books made by a `long` test's fixture (`made_once`), which runs first: the other tests that read one run last, when
# it is done, instead of waiting for it in another process from the start.
MADE_BY_A_LONG_TEST = ("recipes_book", "analyst_book")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def stage(item: pytest.Item) -> int:
        """A test that builds a book of its own (marked `build`, no fixture above) goes first, beside the
        background builds; then the tests that need no build; then those that need one, as the builds finish."""
        if not item.get_closest_marker("long") and any(name in MADE_BY_A_LONG_TEST for name in getattr(item, "fixturenames", ())):
            return 1 + len(BUILDING_FIXTURES)
        needed = _needed_builds(item)
        if needed:
            return 1 + max(BUILDING_FIXTURES.index(name) for name in needed)
        return -1 if item.get_closest_marker("build") else 0

    def in_chromium(item: pytest.Item) -> bool:
        """The session's Playwright keeps an asyncio loop running in its process from its first test on: a later
        test there that runs a loop of its own (asyncio.run, Playwright's sync API) fails, so these go last."""
        return "browser" in getattr(item, "fixturenames", ())

    items.sort(key=lambda item: (stage(item), in_chromium(item)))  # stable: otherwise in their files' order
    items[:] = _longest_first(items)
    for item in items:
        if _needed_builds(item):
            item.add_marker(pytest.mark.build)


def _longest_first(items: list[pytest.Item]) -> list[pytest.Item]:
    """The `long` tests first, each followed by a short one. `make test` deals the tests out one at a time in
    this order (pytest-xdist's load scheduling with --maxschedchunk 1) to the process that is free, but it hands each
    process two at the start: a long test followed by a short one keeps two long ones from queueing in one process
    while another has nothing left to do at the end of the run."""
    longs = [item for item in items if item.get_closest_marker("long")]
    shorts = iter([item for item in items if not item.get_closest_marker("long")])
    ordered: list[pytest.Item] = []
    for item in longs:
        ordered += [item, *itertools.islice(shorts, 1)]
    return [*ordered, *shorts]


@pytest.fixture(scope="session")
def report_text() -> str:
    if not SOURCE.is_file():
        pytest.skip(f"rapportens tekst findes ikke i {SOURCE} (den ligger i ../shared/source/ på CI)")
    return SOURCE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def data() -> Dataset:
    """The report's data folder, loaded and validated once for the whole run."""
    return load(REPO / "data")


@pytest.fixture(scope="session")
def edition_charts(data: Dataset) -> EditionCharts:
    """EditionCharts.compute(data): the charts and general quotes the editions of data/ print, once a process, as the
    build makes them once for all its editions (about 0.4 s of CPU; some fifty tests each made their own until session
    30). The variants it makes as editions ask for them are kept in it, so a later test's edition reuses them."""
    return EditionCharts.compute(data)


@pytest.fixture(scope="session")
def data_downloads(data: Dataset) -> Mapping[str, str]:
    """publishing.published_files(data): every file the book publishes for download from data/, by name, once a
    process (about 0.2 s of CPU; some forty tests each made them anew until session 30). Read only."""
    return MappingProxyType(published_files(data))


@pytest.fixture(scope="session")
def analysts(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    """The report's data as an analyst's folder (options.csv: kilde = analytiker)."""
    folder = tmp_path_factory.mktemp("analytiker") / "data"
    shutil.copytree(REPO / "data", folder)
    with_option(folder, FOLDER_SOURCE, BY_ANALYST)
    return load(folder)


@pytest.fixture(scope="session")
def provoked_messages(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str, MessageKind]]:
    """error_catalogue.message_kinds on data/: every kind of the validator's messages provoked, each on a changed copy
    of data/ (about 4.5 s of CPU), once a run (`worked_out_once`) instead of once in each of four tests of three modules
    (`make test` deals them out to all three processes); the lines come back beside the kinds, in KINDS' order."""
    lines = worked_out_once(
        tmp_path_factory, "message-kinds", lambda: [(group, line) for group, line, _ in message_kinds(load(REPO / "data"))]
    )
    kinds = [kind for _, group in KINDS for kind in group]
    return [(group, line, kind) for (group, line), kind in zip(lines, kinds, strict=True)]


@pytest.fixture(scope="session")
def tied_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """data/ with the editors' three former inferred ties (support.folders.with_inferred_ties), once per run: the
    report's data hold none, and the inference machinery (switch, offers, withheld ties) is tested on this copy."""
    return made_once(run_folder(tmp_path_factory) / "tied-data", "data", with_inferred_ties)


@pytest.fixture(scope="session")
def tied_data(tied_folder: Path) -> Dataset:
    """`tied_folder`, loaded and validated once for the whole run."""
    return load(tied_folder)


@pytest.fixture(scope="session")
def book_builds(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BookBuilds]:
    """Starts, before the first test, every build a test of this run will ask for (see the module's doc)."""
    needed = {name for item in request.session.items for name in _needed_builds(item)}
    if "two_builds" in needed:
        needed.add("eighth_site")
    if "eighth_site" in needed:
        needed.add("built_site")
    reused = os.environ.get("KR_TEST_SITE")
    builds = BookBuilds(run_folder(tmp_path_factory) / "builds", build_threads())
    if "built_site" in needed and not reused:
        builds.start("data", REPO / "data")
    if "tied_site" in needed and not os.environ.get("KR_TEST_TIED_SITE"):
        builds.start("tied", request.getfixturevalue("tied_folder"))
    if "hostile_site" in needed:
        builds.start("hostile", request.getfixturevalue("hostile_folder"))
    if "eighth_site" in needed:
        builds.start("eighth", request.getfixturevalue("eighth_data"), based_on=None if reused else "data", KR_LIST_LIMIT=LONG_LIST_LIMIT)
    if "two_builds" in needed:
        # The second build of data/ starts when the first has ended: the two never run in the same seconds. It is
        # also the build after builds killed outright in its temporary folder (support.killed_builds), which must
        # tidy up after them, and it is made in a copy of the eighth municipality's whole book with the eighth's PDF
        # (support.over_the_eighth), of which it must leave nothing: tests/test_data_cache.py and
        # tests/test_site_folder.py check that on it, instead of each making a build of its own.
        first = "data"
        if reused:  # a site built elsewhere, perhaps on another day: compare two builds of this session instead
            builds.start(first := "data-1", REPO / "data", PYTHONHASHSEED="1")
        killed = killed_builds.folder(tmp_path_factory)
        builds.start(
            "data-2",
            REPO / "data",
            based_on="eighth",
            after=first,
            again=True,
            before=lambda: killed_builds.kill_builds(killed / "tmp", killed),
            then=lambda: killed_builds.record_the_next(killed / "tmp"),
            over=over_the_eighth.lay_the_eighths_pdf,
            PYTHONHASHSEED="2",
            TMPDIR=str(killed / "tmp"),
        )
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
def tied_site(book_builds: BookBuilds) -> Path:
    """The book built once per run from `tied_folder`: the one site whose pages have inferred ties to switch on
    (KR_TEST_TIED_SITE reuses an existing build of it)."""
    if os.environ.get("KR_TEST_TIED_SITE"):
        return Path(os.environ["KR_TEST_TIED_SITE"])
    return book_builds.site("tied")


@pytest.fixture(scope="session")
def tied_url(tied_site: Path) -> Iterator[str]:
    url, server = serve(tied_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def two_builds(book_builds: BookBuilds, built_site: Path) -> tuple[Path, Path]:
    """Two builds of data/ to compare: `built_site` (its own random hash seed) and one made after it in another
    folder with PYTHONHASHSEED=2 and another temporary folder (where builds were killed first), in a copy of
    `eighth_site`'s whole output with the eighth's PDF beside its pages, then built again there with nothing changed
    (its log: <output>/rebuild.log); with KR_TEST_SITE, two builds of this session (seeds 1 and 2)."""
    first = book_builds.site("data-1") if os.environ.get("KR_TEST_SITE") else built_site
    return first, book_builds.site("data-2")


@pytest.fixture(scope="session")
def eighth_data(tmp_path_factory: pytest.TempPathFactory, tied_folder: Path) -> Path:
    """data/ with the editors' three former ties (`tied_folder`) plus the invented eighth municipality of
    tests/fixtures/eighth_municipality/ (once per run): its tests turn the inferred switch, which data/ alone has not."""
    return made_once(run_folder(tmp_path_factory) / "eighth-data", "otte-kommuner", lambda dest: with_overlay(dest, base=tied_folder))


@pytest.fixture(scope="session")
def eighth_site(book_builds: BookBuilds) -> Path:
    """One build for three questions: does an eighth municipality reach every page, do lists over the limit
    render from JSON rows (the limit changes only how long lists travel, not what a page says), and does new
    data re-execute the notebooks in a rebuild: it rebuilds a copy of `built_site`'s whole output (its Sphinx
    environment and executed notebooks too), so it costs what a clean build costs. Its log is <output>/build.log."""
    return book_builds.site("eighth")


@pytest.fixture(scope="session")
def data_workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """data/ exported as the analysts' workbook (scripts/export_workbook.py), once per run; tests read it or copy it."""

    def export(path: Path) -> None:
        result = run_script("export_workbook", "--data", str(REPO / "data"), "--out", str(path))
        assert result.returncode == 0, result.stderr

    return made_once(run_folder(tmp_path_factory) / "data-workbook", "arbejdsbog.xlsx", export)


@pytest.fixture(scope="session")
def hostile_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """data/ with tests/hostile.py's attacks laid over it."""
    return made_once(run_folder(tmp_path_factory) / "hostile-data", hostile.FOLDER_NAME, hostile.hostile_data)


@pytest.fixture(scope="session")
def hostile_site(book_builds: BookBuilds) -> Path:
    """The book built from tests/hostile.py's data: data/ with an attack in every text field."""
    return book_builds.site("hostile")


@pytest.fixture(scope="session")
def national_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The book built from national-scale synthetic data (98 municipalities, 10,000 quotes, 1,000 initiatives), as
    `make benchmark` builds it, once per run for the `national` tests (KR_TEST_NATIONAL_SITE reuses a build)."""
    if os.environ.get("KR_TEST_NATIONAL_SITE"):
        return Path(os.environ["KR_TEST_NATIONAL_SITE"])

    def make(work: Path) -> None:
        generate = [sys.executable, str(REPO / "scripts" / "generate_synthetic.py"), "--out", str(work / "data")]
        subprocess.run([*generate, "--quotes", "10000", "--initiatives", "1000", "--seed", "1"], check=True, capture_output=True)
        build_book(work / "data", work / "site")

    return made_once(run_folder(tmp_path_factory) / "national", "book", make) / "site" / "_build" / "html"


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


# The full Chromium, as a reader's, where the headless shell behaves otherwise (tooltips on a tap, layout shifts).
FULL_CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def full_chromium(browser):
    """The full Chromium (not the headless shell), started once per process for every test that needs it: three
    modules each started their own until session 23. Unlike `browser`, its pages scroll as the reader's do."""
    if not Path(FULL_CHROMIUM).exists():
        pytest.fail(f"{FULL_CHROMIUM} mangler; make test installerer Debians pakke 'chromium'")
    full = browser.browser.browser_type.launch(executable_path=FULL_CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    yield full
    full.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="da-DK")
    page = context.new_page()
    yield page
    context.close()
