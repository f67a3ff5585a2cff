"""plotly.js (1.2 MB) never loads with the page, and charts are ready before the reader reaches them
(book/_static/kr-charts.js, issues 11 and 24).

A phone reader who opens a page gets the text without plotly.js; once the reader scrolls, touches or types (or the
page has been left alone for a moment), plotly.js is fetched once, and every chart is drawn ahead, nearest first,
before it is scrolled into view. Drawing a chart moves nothing on the page: its place has the chart's size.
"""

from __future__ import annotations

import pytest

from kulturensrige.render import figures

pytestmark = pytest.mark.browser
PHONE = {"width": 412, "height": 823}


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="da-DK", viewport=PHONE)
    yield context.new_page()
    context.close()


def open_chart_page(page, site_url: str, query: str = ""):
    """The ingredient overview (two charts, the first below the first screen, the second a screen below it), its
    first and last chart: on `tied_url`, as the report's data, with no inferred tie, have no second chart (ADR 33)."""
    page.goto(f"{site_url}/ingredienser/oversigt.html{query}")
    page.evaluate("() => window.KR_FILTER.ready")
    return page.locator(".kr-plot").first, page.locator(".kr-plot").last


def plotly_requests(page) -> list[str]:
    found: list[str] = []
    page.on("request", lambda request: found.append(request.url) if "plotly" in request.url else None)
    return found


def test_plotly_is_not_fetched_with_the_page_but_once_the_reader_begins_and_only_once(browser, tied_url):
    context = browser.new_context(locale="da-DK", viewport=PHONE)
    page = context.new_page()
    try:
        fetched = plotly_requests(page)
        page.goto(f"{tied_url}/ingredienser/oversigt.html", wait_until="load")
        page.evaluate("() => window.KR_FILTER.ready")
        first = page.locator(".kr-plot").first
        assert page.evaluate("(plot) => plot.getBoundingClientRect().top > window.innerHeight + 200", first.element_handle())
        page.wait_for_timeout(500)
        assert fetched == [], "plotly.js fetched with the page, before the reader began"
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


FAR_BELOW_JS = "(plot) => plot.getBoundingClientRect().top > window.innerHeight + 200"
# Whether a plot is drawn, and drawn as the variant its figure's data gives for the page's state (a large chart's
# variant from the side island of its group, figures.split_payload).
SHOWS_THE_STATE_JS = """async (plot) => {
    const figure = plot.closest('figure.kr-figure');
    const payload = JSON.parse(figure.querySelector('script.kr-figure-json').textContent);
    const variant = payload.variants[window.KR.variantKey(payload.variants, window.KR.keyOf(window.KR.state))];
    let traces = payload.traces[variant.data];
    for (const group of traces ? [] : variant.side) {
        const island = figure.querySelector(`script.kr-figure-side[data-kr-group="${group}"]`);
        traces = (await window.KR.side(island)).traces[variant.data] || traces;
    }
    const shape = (traces) => JSON.stringify(traces.map((t) => [t.x, t.y, t.z]));
    return !plot.hasAttribute('aria-hidden') && !!plot.data && shape(plot.data) === shape(traces);
}"""


def wait_until_shown(page, plot, timeout_ms: int = 10_000) -> None:
    """Polls SHOWS_THE_STATE_JS: Playwright's wait_for_function takes the promise an async predicate returns as its
    truthy answer, and so returns at once."""
    handle = plot.element_handle()
    for _ in range(timeout_ms // 50):
        if page.evaluate(SHOWS_THE_STATE_JS, handle):
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"{page.evaluate('(plot) => plot.id', handle)} not drawn for the state within {timeout_ms} ms")


