"""The book's plotly.js holds the trace types the book draws, of exactly the version plotly.py writes figures for.

book/_static/plotly.min.js is built by `make plotly-bundle` (scripts/plotly-bundle: plotly.js's core with bar and
heatmap, from the pinned plotly.js, esbuild as plotly.js builds its own bundles), committed so a clean clone builds
without npm. Its licence header stays in the file, LICENSE beside it. Evaluating it is a third of the cartesian
bundle's time on a slow phone (BENCHMARKS.md, "Charts on a slow phone, session 22"). After a plotly upgrade or a new
trace type: change scripts/plotly-bundle's package.json or plotly-book.js, `npm install` there, `make plotly-bundle`.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import plotly.graph_objects as go
import plotly.offline
import pytest
from plotly.basedatatypes import BaseTraceType

REPO = Path(__file__).resolve().parent.parent
BUNDLE = REPO / "book" / "_static" / "plotly.min.js"
BUNDLE_BUILD = REPO / "scripts" / "plotly-bundle"
FIGURE_JSON = re.compile(r'<script type="application/json" class="kr-figure-json">(.*?)</script>', re.S)


def bundle_header() -> str:
    return BUNDLE.read_text(encoding="utf-8")[:400]


def bundle_traces() -> set[str]:
    """The trace types the bundle registers (each trace module declares moduleType "trace" and its name)."""
    return set(re.findall(r'moduleType:"trace",name:"(\w+)"', BUNDLE.read_text(encoding="utf-8")))


def traces_in_package() -> set[str]:
    """Every trace type the package constructs (`go.Bar(...)`) or adds to a figure (`figure.add_scatter(...)`)."""
    found = set()
    for path in sorted((REPO / "kulturensrige").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            name = node.func.attr
            if isinstance(node.func.value, ast.Name) and node.func.value.id == "go":
                cls = getattr(go, name, None)
            else:
                cls = getattr(go, name.removeprefix("add_").title().replace("_", ""), None) if name.startswith("add_") else None
            if isinstance(cls, type) and issubclass(cls, BaseTraceType):
                found.add(cls().type)
    return found


def test_the_bundle_is_built_from_the_pinned_plotly_js_of_the_version_plotly_py_emits():
    header = bundle_header()
    assert "plotly.js (bar, heatmap, scatter - minified)" in header, header[:200]
    version = re.search(r"\bv(\d+\.\d+\.\d+)\b", header).group(1)
    assert version == plotly.offline.get_plotlyjs_version(), (
        f"book/_static/plotly.min.js er plotly.js {version}, men plotly.py skriver til {plotly.offline.get_plotlyjs_version()}"
    )
    pinned = json.loads((BUNDLE_BUILD / "package.json").read_text(encoding="utf-8"))["devDependencies"]["plotly.js"]
    locked = json.loads((BUNDLE_BUILD / "package-lock.json").read_text(encoding="utf-8"))["packages"]["node_modules/plotly.js"]
    assert pinned == locked["version"] == version, (pinned, locked["version"], version)
    assert "Licensed under the MIT license" in header
    assert (REPO / "book" / "_static" / "plotly-LICENSE.txt").is_file()


def test_every_trace_type_the_package_draws_is_in_the_bundle():
    drawn = traces_in_package()
    assert {"bar", "heatmap", "scatter"} <= drawn, drawn
    assert drawn <= bundle_traces(), f"ikke i bundtet (scripts/plotly-bundle/plotly-book.js): {drawn - bundle_traces()}"


def test_the_bundle_holds_no_trace_type_the_book_does_not_draw():
    """Each trace module is code a slow phone evaluates before the first chart: only the ones drawn are in it."""
    unused = bundle_traces() - traces_in_package()
    assert not unused, f"bundtet har sportyper, bogen ikke tegner: {sorted(unused)}"


@pytest.mark.build
def test_every_trace_on_a_built_page_is_in_the_bundle(built_site: Path):
    available, used = bundle_traces(), set()
    for page in built_site.rglob("*.html"):
        for island in FIGURE_JSON.findall(page.read_text(encoding="utf-8")):
            payload = json.loads(island)
            for variant in payload["variants"].values():
                # Variants share their traces (figures.shared_payload): `data` indexes the island's list of traces.
                used |= {trace.get("type", "scatter") for trace in payload["traces"][variant["data"]]}
    assert used and used <= available, used - available
