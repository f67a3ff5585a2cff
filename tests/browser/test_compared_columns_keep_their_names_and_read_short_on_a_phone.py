"""Issue 22, reader review of session 19, on `kommuner/sammenligning`'s "Side om side": on a desktop the columns lost
their municipalities' names once the reader scrolled down them; on a phone five chosen municipalities made one very
long column of lists, one name a line. The names stay in view under the bar at a desk, and on a phone (which reads the
comparison facet by facet since reader32 #1) the lists of names run on as lines of text, nothing folded away."""

from __future__ import annotations

import pytest

from support.checks import each

pytestmark = pytest.mark.browser

PAGE = "kommuner/sammenligning.html"
FIVE = 5
# Ticks the first five municipalities' boxes.
TICK_JS = """(n) => { [...document.querySelectorAll('.kr-compare-choices input')].slice(0, n)
  .forEach((box) => { if (!box.checked) box.click(); }); }"""
# For each shown column: its municipality's name as the reader sees it nearest the screen's top (its own heading or the
# row of names over the columns), whether it shows there, under the bar, and above the column's middle on screen.
NAMES_JS = """() => {
  const bar = document.querySelector('section.kr-filter').getBoundingClientRect().bottom;
  return [...document.querySelectorAll('.kr-compare-column')].filter((c) => !c.hidden).map((column) => {
    const code = column.dataset.compare;
    const shown = [column.querySelector('h3'), document.querySelector(`.kr-compare-name[data-compare-name="${code}"]`)]
      .filter((e) => e && e.checkVisibility() && e.getBoundingClientRect().height > 4);
    const box = column.getBoundingClientRect();
    const seen = shown.map((e) => e.getBoundingClientRect())
      .filter((r) => r.top >= bar - 1 && r.bottom <= innerHeight && r.left >= box.left - 1 && r.right <= box.right + 1);
    return {name: column.getAttribute('aria-label'), seen: seen.length > 0, top: box.top, bottom: box.bottom, bar};
  });
}"""


# At a desk: a phone shows no columns, it reads the comparison facet by facet, each line naming its municipality
# (reader32 #1, test_the_comparison_reads_facet_by_facet_…).
@pytest.mark.parametrize("width", [1280])
def test_a_compared_columns_name_stays_in_view_while_the_reader_scrolls_down_it(browser, site_url, width):
    phone = width < 600
    context = browser.new_context(
        locale="da-DK", viewport={"width": width, "height": 667 if phone else 800}, is_mobile=phone, has_touch=phone
    )
    page = context.new_page()
    try:
        page.goto(f"{site_url}/{PAGE}?kommune=koege")
        page.evaluate("() => window.KR_FILTER.ready")
        page.evaluate(TICK_JS, FIVE)
        columns = page.locator(".kr-compare-column:not([hidden])")
        page.mouse.move(width / 2, 400)
        crossed = []
        for i in each(range(columns.count())):
            box = columns.nth(i).bounding_box()
            # Into the column's middle, the last steps by the reader's own wheel: the bar follows the move's direction.
            page.evaluate("(y) => window.scrollBy(0, y)", box["y"] + box["height"] / 2 - 400)
            for _ in range(3):
                page.mouse.wheel(0, 40)
                page.wait_for_timeout(60)
            page.wait_for_timeout(400)
            names = page.evaluate(NAMES_JS)
            # The columns the bar's foot crosses, with more of them below it.
            passing = [n for n in names if n["top"] < n["bar"] < n["bottom"] - 100]
            assert all(n["seen"] for n in passing), (width, i, names)
            crossed += passing
        assert crossed, "the reader scrolled down some column"
    finally:
        context.close()


def test_five_compared_municipalities_read_in_under_four_screens_on_a_phone(browser, site_url):
    context = browser.new_context(locale="da-DK", viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(f"{site_url}/{PAGE}")
        page.evaluate("() => window.KR_FILTER.ready")
        page.evaluate(TICK_JS, FIVE)
        # Facet by facet (reader32 #1): each facet's heading, then one line per municipality.
        for n in each(range(page.locator(".kr-compare-facet").count())):
            assert page.locator(".kr-compare-facet").nth(n).locator(".kr-compare-line:not([hidden])").count() == FIVE
        assert page.locator(".kr-compare-facets").bounding_box()["height"] < 4 * 667
        assert not page.locator(".kr-compare-facets details").count(), "nothing folded away"
    finally:
        context.close()
