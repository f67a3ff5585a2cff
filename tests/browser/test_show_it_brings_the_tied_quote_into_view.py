"""Issue 22, reader review of session 19: where a choice marks nothing on a page but an editors' tie there is set
aside, the bar offers it ("1 citat her er knyttet til Ringkøbing-Skjern, udledt af redaktionen. Vis det"). "Vis det"
marked the quote about 700 px down and moved nothing: the reader saw no change. It brings the quote into view, right
under the sticky bar, and moves the focus to it for a keyboard or a screen reader.

The page needs a tie to set aside: data/ holds the editors' inferred ties to Ringkøbing-Skjern; where they are
untied, the test runs on the suite's tied copy of data/ instead."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

SCREENS = {"phone": {"width": 375, "height": 667}, "desktop": {"width": 1280, "height": 800}}
# The marked quote's box, the foot of what lies over the page's top (header, bar, the lines under it), and whether the
# focus is on the quote.
SEEN_JS = """() => {
  const card = [...document.querySelectorAll('article .kr-card.kr-chosen')].find((c) => c.checkVisibility());
  const box = card.getBoundingClientRect();
  const over = ['.bd-header-article', 'section.kr-filter', '.kr-filter-lines'].map((s) => document.querySelector(s))
    .filter((e) => e && e.checkVisibility()).map((e) => e.getBoundingClientRect().bottom);
  return {top: box.top, bottom: box.bottom, bar: Math.max(0, ...over), focused: document.activeElement === card, height: innerHeight};
}"""


@pytest.mark.parametrize("screen", list(SCREENS))
def test_show_it_brings_the_tied_quote_under_the_bar_and_focuses_it(browser, tied_url, screen):
    context = browser.new_context(locale="da-DK", viewport=SCREENS[screen], is_mobile=screen == "phone", has_touch=screen == "phone")
    page = context.new_page()
    try:
        page.goto(f"{tied_url}/vaerdiskabelser.html?kommune=ringkoebing-skjern")
        page.evaluate("() => window.KR_FILTER.ready")
        offer = page.locator(".kr-filter-infer")
        assert offer.text_content() == "Vis det"
        offer.click()
        page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
        page.wait_for_timeout(300)
        seen = page.evaluate(SEEN_JS)
        assert seen["bar"] - 1 <= seen["top"] < seen["height"] - 100, seen
        assert seen["focused"], seen
    finally:
        context.close()
