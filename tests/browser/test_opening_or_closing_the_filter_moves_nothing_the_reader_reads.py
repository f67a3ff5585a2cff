"""Reader review 24: opened at a page's top, the filter's panel stood on the page and pushed the title and all under it
down (149 px on a phone, 89 px at a desk), and closing it pulled them back up. ADR 75 laid it over the page, and
there it covered the title (reader 26 r2, #7). Scrolled on, opening or closing the panel leaves the first text the
reader sees below the bar where it was (ADR 75); at the page's top the page makes room for the panel, the first text
stands whole just under it, and closing puts it back where it was (ADR 91)."""

from __future__ import annotations

import pytest

from support.checks import each
from support.screens import opened, stand_still

pytestmark = pytest.mark.browser

PAGES = ["index.html", "ingredienser/etablering-af-vi.html", "kommuner/profil-egedal.html?kommune=egedal"]

# The first text below the bar and the theme's header (and the open panel, with underPanel): its words and its top in
# the window.
FIRST_TEXT_JS = """(underPanel) => {
  const filter = document.querySelector('.kr-filter');
  const panel = underPanel && filter.classList.contains('kr-open') ? filter.querySelector('.kr-filter-body') : filter;
  const under = Math.max(filter.getBoundingClientRect().bottom, panel.getBoundingClientRect().bottom,
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
    for path in each(PAGES):
        with opened(browser, f"{site_url}/{path}", screen) as page:
            page.evaluate("(y) => window.scrollTo(0, y)", scrolled)
            stand_still(page)
            page.wait_for_timeout(200)
            before = page.evaluate(FIRST_TEXT_JS, False)
            page.locator(".kr-filter-toggle").click()
            page.wait_for_function("() => document.querySelector('.kr-filter').classList.contains('kr-open')")
            opened_at = page.evaluate(FIRST_TEXT_JS, not scrolled)
            page.locator(".kr-filter-toggle").click()
            page.wait_for_function("() => !document.querySelector('.kr-filter').classList.contains('kr-open')")
            closed = page.evaluate(FIRST_TEXT_JS, False)
        assert before is not None, path
        # At the top the first text stands under the open panel (the first below it is the same text); scrolled on,
        # where it stood.
        assert opened_at is not None and opened_at[0] == before[0], (path, before, opened_at)
        if scrolled:
            assert abs(opened_at[1] - before[1]) <= 1, (path, "opened", before, opened_at)
        assert closed is not None and closed[0] == before[0] and abs(closed[1] - before[1]) <= 1, (path, before, closed)
