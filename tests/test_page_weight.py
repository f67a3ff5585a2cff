"""Page weight budgets (issues 11 and 24), in bytes: what a page loads, from the built files, at the report's scale
and at national scale (98 municipalities, 1,000 initiatives, 10,000 quotes: scripts/generate_synthetic.py).

A page's weight is its HTML plus every local script, style sheet and image it references, each file once,
and plotly.js on a page with a chart (kr-charts.js fetches it after the load), as
scripts/benchmark.py measures it (BENCHMARKS.md), raw and gzipped. Web fonts are not counted because no
page sets text in one: the theme's icons are inline SVG (kulturensrige/book/icons.py), checked below.
Measured at the report's scale after issue 11: heaviest kommuner/sammenligning.html 2.42 MB raw, 0.67 MB
gzip (plotly.js's cartesian bundle is 1.5 MB of it); median page 0.79 MB.

At national scale a page carries only what it shows first; the rest waits in files beside it that the page loads
when the reader wants their part (a long list's later cards, a chart's other variants, the cards behind a chart:
book/extension.py side_files). Those are not part of a page's weight, but none may be large either. Before issue 24
the national ingredienser/oversigt.html weighed 18.95 MB. The national tests (marker `national`) generate the data
and build the book once: about a minute on a quiet 2-core machine (KR_TEST_NATIONAL_SITE reuses a build).
"""

from __future__ import annotations

import dataclasses
import json
import statistics
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from support.builds import made_once, run_folder
from support.checks import each
from support.scripts import script

pytestmark = pytest.mark.build
HEAVIEST_RAW = 2_500_000
HEAVIEST_GZIP = 800_000
MEDIAN_RAW = 1_000_000
# The largest file a page loads when the reader asks for more (the drill-through's index of 10,000 cards is the largest).
SIDE_FILE_RAW = 300_000


@pytest.fixture(scope="module")
def weights(built_site: Path):
    return script("benchmark").measure_site(built_site.resolve())


@pytest.fixture(scope="module")
def national_weights(national_site: Path, tmp_path_factory: pytest.TempPathFactory):
    """The book built from national-scale synthetic data, as `make benchmark` builds it (conftest's national_site),
    measured once per run: its two tests, both long, usually start in two processes, and measuring 116 pages and
    their files is a build's worth of CPU."""
    benchmark = script("benchmark")

    def measure(path: Path) -> None:
        pages = benchmark.measure_site(national_site.resolve())
        path.write_text(json.dumps([dataclasses.asdict(page) for page in pages]), encoding="utf-8")

    measured = made_once(run_folder(tmp_path_factory) / "national-weights", "pages.json", measure)
    return [benchmark.Page(**page) for page in json.loads(measured.read_text(encoding="utf-8"))]


def check_budget(weights) -> None:
    heaviest = max(weights, key=lambda p: p.total)
    assert heaviest.total <= HEAVIEST_RAW, f"{heaviest.path}: {heaviest.total:,} B > {HEAVIEST_RAW:,} B"
    compressed = max(weights, key=lambda p: p.gzip_total)
    assert compressed.gzip_total <= HEAVIEST_GZIP, f"{compressed.path}: {compressed.gzip_total:,} B gzip > {HEAVIEST_GZIP:,} B"
    assert len(weights) >= 20
    median = statistics.median(p.total for p in weights)
    assert median <= MEDIAN_RAW, f"median {median:,.0f} B > {MEDIAN_RAW:,} B"


def test_the_heaviest_and_the_median_page_stay_within_the_budget(weights):
    check_budget(weights)


@pytest.mark.long
@pytest.mark.national
def test_at_national_scale_every_page_stays_within_the_budget_raw_and_gzipped(national_weights):
    assert len(national_weights) >= 110, "98 profile pages and the chapters"
    check_budget(national_weights)


@pytest.mark.long
@pytest.mark.national
def test_at_national_scale_what_a_page_loads_later_comes_in_small_files(national_weights):
    """The drill-through's 10,000 cards, the long lists' rows and the charts' 198 variants are beside the pages, in
    files no larger than SIDE_FILE_RAW, and every page that names one has it."""
    side = [p for p in national_weights if p.side_files]
    assert {"ingredienser/oversigt.html", "kommuner/sammenligning.html"} <= {p.path for p in side}
    largest = max(side, key=lambda p: p.largest_side)
    assert largest.largest_side <= SIDE_FILE_RAW, f"{largest.path}: a file of {largest.largest_side:,} B beside it"
    for page in national_weights:
        assert not page.missing, (page.path, page.missing)


def test_every_page_loads_only_its_own_files(weights):
    for page in each(weights):
        assert not page.external, (page.path, page.external)
        assert not page.missing, (page.path, page.missing)


def test_every_icon_is_inline_so_no_page_fetches_the_icon_font(built_site: Path):
    for page in each(built_site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for icon in soup.select(".fa-solid, .fa-regular, .fa-brands, .fas, .far, .fab"):
            assert "kr-icon" in icon["class"] and icon.find("svg"), (page.name, str(icon)[:120])
