"""Issue 22, second phone review, #6: a click on a chart's bar opened its drill panel and scrolled the page to it, so
the chart the reader was looking at went out of view. The panel opens where it is, brought into view only as far as
keeps the chart in view, and "Luk" takes the reader back to the chart, with the focus on the figure. Where the chart
and the panel's first card do not both fit, the card wins (test_a_drill_panel_opens_with_its_first_card_in_view)."""

from __future__ import annotations

import pytest

from support.screens import SCREENS, first_bar_at, opened, stand_still

pytestmark = pytest.mark.browser

PLOT = "#plot-citater-pr-ingrediens"
FIGURE = "#figur-citater-pr-ingrediens"
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
    with opened(browser, f"{site_url}/ingredienser/oversigt.html", screen) as page:
        first_bar_at(page, PLOT, where)  # at the reader's line: the middle of the window, or near its foot
        page.wait_for_timeout(300)
        before = page.evaluate("() => scrollY")
        page.locator(f"{PLOT} .trace.bars .point").first.click(force=True)
        page.locator(f"{FIGURE} .kr-drill").wait_for(state="visible")
        page.wait_for_timeout(100)
        stand_still(page)
        boxes = page.evaluate(BOXES_JS, PLOT)
        # the panel's heading is on the screen, below the sticky bar
        top, bottom = boxes["heading"]
        assert top >= boxes["free"] - 1 and bottom <= boxes["height"] + 1, boxes
        page.locator(f"{FIGURE} .kr-drill .kr-drill-close").first.click()
        page.locator(f"{FIGURE} .kr-drill").wait_for(state="hidden")
        stand_still(page)
        assert abs(page.evaluate("() => scrollY") - before) <= 2
        assert page.evaluate(f"() => document.querySelector('{FIGURE}').contains(document.activeElement)")


# The first mark of the comparison's first table with a drill-through: its box, and the panel's heading's after a tap.
MARK_JS = """() => {
  const mark = [...document.querySelectorAll('figure [data-kr-ids]')].find((m) => m.closest('figure').querySelector('.kr-drill'));
  return mark ? '#' + mark.closest('figure').id : null;
}"""


def test_a_tapped_mark_high_in_a_long_table_opens_a_panel_the_reader_sees(site_url, browser):
    """Reader 20, #1: on kommuner/sammenligning a tap on a number in a table of marks opened its panel under the whole
    table, below the phone's screen (its top at 874 px of 667): the page kept the tapped cell in view, and the tap
    seemed to do nothing. Where keeping the cell would hide the panel, the panel's heading comes into view."""
    with opened(browser, f"{site_url}/kommuner/sammenligning.html", "375") as page:
        figure = page.evaluate(MARK_JS)
        assert figure, "ingen tabel med markeringer og drill-through på siden"
        mark = page.locator(f"{figure} [data-kr-ids]").first
        mark.scroll_into_view_if_needed()
        page.evaluate("(y) => window.scrollBy({top: y, behavior: 'instant'})", 0)
        stand_still(page)
        mark.click()
        page.locator(f"{figure} .kr-drill").wait_for(state="visible")
        page.wait_for_timeout(100)
        stand_still(page)
        heading = page.evaluate(f"() => document.querySelector('{figure} .kr-drill-heading').getBoundingClientRect().top")
        free = page.evaluate("() => Math.max(0, document.querySelector('section.kr-filter').getBoundingClientRect().bottom)")
        assert free - 1 <= heading <= 667 - 40, (figure, heading, free)
