"""A new municipality in the data reaches every part of the book without a code change.

The fixture tests/fixtures/eighth_municipality/ holds only the new rows (an invented municipality,
kommunekode 999, one initiative and two quotes attributed `stated`); they are appended to a fresh copy
of data/ (conftest.py `eighth_data`), so the fixture follows data/ as it changes. The book built from it
(`eighth_site`) is shared with the long-list tests.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from kulturensrige import load
from kulturensrige.rules import statistics
from kulturensrige.words import number

REPO = Path(__file__).resolve().parent.parent
CODE = "999"
FIGURE_JSON = re.compile(r'<script type="application/json" class="kr-figure-json">(.*?)</script>', re.S)


@pytest.fixture(scope="module")
def eighth(eighth_data: Path) -> Path:
    return eighth_data


def test_the_fixture_is_valid_and_clearly_invented(eighth: Path):
    data = load(eighth)
    base = load(REPO / "data")
    assert len(data.municipalities) == len(base.municipalities) + 1
    new = data.municipalities[data.municipalities["kommunekode"] == CODE].iloc[0]
    assert "opdigtet" in new["name"] and "opdigtet til test" in new["summary"]
    assert CODE not in set(base.municipalities["kommunekode"])
    quotes = data.quotes[data.quotes["kommunekode"] == CODE]
    assert len(quotes) == 2 and set(quotes["attribution"]) == {"stated"}
    assert (data.initiatives["kommunekode"] == CODE).sum() == 1


def _figures(page: Path) -> list[dict]:
    return [json.loads(island) for island in FIGURE_JSON.findall(page.read_text(encoding="utf-8"))]


@pytest.mark.build
def test_the_book_built_from_it_shows_the_eighth_municipality(eighth: Path, eighth_site: Path):
    site = eighth_site
    data = load(eighth)
    new = data.municipalities[data.municipalities["kommunekode"] == CODE].iloc[0]
    name = new["name"]

    # the filter's list of municipalities
    script = (site / "_static" / "kr-data.js").read_text(encoding="utf-8")
    payload = json.loads(re.search(r"window\.KR_DATA\s*=\s*(\{.*\});?\s*$", script, re.S).group(1))
    listed = {m["code"]: m for m in payload["kommuner"]}
    assert len(listed) == len(data.municipalities)
    assert listed[CODE]["name"] == name and listed[CODE]["slug"] == new["slug"]

    # its own profile page, with its initiative and both quotes
    profile = (site / "kommuner" / f"profil-{new['slug']}.html").read_text(encoding="utf-8")
    assert html.escape(name, quote=False) in profile
    for title in data.initiatives.loc[data.initiatives["kommunekode"] == CODE, "title"]:
        assert html.escape(title, quote=False) in profile
    for text in data.quotes.loc[data.quotes["kommunekode"] == CODE, "text"]:
        assert html.escape(text, quote=False) in profile

    # the charts: a variant for it, and its name in the comparison across municipalities
    for page in ("ingredienser/oversigt.html", "kommuner/sammenligning.html"):
        figures = _figures(site / page)
        assert any(CODE in f["variants"] for f in figures), page
    # the comparison's tables of marks name it in their heads (it has no initiative with an art form or a target
    # group of the report's, so its column is empty but there)
    comparison = (site / "kommuner" / "sammenligning.html").read_text(encoding="utf-8")
    heads = re.findall(r'<span class="kr-marks-name">(.*?)</span>', comparison)
    assert heads and html.escape(name, quote=False) in heads

    # the front page's key figures, counted from the fixture
    front = (site / "index.html").read_text(encoding="utf-8")
    for count, label in [
        (len(data.municipalities), "kommuner"),
        (int((~statistics.initiative_parts(data.initiatives)).sum()), "indsatser"),  # a project's parts with it
        (len(data.quotes), "citater"),
    ]:
        assert f'<span class="kr-figure-number">{number(count)}</span> {label}' in front, label
