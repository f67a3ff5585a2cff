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


# Whether a plot is drawn, and drawn as the variant its figure's data gives for the page's state.
SHOWS_THE_STATE_JS = """(plot) => {
    const payload = JSON.parse(plot.closest('figure.kr-figure').querySelector('script.kr-figure-json').textContent);
    const variant = payload.variants[window.KR.variantKey(payload.variants, window.KR.keyOf(window.KR.state))];
    const shape = (traces) => JSON.stringify(traces.map((t) => [t.x, t.y, t.z]));
    return !plot.hasAttribute('aria-hidden') && shape(plot.data) === shape(payload.traces[variant.data]);
}"""


def test_a_choice_redraws_the_charts_near_the_screen_and_the_others_as_they_come_back(browser, site_url):
    """A reader who scrolled past a chart and then chooses a municipality waits only for the charts in view; the
    chart far above or below is cleared (never left showing the previous choice) and drawn for the new one on return."""
    context = browser.new_context(locale="da-DK", viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(f"{site_url}/kommuner/sammenligning.html")
        page.evaluate("() => window.KR_FILTER.ready")
        first, last = page.locator(".kr-plot").first, page.locator(".kr-plot").last
        for plot in (last, first):
            plot.scroll_into_view_if_needed()
            page.wait_for_function(SHOWS_THE_STATE_JS, arg=plot.element_handle())
        assert page.evaluate("(plot) => plot.getBoundingClientRect().top > window.innerHeight + 200", last.element_handle())
        code = page.eval_on_selector_all("#kr-kommune option", "options => options.map((o) => o.value)")[1]
        page.evaluate("() => { window.__krShown = new Promise((shown) => document.addEventListener('kr:filtered', shown, {once: true})); }")
        page.select_option("#kr-kommune", code)
        page.evaluate("() => window.__krShown")
        assert page.evaluate(SHOWS_THE_STATE_JS, first.element_handle()), "the chart in view shows the choice"
        assert last.get_attribute("aria-hidden") == "true" and last.locator(".main-svg").count() == 0, "far chart cleared"
        last.scroll_into_view_if_needed()
        page.wait_for_function(SHOWS_THE_STATE_JS, arg=last.element_handle())
    finally:
        context.close()


def test_a_printed_page_shows_every_chart_for_the_choice_also_those_far_from_the_screen(browser, site_url):
    context = browser.new_context(locale="da-DK", viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(f"{site_url}/kommuner/sammenligning.html?kommune=koege")
        page.evaluate("() => window.KR_FILTER.ready")
        first, last = page.locator(".kr-plot").first, page.locator(".kr-plot").last
        first.scroll_into_view_if_needed()
        page.wait_for_function(SHOWS_THE_STATE_JS, arg=first.element_handle())
        assert last.locator(".main-svg").count() == 0, "far chart not drawn before printing"
        page.pdf()  # Chromium fires beforeprint, as a reader's print does
        for plot in page.locator(".kr-plot").all():
            page.wait_for_function(SHOWS_THE_STATE_JS, arg=plot.element_handle())
    finally:
        context.close()
