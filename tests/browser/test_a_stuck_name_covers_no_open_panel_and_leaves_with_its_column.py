"""Reader review 24, #9, on kommuner/sammenligning: at a desk the table's column names, stuck under the bar, covered the
top of an open drill panel (»Koncerter · Ringkøbing-Skjern: 1 indsats« and its „Luk“) once it was scrolled up. (Its
phone half, a column's stuck name in „Side om side“, went with the phone's columns: a phone reads the comparison facet
by facet, each line naming its municipality; test_the_comparison_reads_facet_by_facet_…, reader32 #1.)"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

SETTLED = "document.getAnimations().every((a) => a.playState !== 'running')"
BAR_JS = "() => document.querySelector('section.kr-filter').getBoundingClientRect().bottom"
# Whether the panel's heading and its „Luk“ are clear of the stuck names (which take no pointer events, so a hit test
# passes through them: their boxes are compared) and of anything else at their centres.
SEEN_JS = """() => { const drill = document.querySelector('.kr-drill:not([hidden])');
  const strips = [...document.querySelectorAll('.kr-marks-names')].filter((s) => s.checkVisibility())
    .map((s) => s.firstElementChild.getBoundingClientRect());
  return ['.kr-drill-heading', '.kr-drill-head .kr-drill-close'].map((s) => { const r = drill.querySelector(s).getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    const covered = strips.some((b) => b.top < r.bottom && b.bottom > r.top && b.left < r.right && b.right > r.left);
    return {part: s, top: r.top, seen: Boolean(hit && drill.contains(hit)) && !covered, covered}; }); }"""


def _still(page) -> None:
    page.wait_for_timeout(250)
    page.wait_for_function(f"() => {SETTLED}")
    page.wait_for_timeout(150)


def test_an_open_panels_heading_and_luk_stand_over_the_tables_stuck_names_at_a_desk(browser, site_url):
    context = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        page.goto(f"{site_url}/kommuner/sammenligning.html?kommune=alle")
        page.evaluate("() => window.KR_FILTER.ready")
        mark = page.locator("#tabel-kunstformer-kommune button.kr-mark").first
        mark.scroll_into_view_if_needed()
        mark.click()
        page.locator(".kr-drill:not([hidden])").wait_for(state="visible")
        _still(page)
        # The panel read on, its heading a little under the bar, where the stuck names lie.
        for below in (10, 40, 80):
            page.evaluate(
                """(below) => { const top = document.querySelector('.kr-drill:not([hidden])').getBoundingClientRect().top;
                   const bar = document.querySelector('section.kr-filter').getBoundingClientRect().bottom;
                   window.scrollBy({top: top - bar - below, behavior: 'instant'}); }""",
                below,
            )
            _still(page)
            for part in page.evaluate(SEEN_JS):
                assert part["seen"], (below, part)
    finally:
        context.close()
