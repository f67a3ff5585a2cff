"""Page weight budget: the heaviest page, with everything it loads, stays under a limit set from measurement.

Measured 7.5 MB for ingredienser/oversigt.html at the report's scale (plotly.min.js alone is 4.8 MB);
the budget leaves room for the data to grow a little, not for a second copy of plotly.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.build
BUDGET_BYTES = 10 * 1024 * 1024


def page_weight(page: Path, site: Path) -> int:
    """The page plus every local script, style sheet and image it references, each counted once."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    refs = {tag.get("src") for tag in soup.find_all(["script", "img"]) if tag.get("src")}
    refs |= {tag.get("href") for tag in soup.find_all("link") if tag.get("href") and "stylesheet" in (tag.get("rel") or [])}
    files = {(page.parent / urlsplit(ref).path).resolve() for ref in refs if not urlsplit(ref).scheme}
    return page.stat().st_size + sum(f.stat().st_size for f in files if f.is_file() and f.is_relative_to(site.resolve()))


def test_the_heaviest_page_stays_within_the_budget(built_site: Path):
    pages = [p for p in built_site.rglob("*.html") if "_sources" not in p.parts and "_static" not in p.parts]
    weights = {str(p.relative_to(built_site)): page_weight(p, built_site) for p in pages}
    heaviest = max(weights, key=weights.get)
    assert weights[heaviest] <= BUDGET_BYTES, f"{heaviest}: {weights[heaviest] / 1e6:.1f} MB > {BUDGET_BYTES / 1e6:.1f} MB"
