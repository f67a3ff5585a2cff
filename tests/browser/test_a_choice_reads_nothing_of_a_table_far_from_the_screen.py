"""A table of marks far from the screen is skipped by the browser (content-visibility: auto, kr-charts.js fillMarks):
neither restyled nor laid out until it comes near. A choice that asked any of its cells whether it was shown or where
it stood made the browser restyle and lay out the whole table first: after each choice on the national comparison page
the line under the bar (kr-filter.js offerAway) checked every marked cell of two such tables, about 140 ms of a slow
phone's choice, and the frame that showed the redrawn chart waited for it (issue 24, BENCHMARKS.md session 26)."""

from __future__ import annotations

import pytest

from support.draws import at_the_first_chart, choose_and_settle

pytestmark = pytest.mark.browser
PHONE = {"width": 375, "height": 812}
PAGE = "kommuner/sammenligning.html"

# From now on, every read of a box or of visibility of an element inside a table of marks that is laid out once and
# now more than a screen from the screen (so skipped), recorded in __farReads.
RECORD_FAR_READS_JS = """() => {
  window.__farReads = [];
  const boxOf = Element.prototype.getBoundingClientRect;
  const far = (node) => {
    const figure = node.parentElement?.closest('.kr-marks-figure.kr-marks-laid-out');
    if (!figure) return false;
    const box = boxOf.call(figure);
    return box.bottom < -innerHeight || box.top > 2 * innerHeight;
  };
  for (const name of ['checkVisibility', 'getBoundingClientRect', 'getClientRects']) {
    const original = Element.prototype[name];
    Element.prototype[name] = function (...args) {
      if (far(this)) window.__farReads.push(`${name} ${this.tagName}.${this.className}`);
      return original.apply(this, args);
    };
  }
}"""


def test_a_choice_reads_nothing_inside_a_table_of_marks_far_from_the_screen(browser, site_url):
    context = browser.new_context(locale="da-DK", viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        at_the_first_chart(page, f"{site_url}/{PAGE}")
        page.wait_for_function(
            "() => [...document.querySelectorAll('.kr-marks-figure')].every((f) => f.classList.contains('kr-marks-laid-out'))"
        )
        page.wait_for_timeout(300)  # the tables' observers have seen where they stand
        far = page.evaluate(
            """() => [...document.querySelectorAll('.kr-marks-figure')].filter((f) => {
              const box = f.getBoundingClientRect(); return box.bottom < -innerHeight || box.top > 2 * innerHeight; }).length"""
        )
        assert far > 0, "no table of marks lies far from the screen at the page's chart"
        page.evaluate(RECORD_FAR_READS_JS)
        codes = page.eval_on_selector_all("#kr-kommune option", "os => os.map((o) => o.value)")[1:]
        marked = page.evaluate("(codes) => codes.filter((c) => document.querySelector(`td.kr-marked[data-kr-mark='${c}']`))", codes)
        assert marked, "no municipality has a marked cell in the tables"
        for code in marked:
            choose_and_settle(page, code, 500)
        assert page.evaluate("() => window.__farReads") == []
    finally:
        context.close()
