"""Reader review 20 (issue 22), 3a and desktop 2a: "Kommunerne i tal" was an 848 px table in a 688 px column at 1280 px,
"Udgangspunkt" hidden until the reader scrolled it sideways, and on a phone it scrolled too, its first cell's name note
("»Guldborgssund«)") running out of its cell over the next. At 1280 px the heads wrap and every column shows; on a
phone each row is a short block, and no text leaves its cell at either width."""

from __future__ import annotations

import pytest

from support.checks import each
from support.screens import SCREENS, opened

pytestmark = pytest.mark.browser

# The table's frame, and each cell whose text runs past its own box (a Range's box is the text's, not the cell's).
MEASURE_JS = """(t) => {
  const wrap = t.closest('.kr-table-wrap');
  const spills = [...t.querySelectorAll('tbody th, tbody td')].filter((c) => {
    const range = document.createRange(); range.selectNodeContents(c);
    const text = range.getBoundingClientRect(), box = c.getBoundingClientRect();
    return text.right > box.right + 0.5 || text.left < box.left - 0.5;
  }).map((c) => c.textContent);
  return {scroll: wrap.scrollWidth, client: wrap.clientWidth, page: document.documentElement.scrollWidth, spills};
}"""


@pytest.mark.parametrize("width", list(SCREENS), ids=lambda s: f"{s}px")
def test_the_municipalities_table_shows_every_column_without_sideways_scrolling(site_url, browser, width):
    with opened(browser, f"{site_url}/kommuner/oversigt.html?kommune=koege", width) as page:
        table = page.locator("#tabel-kommuner")
        table.scroll_into_view_if_needed()
        seen = table.evaluate(MEASURE_JS)
        assert seen["scroll"] <= seen["client"], f"the table scrolls sideways at {width}: {seen}"
        assert seen["page"] <= SCREENS[width]["viewport"]["width"], seen
        assert seen["spills"] == [], f"text runs out of its cell: {seen['spills']}"
        assert each(page.eval_on_selector_all("#tabel-kommuner tbody tr", "rs => rs.map((r) => r.cells.length)"))
