"""Issue 22, the reader review at 375 px (session 24): choosing a municipality on `kommuner/sammenligning` added a
third column to the page's own pair under »Side om side«, which on a phone made the section a third longer and at a
desk squeezed the columns. A choice now stands first within the pair, marked, and adds no column: a municipality not
in the pair takes the pair's last place (ADR 67). The reader's own ticks still add the columns they tick."""

from __future__ import annotations

import pytest

from support.checks import each

pytestmark = pytest.mark.browser

# The municipalities shown, in the order they stand: at a desk the columns, on a phone the first facet's lines (a phone
# reads the comparison facet by facet, reader32 #1); whichever the width shows.
SHOWN_JS = """() => [...document.querySelectorAll('.kr-compare-column, .kr-compare-facet:first-child .kr-compare-line')]
  .filter((c) => c.checkVisibility())
  .map((c) => [c.getBoundingClientRect(), c.dataset.compare, c.classList.contains('kr-chosen')])
  .sort(([a], [b]) => a.top - b.top || a.left - b.left).map(([, code, chosen]) => [code, chosen])"""


@pytest.mark.parametrize("width", [375, 1280])
def test_a_choice_stands_first_and_marked_within_the_pair_and_adds_no_column(browser, site_url, data, width):
    phone = width < 500
    context = browser.new_context(locale="da-DK", viewport={"width": width, "height": 800}, is_mobile=phone, has_touch=phone)
    page = context.new_page()
    rows = list(data.municipalities.itertuples())
    pair = [rows[0].kommunekode, rows[1].kommunekode]
    try:
        for row in each(rows):
            page.goto(f"{site_url}/kommuner/sammenligning.html?kommune={row.slug}")
            page.evaluate("() => window.KR_FILTER.ready")
            shown = page.evaluate(SHOWN_JS)
            other = next(code for code in pair if code != row.kommunekode)
            assert shown == [[row.kommunekode, True], [other, False]], (row.name, shown)
            assert page.locator(".kr-compare-choices input:checked").count() == 2, row.name
            # The reader's own tick adds its column beside the choice.
            last = rows[-1] if rows[-1].kommunekode not in (row.kommunekode, other) else rows[-2]
            page.check(f".kr-compare-choices input[value='{last.kommunekode}']")
            assert [code for code, _ in page.evaluate(SHOWN_JS)] == [row.kommunekode, other, last.kommunekode], row.name
    finally:
        context.close()
