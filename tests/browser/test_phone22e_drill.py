"""Issue 22, second phone review, #6: a click on a chart's bar opened its drill panel and scrolled the page to it, so
the chart the reader was looking at went out of view. The panel opens where it is, brought into view only as far as
keeps the chart in view, and "Luk" takes the reader back to the chart, with the focus on the figure."""

from __future__ import annotations

import pytest

from support.checks import each

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
def test_opening_a_drill_panel_keeps_the_clicked_bar_in_view_and_luk_returns_to_the_chart(site_url, browser, screen, where):
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
        # the bar the reader clicked is still on the screen, below the sticky bar; the panel's heading is too
        for part in each(("bar", "heading")):
            top, bottom = boxes[part]
            assert top >= boxes["free"] - 1 and bottom <= boxes["height"] + 1, (part, boxes)
        page.locator(f"{FIGURE} .kr-drill .kr-drill-close").first.click()
        page.locator(f"{FIGURE} .kr-drill").wait_for(state="hidden")
        page.evaluate(STILL_JS)
        assert abs(page.evaluate("() => scrollY") - before) <= 2
        assert page.evaluate(f"() => document.querySelector('{FIGURE}').contains(document.activeElement)")
    finally:
        context.close()
