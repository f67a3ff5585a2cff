"""Issue 22, a new reader: every page opened with a municipality chosen moved about 30 px when the lines under the
filter bar (what the choice marks, the municipality's page) filled in from the deferred scripts. Their height is kept
from the start, so the page holds still: a cumulative layout shift of at most 0.01 at both widths."""

from __future__ import annotations

import pytest

from support.shifts import layout_shifts, on_a_phones_network

pytestmark = pytest.mark.browser

# The full Chromium (conftest's `full_chromium`), as a reader's: the headless shell reported no shift of the lines'
# 30 px at 375 px.

SCREENS = {"phone": {"width": 375, "height": 667}, "desktop": {"width": 1280, "height": 800}}
PAGES = ["kommuner/oversigt.html", "baggrund.html", "vaerdiskabelser.html"]


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("path", PAGES)
def test_a_page_opened_with_a_municipality_chosen_holds_still(full_chromium, site_url, screen, path):
    context, page = on_a_phones_network(full_chromium, SCREENS[screen], reduced_motion="reduce")
    try:
        page.goto(f"{site_url}/{path}?kommune=egedal")
        seen = layout_shifts(page)  # the reader's own input aside
        assert seen["total"] <= 0.01, seen
    finally:
        context.close()
