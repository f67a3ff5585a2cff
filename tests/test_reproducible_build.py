"""Two builds of the same commit and data give the same files, apart from a stated, minimal set.

The builds differ in everything that should not matter: output folder, staging folder (each beside its
output), Python's hash seed (so an unordered set that leaks into a page shows up), the time they run, the temporary
folder (builds were killed in the second's first) and what stood in the output folder before (the second is made
in a copy of the eighth municipality's whole book: conftest's `two_builds`).
SOURCE_DATE_EPOCH is fixed by `build_book` (the footer's build date). The first build is the session's
`built_site`, so the comparison costs one build, not two (conftest.py `two_builds`).
"""

from __future__ import annotations

import filecmp
import json
import re
from pathlib import Path

import pytest

from kulturensrige.render import charts

REPO = Path(__file__).resolve().parent.parent
FIGURE_JSON = re.compile(r'<script type="application/json" class="kr-figure-json">(.*?)</script>', re.S)

# Every file that may differ between the two builds, with the reason. Nothing else may.
ALLOWED_DIFFERENCES = {
    # Sphinx's cache key for incremental builds: a hash of the configuration, which holds the absolute
    # paths of the staging folder and of the output folder (html_static_path gets <output>/_kr_generated).
    # It is never served to readers and never read by a browser.
    ".buildinfo": "Sphinx's configuration hash includes the build's own absolute folders",
}


def _files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


@pytest.mark.build
def test_two_builds_of_the_same_commit_and_data_are_identical(two_builds: tuple[Path, Path]):
    first, second = two_builds
    assert _files(first) == _files(second)
    compared = sorted(_files(first) - set(ALLOWED_DIFFERENCES))
    assert len([f for f in compared if f.endswith(".html")]) >= 20
    _, mismatch, errors = filecmp.cmpfiles(first, second, compared, shallow=False)
    assert not errors
    assert not mismatch, f"forskelle mellem to byg: {mismatch}"


@pytest.mark.build
def test_figure_json_has_no_random_ids(built_site: Path, data):
    """plotly gives every trace a random uid unless told not to; the islands must not carry one."""
    islands = 0
    for page in built_site.rglob("*.html"):
        for island in FIGURE_JSON.findall(page.read_text(encoding="utf-8")):
            islands += 1
            assert '"uid"' not in island, page
            json.loads(island)
    # Figures 2-4 are HTML lists and the comparison's sparse matrices tables of marks, not plotly charts; Figure 1, the
    # two charts across ingredients and the comparison's partner chart remain, the matrix of ingredients by
    # municipality only where the data tie a quote to one (charts.figures_not_drawn; the report's data tie none).
    assert islands >= 4 - len(charts.figures_not_drawn(data))
