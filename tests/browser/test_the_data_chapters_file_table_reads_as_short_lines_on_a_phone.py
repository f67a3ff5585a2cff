"""Issue 22, a new reader on a phone: `om-data/genkoersel`'s table of the data's files stood as 33 blocks, each file's
name, file and rows on lines of their own under their column names. On a phone each file is one short line (two at
most, for a long name), nothing scrolls sideways and nothing is folded away."""

from __future__ import annotations

import pytest

from support.checks import each

pytestmark = pytest.mark.browser

CAPTION = "Tabeller og antal rækker"
# Each row of the table: its height and its line height; the table's width, the screen's, and whether it is open.
ROWS_JS = """(caption) => {
  const table = [...document.querySelectorAll('table')].find((t) => t.caption?.textContent === caption);
  const rows = [...table.tBodies[0].rows].map((row) => ({text: row.textContent, height: row.getBoundingClientRect().height,
    line: parseFloat(getComputedStyle(row.cells[0]).fontSize) * 1.6}));
  return {rows, shown: table.checkVisibility(), closed: Boolean(table.closest('details:not([open])')),
          table: table.getBoundingClientRect().right, page: document.documentElement.scrollWidth, width: innerWidth,
          display: getComputedStyle(table).display};
}"""


@pytest.mark.parametrize("width", [320, 375])
def test_on_a_phone_each_file_of_the_data_is_one_short_line(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 667}, locale="da-DK", is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(f"{site_url}/om-data/genkoersel.html")
        seen = page.evaluate(ROWS_JS, CAPTION)
        assert seen["shown"] and not seen["closed"], seen
        assert seen["table"] <= width and seen["page"] <= width, seen
        for row in each(seen["rows"]):
            assert row["height"] <= 2 * row["line"] + 16, row  # two lines, the padding and the rule under it
    finally:
        context.close()
