"""Issue 22, a new reader at a desk: a click on a chart's bar opened its drill panel with only its heading in view,
and the reader saw no card. The page brings the panel's first card whole into view, or, where the card is taller than
the screen leaves, the panel from its heading down fills the screen under the sticky bar."""

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
BOXES_JS = """(figure) => {
  const drill = document.querySelector(`${figure} .kr-drill`);
  const card = drill.querySelector('.kr-drill-cards > *').getBoundingClientRect();
  const heading = drill.querySelector('.kr-drill-heading').getBoundingClientRect();
  const free = Math.max(0, document.querySelector('section.kr-filter').getBoundingClientRect().bottom);
  return {card: [card.top, card.bottom], heading: heading.top, free, height: innerHeight};
}"""


@pytest.mark.parametrize("screen", list(SCREENS), ids=lambda s: f"{s}px")
def test_a_drill_panel_opens_with_its_first_card_in_view(site_url, browser, screen):
    context = browser.new_context(locale="da-DK", **SCREENS[screen])
    page = context.new_page()
    try:
        page.goto(f"{site_url}/ingredienser/oversigt.html")
        page.evaluate("() => window.KR_FILTER.ready")
        page.locator(PLOT).scroll_into_view_if_needed()
        page.wait_for_function(f"() => document.querySelector('{PLOT} .trace.bars .point')")
        # The chart's first bar in the middle of the window, as a reader looks at a chart.
        page.evaluate(
            f"""() => {{ const b = document.querySelector('{PLOT} .trace.bars .point').getBoundingClientRect();
                window.scrollBy({{top: (b.top + b.bottom) / 2 - innerHeight / 2, behavior: 'instant'}}); }}"""
        )
        page.evaluate(STILL_JS)
        page.locator(f"{PLOT} .trace.bars .point").first.click(force=True)
        page.locator(f"{FIGURE} .kr-drill").wait_for(state="visible")
        page.wait_for_timeout(200)
        page.evaluate(STILL_JS)
        boxes = page.evaluate(BOXES_JS, FIGURE)
        assert boxes["heading"] >= boxes["free"] - 1, boxes
        whole = boxes["card"][1] <= boxes["height"] + 1
        fills = boxes["card"][1] > boxes["height"] and boxes["heading"] <= boxes["free"] + boxes["height"] / 8
        assert whole or fills, boxes
    finally:
        context.close()
