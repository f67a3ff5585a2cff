"""Issue 22, a new reader at a desk: a click on a chart's bar opened its drill panel with only its heading in view,
and the reader saw no card. The page brings the panel's first card whole into view, or, where the card is taller than
the screen leaves, the panel from its heading down fills the screen under the sticky bar."""

from __future__ import annotations

import pytest

from support.screens import SCREENS, first_bar_at, opened, stand_still

pytestmark = pytest.mark.browser

PLOT = "#plot-citater-pr-ingrediens"
FIGURE = "#figur-citater-pr-ingrediens"
BOXES_JS = """(figure) => {
  const drill = document.querySelector(`${figure} .kr-drill`);
  const card = drill.querySelector('.kr-drill-cards > *').getBoundingClientRect();
  const heading = drill.querySelector('.kr-drill-heading').getBoundingClientRect();
  const free = Math.max(0, document.querySelector('section.kr-filter').getBoundingClientRect().bottom);
  return {card: [card.top, card.bottom], heading: heading.top, free, height: innerHeight};
}"""


@pytest.mark.parametrize("screen", list(SCREENS), ids=lambda s: f"{s}px")
def test_a_drill_panel_opens_with_its_first_card_in_view(site_url, browser, screen):
    with opened(browser, f"{site_url}/ingredienser/oversigt.html", screen) as page:
        first_bar_at(page, PLOT, 0.5)  # the chart's first bar in the middle of the window
        page.locator(f"{PLOT} .trace.bars .point").first.click(force=True)
        page.locator(f"{FIGURE} .kr-drill").wait_for(state="visible")
        page.wait_for_timeout(200)
        stand_still(page)
        boxes = page.evaluate(BOXES_JS, FIGURE)
        assert boxes["heading"] >= boxes["free"] - 1, boxes
        whole = boxes["card"][1] <= boxes["height"] + 1
        fills = boxes["card"][1] > boxes["height"] and boxes["heading"] <= boxes["free"] + boxes["height"] / 8
        assert whole or fills, boxes
