"""plotly.js (1.5 MB) reaches a page only when one of its charts does (book/_static/kr-charts.js, issue 11).

A phone reader who opens a page with its charts far down gets the text without plotly.js; scrolling a chart
into view fetches it once and draws the chart. A reader who only looks still gets the chart already in view.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser
PHONE = {"width": 412, "height": 823}


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="da-DK", viewport=PHONE)
    yield context.new_page()
    context.close()


def open_chart_page(page, site_url: str, query: str = ""):
    """The ingredient overview (two charts, the first below the first screen, the second a screen below it), its
    first and last chart."""
    page.goto(f"{site_url}/ingredienser/oversigt.html{query}")
    page.evaluate("() => window.KR_FILTER.ready")
    return page.locator(".kr-plot").first, page.locator(".kr-plot").last


def plotly_requests(page) -> list[str]:
    found: list[str] = []
    page.on("request", lambda request: found.append(request.url) if "plotly" in request.url else None)
    return found


def test_plotly_is_fetched_once_and_only_when_a_chart_comes_near_the_screen(browser, site_url):
    context = browser.new_context(locale="da-DK", viewport=PHONE)
    page = context.new_page()
    try:
        fetched = plotly_requests(page)
        page.goto(f"{site_url}/ingredienser/oversigt.html", wait_until="load")
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


def test_a_choice_redraws_the_charts_near_the_screen_and_the_others_as_they_come_back(phone, site_url):
    """A reader who scrolled past a chart and then chooses a municipality waits only for the charts in view; the
    chart far above or below is cleared (never left showing the previous choice) and drawn for the new one on return."""
    first, last = open_chart_page(phone, site_url)
    for plot in (last, first):
        plot.scroll_into_view_if_needed()
        phone.wait_for_function(SHOWS_THE_STATE_JS, arg=plot.element_handle())
    assert phone.evaluate("(plot) => plot.getBoundingClientRect().top > window.innerHeight + 200", last.element_handle())
    code = phone.eval_on_selector_all("#kr-kommune option", "options => options.map((o) => o.value)")[1]
    phone.evaluate("() => { window.__krShown = new Promise((shown) => document.addEventListener('kr:filtered', shown, {once: true})); }")
    phone.select_option("#kr-kommune", code)
    phone.evaluate("() => window.__krShown")
    assert phone.evaluate(SHOWS_THE_STATE_JS, first.element_handle()), "the chart in view shows the choice"
    assert last.get_attribute("aria-hidden") == "true" and last.locator(".main-svg").count() == 0, "far chart cleared"
    last.scroll_into_view_if_needed()
    phone.wait_for_function(SHOWS_THE_STATE_JS, arg=last.element_handle())


def test_a_printed_page_shows_every_chart_for_the_choice_also_those_far_from_the_screen(phone, site_url):
    first, last = open_chart_page(phone, site_url, "?kommune=koege")
    first.scroll_into_view_if_needed()
    phone.wait_for_function(SHOWS_THE_STATE_JS, arg=first.element_handle())
    assert last.locator(".main-svg").count() == 0, "far chart not drawn before printing"
    phone.pdf()  # Chromium fires beforeprint, as a reader's print does
    for plot in phone.locator(".kr-plot").all():
        phone.wait_for_function(SHOWS_THE_STATE_JS, arg=plot.element_handle())
