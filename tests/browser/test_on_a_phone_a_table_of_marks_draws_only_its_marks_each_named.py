"""Issue 22, the reader review at 375 px (session 24): `kommuner/sammenligning` was about 8,600 px tall, most of it
three grids of seven columns whose cells were nearly all empty, under names on end. On a phone a table of marks now
reads as one line a row: its name, then a block for each municipality that has it, naming that municipality and its
count, a thumb's height (ADR 67). No empty cell is drawn; no mark is left out; a choice marks its municipality's blocks
and hides nothing. At a desk the table is the grid it was: every municipality's column, its names at the top."""

from __future__ import annotations

import pytest

from support.checks import each
from support.choosing import open_with_every_table_filled

pytestmark = pytest.mark.browser

PAGE = "kommuner/sammenligning.html"
SCREENS = {
    "375": {"viewport": {"width": 375, "height": 667}, "is_mobile": True, "has_touch": True},
    "1280": {"viewport": {"width": 1280, "height": 800}},
}
# Each table of marks: its column names, and for each marked cell whether it is drawn, its text as shown, its
# column's name, its box, whether it is the chosen column's and its outline; the empty cells drawn; whether the
# head is drawn; whether the frame or the page scrolls sideways.
TABLES_JS = """() => [...document.querySelectorAll('.kr-marks-wrap table.kr-marks')].map((table) => {
  const names = [...table.tHead.rows[0].cells].slice(1).map((th) => th.textContent.trim());
  const drawn = (e) => e.checkVisibility() && e.getBoundingClientRect().width > 0;
  // What a cell shows: the text of its parts that are drawn (innerText reads nothing in a table the browser skips
  // while it is far from the screen, content-visibility).
  const shown = (cell) => [...cell.childNodes].filter((n) => n.nodeType === 3 || (n.textContent && drawn(n)))
    .map((n) => n.textContent.trim()).filter(Boolean).join(' ');
  const cells = [...table.tBodies[0].rows].filter((r) => !r.classList.contains('kr-drill-row'))
    .flatMap((row) => [...row.cells].map((cell, i) => ({cell, column: names[i - 1]})).slice(1));
  const marked = cells.filter(({cell}) => cell.classList.contains('kr-marked'));
  return {id: table.id,
    head: drawn(table.tHead),
    empty: cells.filter(({cell}) => !cell.classList.contains('kr-marked') && drawn(cell)).length,
    cells: cells.length,
    marks: marked.map(({cell, column}) => ({column, drawn: drawn(cell), text: shown(cell),
      height: cell.querySelector('button.kr-mark').getBoundingClientRect().height,
      chosen: cell.classList.contains('kr-chosen'), outline: getComputedStyle(cell).outlineStyle})),
    scrolls: table.parentElement.scrollWidth > table.parentElement.clientWidth + 1,
    pageScrolls: document.documentElement.scrollWidth > window.innerWidth};
})"""


def _tables(browser, site_url, screen: str, query: str) -> list[dict]:
    context = browser.new_context(locale="da-DK", **SCREENS[screen])
    page = context.new_page()
    try:
        open_with_every_table_filled(page, f"{site_url}/{PAGE}{query}")
        return page.evaluate(TABLES_JS)
    finally:
        context.close()


@pytest.mark.parametrize("query", ["", "?kommune=koege", "?kommune=ringkoebing-skjern"])
def test_on_a_phone_a_table_of_marks_draws_only_its_marks_each_naming_its_municipality(browser, site_url, data, query):
    chosen = query.removeprefix("?kommune=")
    name = dict(zip(data.municipalities["slug"], data.municipalities["name"], strict=True)).get(chosen, "")
    for table in each(_tables(browser, site_url, "375", query)):
        where = (table["id"], query)
        assert table["empty"] == 0, ("an empty cell is drawn", *where)
        assert not table["head"] and not table["scrolls"] and not table["pageScrolls"], where
        for mark in each(table["marks"]):
            # Every mark is there, a thumb's height, and says whose it is and how many.
            assert mark["drawn"] and mark["height"] >= 43.5, (mark, *where)
            assert mark["text"].startswith(mark["column"] + " ") and mark["text"].split()[-1].isdigit(), (mark, *where)
            # The choice marks its municipality's blocks with an edge all round, and only those.
            assert mark["chosen"] == (mark["column"] == name), (mark, *where)
            assert (mark["outline"] == "solid") == mark["chosen"], (mark, *where)


def test_at_a_desk_a_table_of_marks_stays_the_grid_of_every_municipalitys_column(browser, site_url):
    for table in each(_tables(browser, site_url, "1280", "?kommune=koege")):
        assert table["head"] and table["empty"] == table["cells"] - len(table["marks"]), table["id"]
        for mark in each(table["marks"]):
            assert mark["drawn"] and mark["text"].isdigit(), (mark, table["id"])
