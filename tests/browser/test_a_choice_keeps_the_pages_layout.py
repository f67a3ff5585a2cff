"""Reader review 18, #3 and #4: after a choice the comparison's three columns squeezed to 110 px on a phone, the third
cut mid-word (a phone now reads it facet by facet, reader32 #1); the desktop's two-column grid of municipality cards
became one column; and at a page's top on a phone the bar's lines under it took a line each, pushing the page 52-76 px."""

from __future__ import annotations

import pytest

from support.checks import each

pytestmark = pytest.mark.browser


def opened(browser, url: str, viewport: dict, phone: bool):
    context = browser.new_context(viewport=viewport, locale="da-DK", is_mobile=phone, has_touch=phone)
    page = context.new_page()
    page.goto(url)
    page.evaluate("() => window.KR_FILTER.ready")
    return context, page


@pytest.mark.parametrize("width", [320, 375])
def test_on_a_phone_the_comparisons_lines_stand_whole_the_chosen_first(browser, site_url, width):
    """A phone reads the comparison facet by facet (reader32 #1): each facet's lines as wide as the text, none cut, the
    chosen municipality's first; its columns stood one under another before."""
    context, page = opened(browser, f"{site_url}/kommuner/sammenligning.html?kommune=egedal", {"width": width, "height": 667}, True)
    try:
        shown = page.evaluate(
            """() => {
              const facets = [...document.querySelectorAll('.kr-compare-facet')].filter((f) => f.checkVisibility());
              return {page: document.documentElement.scrollWidth, facets: facets.map((f) => ({
                width: f.getBoundingClientRect().width,
                lines: [...f.querySelectorAll('.kr-compare-line')].filter((l) => l.checkVisibility()).map((l) => ({
                  name: l.querySelector('.kr-compare-who').textContent, chosen: l.classList.contains('kr-chosen'),
                  box: l.getBoundingClientRect().toJSON()}))}))};
            }"""
        )
        assert shown["facets"] and shown["page"] <= width, shown
        for facet in each(shown["facets"]):
            lines = sorted(facet["lines"], key=lambda line: line["box"]["top"])
            # Two: the choice takes the page's pair's last place rather than add a third line (ADR 67).
            assert len(lines) == 2 and lines[0]["chosen"], lines
            for line in lines:
                assert line["box"]["width"] >= facet["width"] - 1 and line["box"]["right"] <= width, line
    finally:
        context.close()


def test_a_choice_keeps_the_desktops_grid_of_municipality_cards(browser, site_url):
    context, page = opened(browser, f"{site_url}/kommuner/oversigt.html?kommune=alle", {"width": 1280, "height": 800}, False)
    try:
        lefts = """() => [...new Set([...document.querySelectorAll('.kr-card')].filter((c) => c.checkVisibility())
                      .map((c) => Math.round(c.getBoundingClientRect().left)))]"""
        before = page.evaluate(lefts)
        page.select_option("#kr-kommune", label="Egedal")
        page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
        assert len(before) == 2 and sorted(page.evaluate(lefts)) == sorted(before)
    finally:
        context.close()


@pytest.mark.parametrize("path", ["kommuner/oversigt.html", "index.html"])
def test_at_a_pages_top_on_a_phone_what_a_choice_marks_and_the_offer_share_one_line_where_they_fit(browser, site_url, path):
    context, page = opened(browser, f"{site_url}/{path}?kommune=alle", {"width": 375, "height": 667}, True)
    try:
        title = "() => document.querySelector('article h1').getBoundingClientRect().top"
        before = page.evaluate(title)
        # The bar's lines are the view's sentences, which may come from a side file (KR.sentencesOf): the choice has
        # taken effect once the page says so (kr:filtered), and the lines are laid out a frame after that.
        page.evaluate("() => { window.__krShown = new Promise((shown) => document.addEventListener('kr:filtered', shown, {once: true})); }")
        page.select_option("#kr-kommune", label="Egedal")
        page.evaluate("() => window.__krShown")
        page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
        lines = page.evaluate(
            """() => [...document.querySelectorAll('.kr-filter-tally, .kr-filter-offer-link')].filter((e) => e.checkVisibility())
                      .map((e) => [...e.getClientRects()].map((r) => (r.top + r.bottom) / 2))"""
        )
        middles = [middle for line in lines for middle in line]
        assert len(lines) == 2 and max(middles) - min(middles) < 3, lines
        # One line of the bar, as tall as it is laid out (its PDF link's arrow made it 34 px; ADR 64).
        line = page.evaluate("() => document.querySelector('.kr-filter-tally').parentElement.getBoundingClientRect().height")
        assert line < 48 and page.evaluate(title) - before <= max(32, line + 1), ("the page moves by one line of the bar at most", line)
    finally:
        context.close()
