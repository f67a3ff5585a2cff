"""What a choice costs a slow phone in the tables of marks (issue 24 item 4, ADR 107): a row moved in a table is
restyled and laid out again with every row after it (the theme's rules on sibling elements), and at national scale a
row holds 98 columns. A national choice on `kommuner/sammenligning` waited mostly for the rows moved in the table above
the chart, which the reader did not see (BENCHMARKS.md, session 30). So a choice moves only the rows out of place, as
few as can be, and a table the browser skips far from the screen takes the choice's order as it comes near."""

from __future__ import annotations

import pytest

from support.checks import each
from support.choosing import open_with_every_table_filled
from support.draws import at_the_first_chart, choose_and_settle

pytestmark = pytest.mark.browser
PAGE = "kommuner/sammenligning.html"

# Each table's row names in order, a panel's row aside.
ORDER_JS = """() => [...document.querySelectorAll('.kr-marks-wrap table.kr-marks')].map((table) =>
  [...table.tBodies[0].rows].filter((row) => !row.classList.contains('kr-drill-row')).map((row) => row.cells[0].textContent))"""

# From now on each table's rows put in place (childList additions to its body), counted per table in __moved.
COUNT_MOVES_JS = """() => {
  const bodies = [...document.querySelectorAll('.kr-marks-wrap table.kr-marks')].map((table) => table.tBodies[0]);
  window.__moved = bodies.map(() => 0);
  bodies.forEach((body, i) => new MutationObserver((records) => {
    for (const record of records) window.__moved[i] += [...record.addedNodes].filter((n) => n.tagName === 'TR').length;
  }).observe(body, {childList: true}));
}"""


def fewest_moves(before: list[str], after: list[str]) -> int:
    """The fewest rows to move to turn `before` into `after`: all but the longest run already in order."""
    at = {name: i for i, name in enumerate(before)}
    longest: list[int] = []  # longest[k]: the lowest last place of a run of k + 1 rows in order
    for place in (at[name] for name in after):
        k = next((k for k, end in enumerate(longest) if end >= place), len(longest))
        longest[k : k + 1] = [place]
    return len(after) - len(longest)


def test_a_choice_moves_only_the_rows_out_of_place_and_no_more(browser, site_url):
    """Going from one municipality to the next, each table's rows move as few as can be: those of the longest run that
    already stands in the new order stay. Moving every row that stood before one still to come moved two to three
    times as many at report scale."""
    context = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 4000})
    page = context.new_page()
    try:
        open_with_every_table_filled(page, f"{site_url}/{PAGE}")
        page.evaluate("() => window.scrollTo(0, 0)")
        codes = page.eval_on_selector_all("#kr-kommune option", "os => os.map((o) => o.value)")[1:]
        page.evaluate(COUNT_MOVES_JS)
        moved, fewest = [], []
        order = page.evaluate(ORDER_JS)
        for code in codes + codes[:1]:
            page.evaluate("() => window.__moved.fill(0)")
            choose_and_settle(page, code, 300)
            now = page.evaluate(ORDER_JS)
            moved.append(page.evaluate("() => window.__moved.slice()"))
            fewest.append([fewest_moves(b, a) for b, a in zip(order, now, strict=True)])
            order = now
        assert sum(map(sum, fewest)) > 0, "no choice reorders a table: the test sees no move"
        assert moved == fewest
    finally:
        context.close()


def test_a_choice_leaves_a_far_tables_rows_until_the_table_comes_near(browser, site_url):
    """On a phone at the comparison's chart, a choice moves no row of a table the browser skips far from the screen;
    scrolled to, the table shows the chosen municipality's rows first, marked, before the reader reaches it."""
    context = browser.new_context(locale="da-DK", viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        at_the_first_chart(page, f"{site_url}/{PAGE}")
        page.wait_for_function(
            "() => [...document.querySelectorAll('.kr-marks-figure')].every((f) => f.classList.contains('kr-marks-laid-out'))"
        )
        page.wait_for_timeout(300)  # the tables' observers have seen where they stand
        far = page.evaluate(
            """() => [...document.querySelectorAll('.kr-marks-wrap table.kr-marks')].map((table) => {
              const box = table.closest('.kr-marks-figure').getBoundingClientRect();
              return box.bottom < -innerHeight || box.top > 2 * innerHeight; })"""
        )
        assert any(far), "no table of marks lies far from the screen at the page's chart"
        order = page.evaluate(ORDER_JS)
        # A municipality whose rows do not stand first in a far table: the choice would reorder it.
        marks = page.evaluate(
            """() => [...document.querySelectorAll('.kr-marks-wrap table.kr-marks')].map((table) =>
              [...table.tBodies[0].rows].map((row) => (row.dataset.krFirst || '').split(' ').filter(Boolean)))"""
        )
        codes = page.eval_on_selector_all("#kr-kommune option", "os => os.map((o) => o.value)")[1:]

        def mine(i: int, code: str) -> list[str]:
            return [name for name, own in zip(order[i], marks[i], strict=True) if code in own]

        def reorders(i: int, code: str) -> bool:
            return order[i][: len(mine(i, code))] != mine(i, code)

        table, code = next((i, c) for c in codes for i in range(len(order)) if far[i] and reorders(i, c))
        page.evaluate(COUNT_MOVES_JS)
        choose_and_settle(page, code, 300)
        assert page.evaluate("() => window.__moved")[table] == 0, "a choice moved rows of a table far from the screen"
        page.locator(".kr-marks-wrap table.kr-marks").nth(table).evaluate("(t) => t.scrollIntoView({block: 'start'})")
        page.wait_for_timeout(500)
        rows = page.evaluate(
            """(i) => [...document.querySelectorAll('.kr-marks-wrap table.kr-marks')[i].tBodies[0].rows]
              .filter((row) => !row.classList.contains('kr-drill-row'))
              .map((row) => [row.cells[0].textContent, row.classList.contains('kr-holds-chosen')])""",
            table,
        )
        first = mine(table, code)
        assert [name for name, _ in rows] == first + [name for name in order[table] if name not in first]
        for name, held in each(rows):
            assert held == (name in first), name
    finally:
        context.close()
