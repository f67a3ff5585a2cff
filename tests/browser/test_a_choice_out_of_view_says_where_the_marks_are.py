"""Issue 22, a new reader: a choice made mid-page keeps the reader's place, but what it marks may all lie above or
below the screen, so nothing the reader sees changes (and on a desktop the stuck bar hides its line). Then the line
under the bar shows the build's words for the view (highlight.away_lines, published in the page's kr-bar-away
island), alone (a line that said "Fremhævet her: X" said X again), which bring the nearest marked item into view and
focus it. In the line, not the bar's row: coming and going in the row, "Find" changed the bar under the reader's
thumb and cut its offer (reader review 23, docs/adr/0064). Where the page marks nothing, the bar offers nothing new."""

from __future__ import annotations

import pytest

from support.choosing import LAST_CARD, choose_by_name

pytestmark = pytest.mark.browser

SCREENS = {"phone": {"width": 375, "height": 667}, "desktop": {"width": 1280, "height": 800}}

# Whether any marked item (a first card, a marked row) has some of itself on the screen under the sticky bar.
MARKED_IN_VIEW_JS = """() => {
  const bar = Math.max(0, document.querySelector('section.kr-filter').getBoundingClientRect().bottom);
  return [...document.querySelectorAll('article .kr-card.kr-chosen, article [data-kr-mark].kr-chosen')]
    .filter((e) => e.checkVisibility() && !e.closest('.kr-marks-names'))
    .some((e) => { const b = e.getBoundingClientRect(); return b.bottom > bar && b.top < innerHeight; });
}"""


def choose_mid_page(page, name: str) -> None:
    """At the page's last card (on kommuner/oversigt between the first card, the chosen one, and its row in the table
    further down), or half way down a page without cards."""
    choose_by_name(page, name, at=LAST_CARD, settle_ms=300)


def _page(browser, screen):
    return browser.new_context(locale="da-DK", viewport=SCREENS[screen], is_mobile=screen == "phone", has_touch=screen == "phone")


@pytest.mark.parametrize("screen", list(SCREENS))
def test_a_choice_whose_marks_are_off_screen_says_so_and_vis_brings_the_nearest(browser, site_url, screen):
    context = _page(browser, screen)
    page = context.new_page()
    try:
        page.goto(f"{site_url}/kommuner/oversigt.html")
        choose_mid_page(page, "Egedal")
        assert not page.evaluate(MARKED_IN_VIEW_JS)
        find = page.locator(".kr-filter-away-show")
        assert find.is_visible()
        built = page.evaluate(
            "() => JSON.parse(document.querySelector('script.kr-bar-away').textContent)[window.KR.keyOf(window.KR.state)]"
        )
        assert built == "Find det fremhævede: Egedal"
        assert find.text_content() == built
        assert not page.locator(".kr-filter-tally-text").is_visible()
        bar = page.locator("section.kr-filter").bounding_box()
        box = find.bounding_box()
        assert box is not None and bar is not None and box["y"] >= bar["y"] + bar["height"] - 1, (box, bar)
        page.locator(".kr-filter-away-show").click()
        page.wait_for_timeout(300)
        assert page.evaluate(MARKED_IN_VIEW_JS)
        assert page.evaluate("() => document.activeElement.matches('.kr-chosen')")
        assert not find.is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("screen", list(SCREENS))
def test_a_choice_on_a_page_that_marks_nothing_says_nothing_new(browser, site_url, screen):
    context = _page(browser, screen)
    page = context.new_page()
    try:
        page.goto(f"{site_url}/baggrund.html")
        choose_mid_page(page, "Egedal")
        assert page.locator(".kr-filter-away-show").count() == 1
        assert not page.locator(".kr-filter-away-show").is_visible()
    finally:
        context.close()
