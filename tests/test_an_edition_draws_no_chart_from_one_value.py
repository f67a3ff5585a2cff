"""Issue 22: Egedal's PDF edition printed "Diagram 1. Kunstformer og aktiviteter pr. kommune" as one bar beside one
grey bar (Værkstedsarbejde: 1 of 1), alone on a page; Guldborgsund's drew all municipalities' grey bars beside none
of its own. A chart with one value says less than a sentence: the package decides from the data when a chart is
worth drawing (editions.worth_drawing), and otherwise the figure is one sentence over its table."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from bs4 import BeautifulSoup

from kulturensrige.edition import editions

STAMP = editions.Stamp("data", "0123456789", dt.date(2026, 12, 1))


@pytest.fixture(scope="module")
def printed(data, edition_charts) -> dict[str, BeautifulSoup]:
    made = edition_charts
    return {
        row.name: BeautifulSoup(editions.municipality_edition(data, row.kommunekode, STAMP, made, "plotly.min.js"), "html.parser")
        for row in data.municipalities.itertuples()
    }


def test_no_edition_draws_a_chart_from_a_single_value(printed):
    """Every drawn chart of every edition has at least two values of the municipality's own that differ from nothing:
    two rows where it counts something. Where it has fewer, the figure says it in a sentence and keeps its table."""
    drawn = said = 0
    for name, page in printed.items():
        for figure in page.select(".kr-figure"):
            title = figure.select_one(".kr-figure-title").get_text(" ", strip=True)
            island = figure.select_one("script.kr-edition-figure")
            if island is None:
                said += 1
                sentence = figure.select_one(".kr-figure-said").get_text(" ", strip=True)
                assert name in sentence and figure.select_one("table"), (name, title, sentence)
                continue
            drawn += 1
            first = json.loads(island.get_text())["data"][0]
            values = [v for v in first.get("x" if first.get("orientation") == "h" else "y", []) if v]
            assert len(values) >= 2, (name, title, first)
    assert drawn and said, (drawn, said)
