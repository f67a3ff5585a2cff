"""Reader review 24: opened at a page's top, the filter's panel stood on the page and pushed the title and all under it
down (149 px on a phone, 89 px at a desk), and closing it pulled them back up. At the top as when scrolled, opening
or closing the panel leaves the first text the reader sees below the bar where it was (ADR 75)."""

from __future__ import annotations

import pytest

from support.screens import opened, stand_still

pytestmark = pytest.mark.browser

PAGES = ["index.html", "ingredienser/etablering-af-vi.html", "kommuner/profil-egedal.html?kommune=egedal"]

# The first text below the bar and the theme's header: its words and its top in the window.
FIRST_TEXT_JS = """() => {
  const under = Math.max(document.querySelector('.kr-filter').getBoundingClientRect().bottom,
                         document.querySelector('.bd-header').getBoundingClientRect().bottom);
  for (const text of document.querySelectorAll('article :is(h1, h2, h3, p, li, dt, dd, blockquote)')) {
    const box = text.getBoundingClientRect();
    if (box.height > 0 && box.top >= under && !text.closest('.kr-filter, .kr-filter-slot'))
      return [text.textContent.trim().slice(0, 40), box.top];
  }
  return null;
}"""


@pytest.mark.parametrize("scrolled", [0, 900], ids=["at-the-top", "scrolled"])
@pytest.mark.parametrize("screen", ["375", "1280"])
def test_opening_or_closing_the_filter_panel_moves_no_text(browser, site_url, screen, scrolled):
    for path in PAGES:
        with opened(browser, f"{site_url}/{path}", screen) as page:
            page.evaluate("(y) => window.scrollTo(0, y)", scrolled)
            stand_still(page)
            page.wait_for_timeout(200)
            before = page.evaluate(FIRST_TEXT_JS)
            page.locator(".kr-filter-toggle").click()
            page.wait_for_function("() => document.querySelector('.kr-filter').classList.contains('kr-open')")
            opened_at = page.evaluate(FIRST_TEXT_JS)
            page.locator(".kr-filter-toggle").click()
            page.wait_for_function("() => !document.querySelector('.kr-filter').classList.contains('kr-open')")
            closed = page.evaluate(FIRST_TEXT_JS)
        assert before is not None, path
        for moment, after in (("opened", opened_at), ("closed again", closed)):
            assert after is not None and after[0] == before[0] and abs(after[1] - before[1]) <= 1, (path, moment, before, after)
