"""Issue 22, a new reader: "Fremhævet uden for skærmen: Ringkøbing-Skjern · Vis" on kommuner/oversigt scrolled the
card under the sticky filter on a phone (its title at y=72-93, under the bar at 56-104: the header slid back over it
on the way up), and on a desktop to the municipality's table row at the page's foot instead of its card. "Vis"
brings the chosen municipality's first marked item, as the page reads, whole into view below everything sticky. (The
bar's "Find" beside the choice since the last review: a line of its own lay over the page's heading.)"""

from __future__ import annotations

import pytest

from support.choosing import LAST_CARD, choose_by_name

pytestmark = pytest.mark.browser

SCREENS = {"phone": {"width": 375, "height": 667}, "desktop": {"width": 1280, "height": 800}}

# The first marked item as the page reads, and the lowest edge of what is sticky over the page's top.
PLACE_JS = """() => {
  const first = [...document.querySelectorAll('article .kr-card.kr-chosen, article [data-kr-mark].kr-chosen')]
    .find((e) => e.checkVisibility() && !e.closest('.kr-marks-names'));
  const over = [document.querySelector('.bd-header-article'), document.querySelector('section.kr-filter')]
    .filter((e) => e && e.checkVisibility()).map((e) => e.getBoundingClientRect().bottom);
  const box = first.getBoundingClientRect();
  return {card: first.matches('.kr-card'), top: box.top, bottom: box.bottom, over: Math.max(0, ...over),
          focused: document.activeElement === first, height: innerHeight};
}"""


@pytest.mark.parametrize("screen", list(SCREENS))
def test_vis_brings_the_first_marked_card_whole_below_the_sticky_bar(browser, site_url, screen):
    context = browser.new_context(locale="da-DK", viewport=SCREENS[screen], is_mobile=screen == "phone", has_touch=screen == "phone")
    page = context.new_page()
    try:
        page.goto(f"{site_url}/kommuner/oversigt.html")
        # Below the page's last card (the reader's place in the review), a choice whose marks are all off the screen.
        choose_by_name(page, "Ringkøbing-Skjern", at=LAST_CARD, settle_ms=300)
        page.locator(".kr-filter-away-show").click()
        page.wait_for_timeout(600)  # the header's slide and the second measure (kr-filter.js bringMarked)
        place = page.evaluate(PLACE_JS)
        assert place["card"] and place["focused"], place
        assert place["top"] >= place["over"] and place["bottom"] <= place["height"], place
    finally:
        context.close()
