"""Reader30, #1 (issue 22): on `kommuner/sammenligning` with Egedal chosen, Egedal's only art form was the table's
second-to-last row, about 1,150 px under its heading on a phone, after some twenty rows of other municipalities' marks;
the same in „Målgrupper“ and „Steder“. Its printed edition put its rows first, with ★ and a rule under them. Now the
page does too: with a municipality chosen, each table of marks shows the rows where it has a mark first, in the table's
order, each with the sign before its name in bold and a rule under the last; every other row follows, shown, in the
table's order. With none chosen the table keeps its order and marks no row."""

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
# Each table of marks: for each row (a panel's row aside) its name, the codes of the municipalities with a mark in it,
# whether it is drawn, the sign before its name, its name's weight and the rule under it (the row's own bottom edge
# on a phone, its name cell's in the grid).
ROWS_JS = """() => [...document.querySelectorAll('.kr-marks-wrap table.kr-marks')].map((table) => ({
  id: table.id,
  rows: [...table.tBodies[0].rows].filter((row) => !row.classList.contains('kr-drill-row')).map((row) => {
    const th = row.cells[0];
    const rule = Math.max(parseFloat(getComputedStyle(row).borderBottomWidth) || 0,
                          parseFloat(getComputedStyle(th).borderBottomWidth) || 0);
    return {
      name: th.textContent.replace(/\\u00ad/g, '').trim(),
      marks: [...row.querySelectorAll('td.kr-marked[data-kr-mark]')].map((td) => td.dataset.krMark),
      drawn: row.checkVisibility() && th.getBoundingClientRect().height > 0,
      sign: getComputedStyle(th, '::before').content,
      bold: Number(getComputedStyle(th).fontWeight) >= 700,
      rule,
    };
  }),
}))"""


def _read(page, site_url: str, query: str) -> list[dict]:
    open_with_every_table_filled(page, f"{site_url}/{PAGE}{query}")
    return page.evaluate(ROWS_JS)


def _tables_by_choice(browser, site_url, screen: str, slugs: list[str]) -> dict[str, list[dict]]:
    context = browser.new_context(locale="da-DK", **SCREENS[screen])
    page = context.new_page()
    try:
        return {slug: _read(page, site_url, f"?kommune={slug}" if slug else "") for slug in ["", *slugs]}
    finally:
        context.close()


def _check(tables: list[dict], unchosen: list[dict], code: str, where: tuple) -> None:
    for table, plain in zip(each(tables), unchosen, strict=True):
        rows, order = table["rows"], [row["name"] for row in plain["rows"]]
        at = (table["id"], *where)
        # Every row is there and drawn: the choice highlights, it never folds or hides.
        assert sorted(row["name"] for row in rows) == sorted(order), ("a row is missing", *at)
        assert all(row["drawn"] for row in rows), ("a row is not drawn", *at)
        mine = [name for name in order if code in next(r for r in rows if r["name"] == name)["marks"]]
        others = [name for name in order if name not in mine]
        # The chosen municipality's rows first, then the others, each part in the table's order.
        assert [row["name"] for row in rows] == mine + others, ("not its rows first", *at)
        for i, row in enumerate(rows):
            own = i < len(mine)
            assert ("★" in row["sign"]) == own and row["bold"] == own, ("the sign and bold name", row, *at)
            assert (row["rule"] >= 3) == (own and i == len(mine) - 1), ("the rule under its last row", row, *at)


def test_on_a_phone_every_municipalitys_rows_come_first_marked_in_every_table_and_no_row_is_hidden(browser, site_url, data):
    slugs = list(data.municipalities["slug"])
    codes = dict(zip(data.municipalities["slug"], data.municipalities["kommunekode"], strict=True))
    tables = _tables_by_choice(browser, site_url, "375", slugs)
    unchosen = tables.pop("")
    for table in each(unchosen):
        # With none chosen: the table's own order, no row marked.
        assert not any("★" in row["sign"] or row["bold"] or row["rule"] >= 3 for row in table["rows"]), table["id"]
    # Egedal's one art form was the table's second-to-last row: the check sees a table it reorders.
    assert any(r["marks"] and codes["egedal"] not in r["marks"] for r in unchosen[0]["rows"][:1]), "the test sees no move"
    for slug in each(slugs):
        _check(tables[slug], unchosen, str(codes[slug]), ("375", slug))


@pytest.mark.parametrize("slug", ["egedal", "rudersdal"])
def test_at_a_desk_the_chosen_municipalitys_rows_come_first_in_the_grid_marked(browser, site_url, data, slug):
    code = str(dict(zip(data.municipalities["slug"], data.municipalities["kommunekode"], strict=True))[slug])
    tables = _tables_by_choice(browser, site_url, "1280", [slug])
    _check(tables[slug], tables[""], code, ("1280", slug))