def test_a_choice_redraws_the_charts_near_the_screen_and_the_others_ahead_of_the_reader(phone, tied_url):
    """A reader who scrolled past a chart and then chooses a municipality waits only for the charts in view; the
    chart far above or below is never left showing the previous choice: it is cleared, then drawn for the new one
    while it is still far away."""
    first, last = open_chart_page(phone, tied_url)
    last.scroll_into_view_if_needed()
    wait_until_shown(phone, last)
    # The reader scrolls back until the first chart stands whole at the foot of the screen and chooses at once, in one
    # task: no observer has run in between. At the foot, not the top: on a phone the charts stand closer than a screen
    # and 200 px apart since their toolbar took the plot's own top margin (ADR 79), so a reader with the first chart at
    # the top has the last one near the screen, where it is drawn as any near chart is, not ahead.
    scroll_and_choose = """(plot) => new Promise((shown) => {
        document.addEventListener('kr:filtered', shown, {once: true});
        plot.scrollIntoView({behavior: 'instant', block: 'end'});
        const select = document.querySelector('#kr-kommune');
        select.value = select.options[1].value;
        select.dispatchEvent(new Event('change'));
    })"""
    phone.evaluate(scroll_and_choose, first.element_handle())
    assert phone.evaluate(SHOWS_THE_STATE_JS, first.element_handle()), "the chart in view shows the choice"
    # Cleared, or being drawn again (aria-hidden until plotly has drawn it), or drawn for the choice: read at once, as
    # reading the two in turn could fall between the clearing and the drawing ahead.
    not_previous = f"async (plot) => plot.hasAttribute('aria-hidden') || ({SHOWS_THE_STATE_JS})(plot)"
    assert phone.evaluate(not_previous, last.element_handle()), "far chart shows the previous choice"
    wait_until_shown(phone, last)
    assert phone.evaluate(FAR_BELOW_JS, last.element_handle()), "drawn for the choice only when scrolled back"


def test_a_printed_page_shows_every_chart_for_the_choice_also_those_far_from_the_screen(phone, tied_url):
    first, last = open_chart_page(phone, tied_url, "?kommune=koege")
    first.scroll_into_view_if_needed()
    wait_until_shown(phone, first)
    phone.pdf()  # Chromium fires beforeprint, as a reader's print does
    for plot in phone.locator(".kr-plot").all():
        wait_until_shown(phone, plot)


@pytest.mark.parametrize("served", [True, False], ids=["http", "file"])
def test_a_chart_far_below_is_drawn_before_the_reader_scrolls_to_it_once_the_page_is_idle(phone, tied_url, tied_site, served):
    """A reader who reads the top of the page without touching it finds every chart drawn when scrolling down, also
    offline, from file://: plotly.js comes in an idle moment after the load, and the charts are drawn ahead."""
    page_url = f"{tied_url}/ingredienser/oversigt.html" if served else (tied_site / "ingredienser" / "oversigt.html").as_uri()
    phone.goto(page_url)
    phone.evaluate("() => window.KR_FILTER.ready")
    last = phone.locator(".kr-plot").last
    assert phone.evaluate(FAR_BELOW_JS, last.element_handle())
    wait_until_shown(phone, last, 20_000)
    assert phone.evaluate(FAR_BELOW_JS, last.element_handle()) and phone.evaluate("() => window.scrollY") == 0


# Each figure's box and the page's height: what a chart drawn in a place of the wrong size would change.
BOXES_JS = """() => ({
    page: document.documentElement.scrollHeight,
    figures: [...document.querySelectorAll('figure.kr-figure')].map((f) => {
        const [figure, plot] = [f.getBoundingClientRect(), f.querySelector('.kr-plot').getBoundingClientRect()];
        return [figure.top + window.scrollY, figure.height, plot.width, plot.height];
    }),
})"""


def test_drawing_a_chart_moves_nothing_on_the_page(phone, tied_url):
    """The chart's place is kept at its drawn size (figures._plot_div), so nothing under a chart moves when
    plotly.js draws it ahead of the reader: every figure's box and the page's height are the same before and after."""
    first, last = open_chart_page(phone, tied_url)
    before = phone.evaluate(BOXES_JS)
    assert phone.locator(".kr-plot .main-svg").count() == 0, "a chart was drawn before the boxes were measured"
    for plot in (first, last):
        wait_until_shown(phone, plot, 20_000)
    assert phone.evaluate(BOXES_JS) == before


# The reader's fallback of a few seconds (kr-charts.js readerStarted) never comes: what starts plotly.js then is only
# what the test is about.
NO_FALLBACK_JS = """(() => {
    const setTimeoutFirst = window.setTimeout.bind(window);
    window.setTimeout = (fn, ms, ...rest) => (ms >= 2000 ? 0 : setTimeoutFirst(fn, ms, ...rest));
})()"""


def held_plotly(page) -> list:
    """plotly.js's request, held until the test lets it go (route.continue_)."""
    held: list = []
    page.route("**/plotly.min.js", lambda route: held.append(route))
    return held


