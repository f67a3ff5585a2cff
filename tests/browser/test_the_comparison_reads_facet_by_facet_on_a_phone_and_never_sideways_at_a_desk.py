"""Reader 32 on `kommuner/sammenligning`'s „Side om side“. #1: on a phone the chosen municipalities' columns stood one
under another, four of them about 13 screens, and comparing one facet (who else works with seniors?) meant scrolling
back and forth; the reader expects a facet's heading, then one line per municipality. #3: at 1280 px five columns were
768 px in a 688 px article, the last cut and the row to be scrolled sideways, while the right rail stood empty."""

from __future__ import annotations

import pytest

from support.checks import each

pytestmark = pytest.mark.browser

PAGE = "kommuner/sammenligning.html"
FOUR = "?kommune=egedal&sammenlign=koege,hoeje-taastrup,ringkoebing-skjern"
# Every municipality the page has, by its boxes, ticked.
TICK_ALL_JS = """() => { [...document.querySelectorAll('.kr-compare-choices input')]
  .forEach((box) => { if (!box.checked && !box.disabled) box.click(); }); }"""
# What the reader sees of the comparison, top to bottom: each shown facet's heading and its shown lines (name, whether
# marked as chosen, its terms), and whether any column shows.
FACETS_JS = """() => {
  const shown = (e) => e.checkVisibility() && e.getBoundingClientRect().height > 0;
  const compare = document.querySelector('.kr-compare');
  const facets = [...compare.querySelectorAll('.kr-compare-facet')].filter(shown).map((facet) => ({
    heading: facet.querySelector('h3').textContent,
    top: facet.getBoundingClientRect().top + scrollY,
    lines: [...facet.querySelectorAll('.kr-compare-line')].filter(shown)
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
      .map((line) => ({code: line.dataset.compare, name: line.querySelector('.kr-compare-who').textContent,
        chosen: line.classList.contains('kr-chosen'), terms: line.querySelector('ul:not([hidden])').textContent,
        right: line.getBoundingClientRect().right})),
  }));
  const columns = [...compare.querySelectorAll('.kr-compare-column')].filter(shown);
  // Each shown column's list under each heading, as the desk's view has it.
  const lists = {};
  for (const column of compare.querySelectorAll('.kr-compare-column:not([hidden])'))
    for (const h of column.querySelectorAll(':scope > h4'))
      lists[`${column.dataset.compare} ${h.textContent}`] = h.nextElementSibling.textContent;
  const box = compare.querySelector('.kr-compare-facets')?.getBoundingClientRect();
  const sideways = document.documentElement.scrollWidth > innerWidth;
  return {facets, columns: columns.length, lists, height: box ? box.height : null, sideways};
}"""


def test_on_a_phone_the_comparison_reads_facet_by_facet_the_chosen_municipality_first(browser, site_url):
    context = browser.new_context(locale="da-DK", viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(f"{site_url}/{PAGE}{FOUR}")
        page.evaluate("() => window.KR_FILTER.ready")
        seen = page.evaluate(FACETS_JS)
        assert seen["columns"] == 0, "a phone shows the facets, not the columns"
        assert [f["heading"] for f in seen["facets"]][:2] == ["Indsatser", "Målgrupper"], seen["facets"]
        assert not seen["sideways"]
        names = ["Egedal", "Køge", "Høje-Taastrup", "Ringkøbing-Skjern"]
        for facet in each(seen["facets"]):
            # One line per municipality shown, the chosen one first and alone marked, the others in the report's order.
            assert [line["name"] for line in facet["lines"]] == names, facet
            assert [line["chosen"] for line in facet["lines"]] == [True, False, False, False], facet
            for line in facet["lines"]:
                # The same list as the municipality's column has under that heading: nothing emptied, nothing folded.
                assert line["terms"] == seen["lists"][f"{line['code']} {facet['heading']}"], (facet["heading"], line)
                assert line["terms"].strip() and line["right"] <= 375
        # The facets follow one another down the page, and four municipalities read in under three screens (their
        # columns one under another were about 13).
        assert [f["top"] for f in seen["facets"]] == sorted(f["top"] for f in seen["facets"])
        assert seen["height"] < 3 * 667, seen["height"]
        assert not page.locator(".kr-compare-facets details").count(), "nothing folded away"
    finally:
        context.close()


@pytest.mark.parametrize("width", [1280, 1000])
def test_at_a_desk_every_chosen_column_stands_in_view_with_no_sideways_scrolling(browser, site_url, width):
    context = browser.new_context(locale="da-DK", viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        page.goto(f"{site_url}/{PAGE}?kommune=egedal")
        page.evaluate("() => window.KR_FILTER.ready")
        page.evaluate(TICK_ALL_JS)
        page.locator(".kr-compare-columns").scroll_into_view_if_needed()
        page.wait_for_timeout(300)
        laid = page.evaluate(
            """() => { const frame = document.querySelector('.kr-compare-columns');
              const columns = [...frame.querySelectorAll('.kr-compare-column')].filter((c) => c.checkVisibility());
              const rail = document.querySelector('.bd-sidebar-secondary');
              const railBox = rail && rail.checkVisibility() ? rail.getBoundingClientRect() : null;
              const frameBox = frame.getBoundingClientRect();
              return {columns: columns.length, scrolls: frame.scrollWidth > frame.clientWidth + 1,
                hint: document.querySelector('.kr-compare-scrolls').checkVisibility(),
                right: Math.max(...columns.map((c) => c.getBoundingClientRect().right)),
                sideways: document.documentElement.scrollWidth > innerWidth,
                // The rail, where it shows beside the columns (folded to its heading while they are on the screen),
                // lies over none of them.
                overlap: Boolean(railBox && railBox.height > 0 && railBox.left < frameBox.right && railBox.bottom > frameBox.top
                  && railBox.top < frameBox.bottom)}; }"""
        )
        assert not laid["sideways"], laid
        assert not laid["overlap"], laid
        if width == 1280:
            # The report's seven municipalities, side by side, none cut, nothing to scroll sideways.
            assert laid["columns"] == 7, laid
            assert not laid["scrolls"] and not laid["hint"], laid
            assert laid["right"] <= width, laid
    finally:
        context.close()
