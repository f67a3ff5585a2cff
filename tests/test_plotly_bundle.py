"""The book's plotly.js is the cartesian partial bundle of exactly the version plotly.py writes figures for.

book/_static/plotly.min.js is npm's `plotly.js-cartesian-dist-min`, committed so a clean clone builds without npm.
To update it after a plotly upgrade: `npm pack plotly.js-cartesian-dist-min@<version>` and copy
`package/plotly-cartesian.min.js` over it (its licence header stays in the file, LICENSE beside it).
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


def test_the_bundle_is_the_cartesian_build_of_the_version_plotly_py_emits():
    header = bundle_header()
    assert "plotly.js (cartesian - minified)" in header, header[:200]
    version = re.search(r"\bv(\d+\.\d+\.\d+)\b", header).group(1)
    assert version == plotly.offline.get_plotlyjs_version(), (
        f"book/_static/plotly.min.js er plotly.js {version}, men plotly.py skriver til {plotly.offline.get_plotlyjs_version()}"
    )
    assert "Licensed under the MIT license" in header
    assert (REPO / "book" / "_static" / "plotly-LICENSE.txt").is_file()


def test_every_trace_type_the_package_draws_is_in_the_bundle():
    drawn = traces_in_package()
    assert {"bar", "heatmap", "scatter"} <= drawn, drawn
    assert drawn <= bundle_traces(), f"ikke i det kartesiske bundt: {drawn - bundle_traces()}"


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