def test_a_chart_in_the_first_view_comes_without_the_reader_and_says_it_is_coming_until_drawn(browser, site_url):
    """A reader who opens a page with a chart in view and only reads gets the chart without scrolling or waiting for
    the fallback: plotly.js is fetched right after the load. Until it is drawn, its place says "Figuren tegnes …"."""
    context = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.add_init_script(NO_FALLBACK_JS)
        held = held_plotly(page)
        page.goto(f"{site_url}/kulturens-rige.html", wait_until="load")
        plot = page.locator(".kr-plot").first
        assert page.evaluate("(plot) => plot.getBoundingClientRect().top < window.innerHeight", plot.element_handle())
        for _ in range(100):
            if held:
                break
            page.wait_for_timeout(100)
        assert held, "plotly.js was not fetched for the chart in view"
        waiting = plot.locator(".kr-plot-waiting")
        assert waiting.is_visible() and waiting.inner_text() == figures.WAITING
        held[0].continue_()
        plot.locator(".main-svg").first.wait_for(timeout=15_000)
        assert not waiting.is_visible() and page.evaluate("() => window.scrollY") == 0
    finally:
        context.close()


def test_a_table_of_marks_settling_its_columns_is_not_the_reader_beginning(phone, site_url):
    """The comparison page's tables of marks scroll by themselves as their columns snap into place; that is not the
    reader scrolling, so plotly.js (its chart far below) does not come with the page."""
    phone.add_init_script(NO_FALLBACK_JS)
    fetched = plotly_requests(phone)
    phone.goto(f"{site_url}/kommuner/sammenligning.html", wait_until="load")
    phone.evaluate("() => window.KR_FILTER.ready")
    assert phone.evaluate(FAR_BELOW_JS, phone.locator(".kr-plot").first.element_handle())
    phone.wait_for_timeout(1500)
    assert fetched == [], "plotly.js fetched with the page, before the reader began"


def test_a_chart_that_only_peeks_in_at_the_foot_of_a_phone_waits_for_the_reader(phone, site_url):
    """On a phone the programme's chart only peeks in under the first screen (as on Lighthouse's phone): plotly.js (half
    a second of blocked input on a slow phone) waits for the reader to scroll, and the part in view says the chart
    is coming."""
    page_url = f"{site_url}/kulturens-rige.html"
    phone.goto(page_url, wait_until="load")
    # This first view shows the chart whole, so it fetches plotly.js and draws: let it finish, or its late fetch is
    # counted as the second view's (seen once in three whole runs: no script of the second view had asked for it).
    phone.locator(".kr-plot .main-svg").first.wait_for(timeout=15_000)
    top = phone.evaluate("() => document.querySelector('.kr-plot').getBoundingClientRect().top")
    phone.set_viewport_size({"width": PHONE["width"], "height": int(top) + 60})
    phone.add_init_script(NO_FALLBACK_JS)
    fetched = plotly_requests(phone)
    phone.goto(page_url, wait_until="load")
    phone.evaluate("() => window.KR_FILTER.ready")
    plot = phone.locator(".kr-plot").first
    shown = phone.evaluate(
        "(p) => { const b = p.getBoundingClientRect(); return [window.innerHeight - b.top, b.height]; }", plot.element_handle()
    )
    assert 0 < shown[0] < shown[1] / 4, shown
    phone.wait_for_timeout(1500)
    assert fetched == [], "plotly.js fetched for a chart the reader does not see yet"
    waiting = plot.locator(".kr-plot-waiting")
    assert waiting.is_visible() and waiting.bounding_box()["y"] < int(top) + 60
    phone.mouse.wheel(0, 300)
    plot.locator(".main-svg").first.wait_for(timeout=15_000)
    assert len(fetched) == 1 and not waiting.is_visible()


def test_a_finger_swiping_over_a_chart_scrolls_the_page_and_leaves_the_chart_as_it_was(browser, site_url):
    """plotly's drag to zoom took a swipe that began on a chart: the page stood still and the chart was zoomed to a
    box, bars cut and columns gone. The swipe is sent as the touch events a phone sends (CDP)."""
    context = browser.new_context(locale="da-DK", viewport={"width": 375, "height": 812}, has_touch=True, is_mobile=True)
    page = context.new_page()
    try:
        first, _ = open_chart_page(page, site_url)
        first.scroll_into_view_if_needed()
        wait_until_shown(page, first)
        ranges = "(plot) => JSON.stringify([plot._fullLayout.xaxis.range, plot._fullLayout.yaxis.range])"
        before, top = page.evaluate(ranges, first.element_handle()), page.evaluate("() => window.scrollY")
        box = first.bounding_box()
        x, y = box["x"] + box["width"] / 2, box["y"] + min(box["height"] / 2, 300)
        cdp = context.new_cdp_session(page)
        cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
        for step in range(1, 11):
            cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y - 25 * step}]})
        cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
        page.wait_for_function("(top) => window.scrollY > top + 100", arg=top, timeout=5_000)  # scrolled with the finger
        assert page.evaluate(ranges, first.element_handle()) == before, "the chart was not zoomed"
    finally:
        context.close()
