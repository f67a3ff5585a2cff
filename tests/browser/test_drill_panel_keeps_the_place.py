"""Issue 22, second phone review, #6: a click on a chart's bar opened its drill panel and scrolled the page to it, so
the chart the reader was looking at went out of view. The panel opens where it is, brought into view only as far as
keeps the chart in view, and "Luk" takes the reader back to the chart, with the focus on the figure. Where the chart
and the panel's first card do not both fit, the card wins (test_a_drill_panel_opens_with_its_first_card_in_view)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

SCREENS = {
    "375": {"viewport": {"width": 375, "height": 667}, "is_mobile": True, "has_touch": True},
    "1280": {"viewport": {"width": 1280, "height": 800}},
}
PLOT = "#plot-citater-pr-ingrediens"
FIGURE = "#figur-citater-pr-ingrediens"
# Resolves once the page has stood still for 150 ms (a glide has ended).
STILL_JS = """() => new Promise((done) => {
  let last = NaN;
  const check = () => { if (scrollY === last) done(); else { last = scrollY; setTimeout(check, 150); } };
  check();
})"""
# The clicked bar's box, the panel heading's, and the top of what the sticky header and bar leave free.
BOXES_JS = """(plot) => {
  const bar = document.querySelector(`${plot} .trace.bars .point`).getBoundingClientRect();
  const heading = document.querySelector('#figur-citater-pr-ingrediens .kr-drill-heading').getBoundingClientRect();
  const sticky = document.querySelector('section.kr-filter').getBoundingClientRect().bottom;
  return {bar: [bar.top, bar.bottom], heading: [heading.top, heading.bottom], free: Math.max(0, sticky), height: innerHeight};
}"""


@pytest.mark.parametrize("where", [0.5, 0.95], ids=["chart-in-the-middle", "chart-at-the-foot"])
@pytest.mark.parametrize("screen", list(SCREENS), ids=lambda s: f"{s}px")
def test_opening_a_drill_panel_shows_its_heading_and_luk_returns_to_the_chart(site_url, browser, screen, where):
    context = browser.new_context(locale="da-DK", **SCREENS[screen])
    page = context.new_page()
    try:
        page.goto(f"{site_url}/ingredienser/oversigt.html")
        page.evaluate("() => window.KR_FILTER.ready")
        page.locator(PLOT).scroll_into_view_if_needed()
        page.wait_for_function(f"() => document.querySelector('{PLOT} .trace.bars .point')")
        # The chart's first bar at the reader's line: the middle of the window, or near its foot.
        page.evaluate(
            f"""(share) => {{ const b = document.querySelector('{PLOT} .trace.bars .point').getBoundingClientRect();
                window.scrollBy({{top: (b.top + b.bottom) / 2 - innerHeight * share, behavior: 'instant'}}); }}""",
            where,
        )
        page.evaluate(STILL_JS)
        page.wait_for_timeout(300)
        before = page.evaluate("() => scrollY")
        page.locator(f"{PLOT} .trace.bars .point").first.click(force=True)
        page.locator(f"{FIGURE} .kr-drill").wait_for(state="visible")
        page.wait_for_timeout(100)
        page.evaluate(STILL_JS)
        boxes = page.evaluate(BOXES_JS, PLOT)
        # the panel's heading is on the screen, below the sticky bar
        top, bottom = boxes["heading"]
        assert top >= boxes["free"] - 1 and bottom <= boxes["height"] + 1, boxes
        page.locator(f"{FIGURE} .kr-drill .kr-drill-close").first.click()
        page.locator(f"{FIGURE} .kr-drill").wait_for(state="hidden")
        page.evaluate(STILL_JS)
        assert abs(page.evaluate("() => scrollY") - before) <= 2
        assert page.evaluate(f"() => document.querySelector('{FIGURE}').contains(document.activeElement)")
    finally:
        context.close()


# The first mark of the comparison's first table with a drill-through: its box, and the panel's heading's after a tap.
MARK_JS = """() => {
  const mark = [...document.querySelectorAll('figure [data-kr-ids]')].find((m) => m.closest('figure').querySelector('.kr-drill'));
  return mark ? '#' + mark.closest('figure').id : null;
}"""


def test_a_tapped_mark_high_in_a_long_table_opens_a_panel_the_reader_sees(site_url, browser):
    """Reader 20, #1: on kommuner/sammenligning a tap on a number in a table of marks opened its panel under the whole
    table, below the phone's screen (its top at 874 px of 667): the page kept the tapped cell in view, and the tap
    seemed to do nothing. Where keeping the cell would hide the panel, the panel's heading comes into view."""
    context = browser.new_context(locale="da-DK", **SCREENS["375"])
    page = context.new_page()
    try:
        page.goto(f"{site_url}/kommuner/sammenligning.html")
        page.evaluate("() => window.KR_FILTER.ready")
        figure = page.evaluate(MARK_JS)
        assert figure, "ingen tabel med markeringer og drill-through på siden"
        mark = page.locator(f"{figure} [data-kr-ids]").first
        mark.scroll_into_view_if_needed()
        page.evaluate("(y) => window.scrollBy({top: y, behavior: 'instant'})", 0)
        page.evaluate(STILL_JS)
        mark.click()
        page.locator(f"{figure} .kr-drill").wait_for(state="visible")
        page.wait_for_timeout(100)
        page.evaluate(STILL_JS)
        heading = page.evaluate(f"() => document.querySelector('{figure} .kr-drill-heading').getBoundingClientRect().top")
        free = page.evaluate("() => Math.max(0, document.querySelector('section.kr-filter').getBoundingClientRect().bottom)")
        assert free - 1 <= heading <= 667 - 40, (figure, heading, free)
    finally:
        context.close()
