"""The two screens of the reader reviews (a phone of 375 x 667 with touch, a desk of 1280 x 800), a page opened on one
as a reader opens it, and a wait until the page stands still: the tests of drill panels and tables of marks each wrote
these out alike, and a phone that differed from one test to the next would test two phones."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

SCREENS: dict[str, dict[str, Any]] = {
    "375": {"viewport": {"width": 375, "height": 667}, "is_mobile": True, "has_touch": True},
    "1280": {"viewport": {"width": 1280, "height": 800}},
}

# Resolves once the page has stood still for 150 ms (a glide has ended).
STILL_JS = """() => new Promise((done) => {
  let last = NaN;
  const check = () => { if (scrollY === last) done(); else { last = scrollY; setTimeout(check, 150); } };
  check();
})"""


@contextmanager
def opened(browser: Any, url: str, screen: str) -> Iterator[Any]:
    """The page at `url` on `screen` (a key of SCREENS), once the filter has shown its first view; closed after."""
    context = browser.new_context(locale="da-DK", **SCREENS[screen])
    try:
        page = context.new_page()
        page.goto(url)
        page.evaluate("() => window.KR_FILTER.ready")
        yield page
    finally:
        context.close()


def stand_still(page: Any) -> None:
    """Wait until the page has stood still for 150 ms."""
    page.evaluate(STILL_JS)


def first_bar_at(page: Any, plot: str, share: float) -> None:
    """The first bar of the bar chart `plot` (a selector), drawn, with its middle at `share` of the window's height
    down, as a reader looks at a chart; then still."""
    page.locator(plot).scroll_into_view_if_needed()
    page.wait_for_function(f"() => document.querySelector('{plot} .trace.bars .point')")
    page.evaluate(
        f"""(share) => {{ const b = document.querySelector('{plot} .trace.bars .point').getBoundingClientRect();
            window.scrollBy({{top: (b.top + b.bottom) / 2 - innerHeight * share, behavior: 'instant'}}); }}""",
        share,
    )
    stand_still(page)


def every_tables_rows_in(page: Any) -> None:
    """Every table of marks on the page with its rows in: the page scrolled to its foot, where kr-charts.js has filled
    each table from its rows' script as it came near, and a moment for the last to be laid out."""
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_function("() => !document.querySelector('.kr-marks-figure > script.kr-marks-rows')")
    page.wait_for_timeout(300)
