"""Issue 22 #3, reader review 22: a choice made at the top of the front page on a phone pushed the page down about
50 px (CLS 0.056), as the bar's lines (what the choice marks, and the way to the municipality's page) came in under the
bar. The room the build knows they need is kept from the start (data-kr-reserve): the reader's text does not move."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# Every layout shift from here on, with or without the reader's input just before (a choice is input: Chromium's CLS
# leaves out what follows it within 500 ms, the reader's eye does not), and the nodes that moved outside the bar.
WATCH_JS = """() => {
  window.__krShifts = [];
  new PerformanceObserver((list) => window.__krShifts.push(...list.getEntries().map((e) => ({value: e.value,
    moved: e.sources.filter((s) => s.node && !document.querySelector('section.kr-filter').contains(s.node))
      .map((s) => s.node.nodeName + '.' + (s.node.className || ''))})))).observe({type: 'layout-shift'});
  window.__krTitle = document.querySelector('article h1').getBoundingClientRect().top;
}"""

# The shifts seen, how far the page's title moved, and the bar's lines as shown.
SEEN_JS = """() => ({shifts: window.__krShifts,
  title: document.querySelector('article h1').getBoundingClientRect().top - window.__krTitle,
  lines: document.querySelector('.kr-filter-lines').innerText})"""


@pytest.mark.parametrize("name", ["Køge", "Ringkøbing-Skjern"])
def test_a_choice_at_the_top_of_the_front_page_on_a_phone_moves_none_of_the_readers_text(browser, site_url, name):
    context = browser.new_context(locale="da-DK", viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(f"{site_url}/index.html?kommune=alle")
        page.evaluate("() => window.KR_FILTER.ready")
        page.wait_for_timeout(500)
        page.evaluate(WATCH_JS)
        page.evaluate("() => { window.__krShown = new Promise((shown) => document.addEventListener('kr:filtered', shown, {once: true})); }")
        page.select_option("#kr-kommune", label=name)
        page.evaluate("() => window.__krShown")
        page.wait_for_timeout(800)
        seen = page.evaluate(SEEN_JS)
        assert seen["lines"].strip(), seen  # the lines did come
        assert abs(seen["title"]) < 0.5, seen
        assert not [shift for shift in seen["shifts"] if shift["moved"]], seen
    finally:
        context.close()
