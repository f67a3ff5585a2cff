"""Reader review 20 (issue 22), 3b and desktop 4: the copy of a table of marks' column names, fixed under the sticky
bar, appeared as soon as the table's head touched the bar and lay over the head's own names, so the names stood twice
and the top row ("Tilflyttere") was under them; the copy's names were about 9 px tall. The copy now lies over the
head's foot until the head has less room than the copy (a sticky head), and its names are at least 12 px."""

from __future__ import annotations

import pytest

from support.checks import each
from support.screens import opened

pytestmark = pytest.mark.browser

# The second table of marks (target groups) with its head and first row, the bar, and the copy of its names if shown.
SEEN_JS = """() => {
  const t = document.querySelectorAll('.kr-marks-wrap table.kr-marks')[1];
  const copy = [...document.querySelectorAll('.kr-marks-names')].find((e) => !e.hidden);
  const box = (e) => { const r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom}; };
  return {head: box(t.tHead), row: box(t.tBodies[0].rows[0]), bar: box(document.querySelector('section.kr-filter')),
          copy: copy && box(copy.firstElementChild),
          sizes: [...document.querySelectorAll('.kr-marks-names .kr-marks-name')]
            .map((e) => parseFloat(getComputedStyle(e).fontSize))};
}"""


# A phone reads a table of marks as one line a row and makes no copy of its names (ADR 67): the desk alone.
@pytest.mark.parametrize("screen", ["1280"], ids=lambda s: f"{s}px")
def test_the_column_names_copy_lies_over_no_row_and_shows_the_names_once(site_url, browser, screen):
    with opened(browser, f"{site_url}/kommuner/sammenligning.html?kommune=egedal", screen) as page:
        start = page.evaluate(
            "() => document.querySelectorAll('.kr-marks-wrap table.kr-marks')[1].tHead.getBoundingClientRect().top + scrollY"
        )
        shown = []
        for step in range(-120, 200, 20):
            page.evaluate("(y) => window.scrollTo(0, y)", start + step)
            page.wait_for_timeout(300)
            seen = page.evaluate(SEEN_JS)
            if not seen["copy"]:
                continue
            shown.append(seen)
            height = seen["copy"]["bottom"] - seen["copy"]["top"]
            if seen["head"]["bottom"] - seen["bar"]["bottom"] >= height:  # the head's foot has room for the copy
                assert seen["copy"]["bottom"] <= seen["row"]["top"] + 1, ("over the top row", step, seen)
                assert abs(seen["copy"]["bottom"] - seen["head"]["bottom"]) <= 1, ("the names twice", step, seen)
            assert min(seen["sizes"]) >= 12, (step, seen["sizes"])
        assert each(shown)
