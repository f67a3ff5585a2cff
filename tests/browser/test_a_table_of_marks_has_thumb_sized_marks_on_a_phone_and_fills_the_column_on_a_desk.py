"""Issue 22, reader review of `kommuner/sammenligning`: on a phone the tables of marks' marks were about 24 x 35 px,
a floor for a tap and not what a thumb wants (44 px); at a 1280 px desk the tables stood 430 px wide in a 690 px
reading column. On a phone every mark is 44 px tall and at least 24 wide, with names of 13 px or more, and the
report's seven municipalities still fit the column; at a desk each table takes the column's width."""

from __future__ import annotations

import pytest

from support.checks import each
from support.screens import every_tables_rows_in, opened

pytestmark = pytest.mark.browser

PAGE = "kommuner/sammenligning.html"
# Each table of marks once its rows are in: its width and its frame's, its marks' boxes, its names' type sizes.
TABLES_JS = """() => [...document.querySelectorAll('.kr-marks-wrap table.kr-marks')].map((table) => {
  const wrap = table.parentElement;
  const size = (e) => parseFloat(getComputedStyle(e).fontSize);
  return {id: table.id, width: table.getBoundingClientRect().width, frame: wrap.clientWidth,
    scrolls: wrap.scrollWidth > wrap.clientWidth + 1,
    marks: [...table.querySelectorAll('button.kr-mark')].map((m) => { const b = m.getBoundingClientRect(); return [b.width, b.height]; }),
    names: Math.min(...[...table.querySelectorAll('thead .kr-marks-name, tbody th')].map(size))};
})"""


def _tables(browser, site_url, screen):
    with opened(browser, f"{site_url}/{PAGE}", screen) as page:
        every_tables_rows_in(page)
        return page.evaluate(TABLES_JS)


def test_on_a_phone_every_mark_is_44_px_tall_and_the_seven_municipalities_fit(browser, site_url):
    for table in each(_tables(browser, site_url, "375")):
        assert not table["scrolls"], table["id"]
        assert table["names"] >= 13, table["id"]
        for width, height in each(table["marks"]):
            assert height >= 43.5 and width >= 24, (table["id"], width, height)


def test_at_a_desk_every_table_of_marks_takes_the_reading_columns_width(browser, site_url):
    for table in each(_tables(browser, site_url, "1280")):
        assert table["width"] >= table["frame"] - 1, table
