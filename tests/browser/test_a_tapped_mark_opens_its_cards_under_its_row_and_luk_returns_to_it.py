"""Issue 22, reader review: on `kommuner/sammenligning` a tap on a mark high in a long table of marks opened its
cards under the whole table and scrolled the page about 1,200 px to them; the reader lost their place. The cards open
in a row right under the tapped mark's row, the page moves at most a little, the mark stays in view, and "Luk" puts
the page back where it stood with the focus on the mark."""

from __future__ import annotations

import pytest

from support.screens import SCREENS, every_tables_rows_in, opened, stand_still

pytestmark = pytest.mark.browser

PAGE = "kommuner/sammenligning.html?kommune=koege"
# The longest table of marks' first mark in its first third of rows, tagged, in the middle of the screen.
PICK_JS = """() => {
  const tables = [...document.querySelectorAll('.kr-marks-wrap table.kr-marks')];
  const table = tables.sort((a, b) => b.tBodies[0].rows.length - a.tBodies[0].rows.length)[0];
  const rows = [...table.tBodies[0].rows];
  const mark = rows.slice(0, Math.ceil(rows.length / 3)).map((r) => r.querySelector('button.kr-mark')).find(Boolean);
  mark.dataset.krTapped = '';
  const b = mark.getBoundingClientRect();
  window.scrollBy({top: (b.top + b.bottom) / 2 - innerHeight / 2, behavior: 'instant'});
  return '#' + mark.closest('figure').id;
}"""
# Where the tapped mark and the panel stand, and whether the mark is what the reader sees at its centre.
SEEN_JS = """(figure) => {
  const mark = document.querySelector('[data-kr-tapped]').getBoundingClientRect();
  const heading = document.querySelector(`${figure} .kr-drill-heading`).getBoundingClientRect();
  const hit = document.elementFromPoint((mark.left + mark.right) / 2, (mark.top + mark.bottom) / 2);
  return {y: scrollY, mark: [mark.top, mark.bottom], heading: heading.top, seen: Boolean(hit && hit.closest('[data-kr-tapped]')),
          height: innerHeight};
}"""


@pytest.mark.parametrize("screen", list(SCREENS), ids=lambda s: f"{s}px")
def test_a_tapped_mark_opens_its_cards_under_its_row_and_luk_returns_to_it(site_url, browser, screen):
    with opened(browser, f"{site_url}/{PAGE}", screen) as page:
        every_tables_rows_in(page)
        figure = page.evaluate(PICK_JS)
        stand_still(page)
        page.wait_for_timeout(300)
        before = page.evaluate("() => scrollY")
        page.locator("[data-kr-tapped]").click()
        page.locator(f"{figure} .kr-drill").wait_for(state="visible")
        page.wait_for_timeout(200)
        stand_still(page)
        seen = page.evaluate(SEEN_JS, figure)
        where = (screen, figure, before, seen)
        assert abs(seen["y"] - before) <= seen["height"] / 3, where  # the page moved at most a third of a screen
        assert seen["seen"], where  # the tapped mark is in view, nothing over it
        assert 0 <= seen["heading"] - seen["mark"][1] <= 60, where  # the cards right under the mark's row
        assert seen["heading"] <= seen["height"] - 40, where
        page.locator(f"{figure} .kr-drill .kr-drill-close").last.click()
        page.locator(f"{figure} .kr-drill").wait_for(state="hidden")
        stand_still(page)
        assert abs(page.evaluate("() => scrollY") - before) <= 2, where
        assert page.evaluate("() => document.activeElement.hasAttribute('data-kr-tapped')"), where
