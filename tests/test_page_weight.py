"""Page weight budgets (issue 11), in bytes: what a page loads, from the built files.

A page's weight is its HTML plus every local script, style sheet and image it references, each file once,
and plotly.js on a page with a chart (kr-charts.js fetches it when a chart comes near the screen), as
scripts/benchmark.py measures it (BENCHMARKS.md), raw and gzipped. Web fonts are not counted because no
page sets text in one: the theme's icons are inline SVG (kulturensrige/book/icons.py), checked below.
Measured at the report's scale after issue 11: heaviest kommuner/sammenligning.html 2.42 MB raw, 0.67 MB
gzip (plotly.js's cartesian bundle is 1.5 MB of it); median page 0.79 MB.
"""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from support.checks import each
from support.scripts import script

pytestmark = pytest.mark.build
HEAVIEST_RAW = 2_500_000
HEAVIEST_GZIP = 800_000
MEDIAN_RAW = 1_000_000


@pytest.fixture(scope="module")
def weights(built_site: Path):
    return script("benchmark").measure_site(built_site.resolve())


def test_the_heaviest_page_stays_within_the_budget_raw_and_gzipped(weights):
    heaviest = max(weights, key=lambda p: p.total)
    assert heaviest.total <= HEAVIEST_RAW, f"{heaviest.path}: {heaviest.total:,} B > {HEAVIEST_RAW:,} B"
    compressed = max(weights, key=lambda p: p.gzip_total)
    assert compressed.gzip_total <= HEAVIEST_GZIP, f"{compressed.path}: {compressed.gzip_total:,} B gzip > {HEAVIEST_GZIP:,} B"


def test_the_median_page_stays_within_the_budget(weights):
    assert len(weights) >= 20
    median = statistics.median(p.total for p in weights)
    assert median <= MEDIAN_RAW, f"median {median:,.0f} B > {MEDIAN_RAW:,} B"


def test_every_page_loads_only_its_own_files(weights):
    for page in each(weights):
        assert not page.external, (page.path, page.external)
        assert not page.missing, (page.path, page.missing)


def test_every_icon_is_inline_so_no_page_fetches_the_icon_font(built_site: Path):
    for page in each(built_site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for icon in soup.select(".fa-solid, .fa-regular, .fa-brands, .fas, .far, .fab"):
            assert "kr-icon" in icon["class"] and icon.find("svg"), (page.name, str(icon)[:120])
