"""Issue 22, reader review of session 19: on a phone `kommuner/oversigt`'s table showed only "Kommune" and
"Kommunekode (redaktionens tilføjelse)"; the counts a consultant reads it for, "Indsatser" and "Citater", lay off to
the right. They come first after the name now, whole on a 375 px screen (each row a short block, reader review 20),
while the page's CSV keeps its documented header (test_kommunefilter.py's download test). Where the data tie no quote, the table has
no column of tied quotes (views.any_tied; a column of zeros, issue 22), and the one count stands there."""

from __future__ import annotations

import pytest

from kulturensrige.rules import views
from support.screens import opened

pytestmark = pytest.mark.browser

# The first row's values: each one's column name and its box's left and right edge, on the screen.
CELLS_JS = """(t) => [...t.tBodies[0].rows[0].cells].slice(1).map((c) => {
  const box = c.getBoundingClientRect(); return {text: c.dataset.label, left: box.left, right: box.right}; })"""


def test_the_municipalities_counts_show_whole_beside_the_name_on_a_phone(data, site_url, browser):
    with opened(browser, f"{site_url}/kommuner/oversigt.html", "375") as page:
        table = page.locator("#tabel-kommuner")
        table.scroll_into_view_if_needed()
        cells = table.evaluate(CELLS_JS)
        counts = [c for c in cells if c["text"].startswith(("Indsatser", "Citater"))]
        assert len(counts) == (2 if views.any_tied(data) else 1), cells
        assert all(c["left"] >= 0 and c["right"] <= 375 for c in counts), cells
        assert [c["text"] for c in cells[: len(counts)]] == [c["text"] for c in counts], "right after the name"
