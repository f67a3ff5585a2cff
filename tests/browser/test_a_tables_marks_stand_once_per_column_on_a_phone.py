"""Issue 22, a new reader at 375 px: on kommuner/oversigt each row of »Kommunerne i tal« is a block whose values stand
after their column's name, and every block repeated the column's "(red.)": 28 marks for four columns. One mark per
thing (ADR 40): the first block's names carry the marks, the later blocks' names are bare."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# The "(red.)" a reader sees in the table: in its cells' text and in the names shown before their values (::before).
SEEN_MARKS_JS = """(table) => {
  // A phone's head is kept for screen readers only, in a 1 px box (kommunefilter.css).
  const seen = (e) => e.checkVisibility() && (e.closest('thead') ?? e).getBoundingClientRect().width > 1;
  const count = (text) => text.split('(red.)').length - 1;
  let marks = 0;
  for (const cell of table.querySelectorAll('th, td')) {
    if (!seen(cell)) continue;
    marks += count(getComputedStyle(cell, '::before').content) + count(cell.innerText);
  }
  return {marks, columns: table.querySelectorAll('thead .kr-red').length};
}"""


def test_the_municipalities_table_marks_each_column_once_on_a_phone(browser, site_url):
    context = browser.new_context(locale="da-DK", viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(f"{site_url}/kommuner/oversigt.html")
        page.evaluate("() => window.KR_FILTER.ready")
        seen = page.eval_on_selector("#tabel-kommuner", SEEN_MARKS_JS)
        assert seen["columns"] >= 2, seen  # the editors' columns are there
        assert seen["marks"] == seen["columns"], seen
    finally:
        context.close()
