"""Issue 22, reader review of session 19: on a phone `kommuner/oversigt`'s table showed only "Kommune" and
"Kommunekode (redaktionens tilføjelse)"; the counts a consultant reads it for, "Indsatser" and "Citater", lay off to
the right. They stand beside the name now, whole on a 375 px screen before any sideways scrolling, while the page's
CSV keeps its documented header (test_kommunefilter.py's download test). Where the data tie no quote, the table has
no column of tied quotes (views.any_tied; a column of zeros, issue 22), and the one count stands there."""

from __future__ import annotations

import pytest

from kulturensrige.rules import views

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 375, "height": 667}, "is_mobile": True, "has_touch": True}
# Each column head's text and its box's left and right edge, on the screen.
HEADS_JS = """(t) => [...t.tHead.rows[0].cells].map((c) => {
  const box = c.getBoundingClientRect(); return {text: c.textContent, left: box.left, right: box.right}; })"""


def test_the_municipalities_counts_show_whole_beside_the_name_on_a_phone(data, site_url, browser):
    context = browser.new_context(locale="da-DK", **PHONE)
    page = context.new_page()
    try:
        page.goto(f"{site_url}/kommuner/oversigt.html")
        page.evaluate("() => window.KR_FILTER.ready")
        table = page.locator("#tabel-kommuner")
        table.scroll_into_view_if_needed()
        heads = table.evaluate(HEADS_JS)
        counts = [h for h in heads if h["text"].startswith(("Indsatser", "Citater"))]
        assert len(counts) == (2 if views.any_tied(data) else 1), heads
        assert all(h["left"] >= 0 and h["right"] <= 375 for h in counts), heads
        assert [h["text"] for h in heads[1 : 1 + len(counts)]] == [h["text"] for h in counts], "right after the name"
    finally:
        context.close()
