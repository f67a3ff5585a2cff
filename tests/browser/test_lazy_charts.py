"""plotly.js (1.5 MB) reaches a page only when one of its charts does (book/_static/kr-charts.js, issue 11).

A phone reader who opens a page with its charts far down gets the text without plotly.js; scrolling a chart
into view fetches it once and draws the chart. A reader who only looks still gets the chart already in view.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser
PHONE = {"width": 412, "height": 823}


def plotly_requests(page) -> list[str]:
    found: list[str] = []
    page.on("request", lambda request: found.append(request.url) if "plotly" in request.url else None)
    return found


def test_plotly_is_fetched_once_and_only_when_a_chart_comes_near_the_screen(browser, site_url):
    context = browser.new_context(locale="da-DK", viewport=PHONE)
    page = context.new_page()
    try:
        fetched = plotly_requests(page)
        page.goto(f"{site_url}/kommuner/sammenligning.html", wait_until="load")
        page.evaluate("() => window.KR_FILTER.ready")
        first = page.locator(".kr-plot").first
        assert page.evaluate("(plot) => plot.getBoundingClientRect().top > window.innerHeight + 200", first.element_handle())
        page.wait_for_timeout(500)
        assert fetched == [], "plotly.js fetched while no chart is near the screen"
        first.scroll_into_view_if_needed()
        first.locator(".main-svg").first.wait_for()
        page.locator(".kr-plot").nth(1).scroll_into_view_if_needed()
        page.locator(".kr-plot").nth(1).locator(".main-svg").first.wait_for()
        assert len(fetched) == 1 and fetched[0].split("?")[0].endswith("/_static/plotly.min.js"), fetched
    finally:
        context.close()


def test_a_chart_in_view_is_drawn_for_a_reader_who_neither_scrolls_nor_touches(browser, site_url):
    context = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{site_url}/kulturens-rige.html", wait_until="load")
        plot = page.locator(".kr-plot").first
        assert page.evaluate("(plot) => plot.getBoundingClientRect().top < window.innerHeight", plot.element_handle())
        plot.locator(".main-svg").first.wait_for(timeout=15_000)
    finally:
        context.close()
