"""Charts whose text is whole (issue 22, item 4), in headless Chromium at 320, 375 and 1280 px.

Every chart on every page is scrolled into view and drawn; then each of its texts (tick labels, axis titles, the
legend and its title) must lie inside the chart's SVG, and a bar chart must fill at least two thirds of the height
kept for it. The comparison page's tables of marks must show every name whole. The default view is checked at each
width, and at 320 px also with the municipality whose name is longest chosen (its name is in a legend then).

Under the `national` marker the same checks run on the national-scale build (conftest's national_site, shared with
tests/test_page_weight.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kulturensrige.render import charts
from support.checks import each
from support.serving import serve

pytestmark = pytest.mark.browser
WIDTHS = (320, 375, 1280)

# Each text plotly draws that a reader must read whole: outside the SVG's box it is cut off, and a point's text
# (a heatmap's count, a timeline's date) outside the plot area, where plotly clips it. Ticks plotly itself hides
# (none at these sizes) have no box.
CUT_TEXTS_JS = """(plot) => {
    const svg = plot.querySelector('.svg-container').getBoundingClientRect();
    const area = plot.querySelector('.main-svg .nsewdrag')?.getBoundingClientRect() || svg;
    const selector = ['.xtick text', '.ytick text', '.g-xtitle text', '.g-ytitle text', '.legend text', '.gtitle', '.textpoint text']
        .map((s) => '.main-svg ' + s).join(', ');
    return [...plot.querySelectorAll(selector)].flatMap((text) => {
        const box = text.getBoundingClientRect();
        if (!text.textContent.trim() || box.width === 0) return [];
        const frame = text.closest('.textpoint') ? area : svg;
        const inside = box.left >= frame.left - 1 && box.right <= frame.right + 1
            && box.top >= frame.top - 1 && box.bottom <= frame.bottom + 1;
        return inside ? [] : [`${text.textContent} (${Math.round(box.left - frame.left)}..${Math.round(box.right - frame.left)}`
            + ` of ${Math.round(frame.width)} px wide, ${Math.round(box.top - frame.top)}..${Math.round(box.bottom - frame.top)}`
            + ` of ${Math.round(frame.height)} px high)`];
    });
}"""

# A bar chart's drawn content (its texts and bars) from top to bottom, against the height the page keeps for it.
FILLED_JS = """(plot) => {
    if (!plot.querySelector('.barlayer')) return null;
    const parts = [...plot.querySelectorAll('.main-svg text, .barlayer path')]
        .map((e) => e.getBoundingClientRect()).filter((b) => b.height > 0);
    const top = Math.min(...parts.map((b) => b.top)), bottom = Math.max(...parts.map((b) => b.bottom));
    return {drawn: bottom - top, kept: plot.getBoundingClientRect().height};
}"""

# A name in a table of marks is whole when every line of it lies inside its cell.
CUT_NAMES_JS = """(table) => [...table.querySelectorAll('th')].flatMap((cell) => {
    const range = document.createRange();
    range.selectNodeContents(cell);
    const box = cell.getBoundingClientRect();
    const out = [...range.getClientRects()].some((r) => r.width > 0 &&
        (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1));
    return out || cell.scrollWidth > cell.clientWidth + 1 ? [cell.textContent] : [];
})"""


def chart_pages(site: Path) -> list[str]:
    """Every page with a plotted chart or a table of marks, as a path in the site."""
    return sorted(
        str(page.relative_to(site))
        for page in site.rglob("*.html")
        if "_static" not in page.parts and ('class="kr-figure"' in (text := page.read_text(encoding="utf-8")) or "kr-marks" in text)
    )


def longest_name_slug(site_url: str, page) -> str:
    page.goto(f"{site_url}/index.html")
    return page.evaluate("() => window.KR.data.kommuner.reduce((a, b) => (b.name.length > a.name.length ? b : a)).slug")


def problems_on(page, url: str) -> list[Any]:
    """What is cut on one page: each chart drawn in turn, in view."""
    page.goto(url)
    page.evaluate("() => window.KR_FILTER.ready")
    found: list[Any] = []
    plots = page.locator(".kr-plot")
    for i in range(plots.count()):
        plot = plots.nth(i)
        plot.scroll_into_view_if_needed()
        plot.locator(".main-svg").first.wait_for(timeout=20_000)
        page.wait_for_function("(plot) => !plot.hasAttribute('aria-hidden')", arg=plot.element_handle(), timeout=20_000)
        name = plot.get_attribute("id")
        found += [(url, name, text) for text in plot.evaluate(CUT_TEXTS_JS)]
        filled = plot.evaluate(FILLED_JS)
        if filled and filled["drawn"] < filled["kept"] * 2 / 3:
            found.append((url, name, f"a bar chart draws {filled['drawn']:.0f} of the {filled['kept']:.0f} px kept for it"))
    figures = page.locator(".kr-marks-figure")
    for i in range(figures.count()):
        figures.nth(i).scroll_into_view_if_needed()
        # A large table's rows come from side files when it is near: wait till they are in.
        page.wait_for_function("(f) => !f.querySelector('script.kr-marks-rows')", arg=figures.nth(i).element_handle(), timeout=20_000)
        table = figures.nth(i).locator("table.kr-marks")
        found += [(url, "table", name) for name in table.evaluate(CUT_NAMES_JS)]
    return found


def check_every_chart(browser, site: Path, site_url: str, width: int) -> None:
    context = browser.new_context(locale="da-DK", viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        pages = each(chart_pages(site))
        queries = [""]
        if width == min(WIDTHS):
            queries.append(f"?kommune={longest_name_slug(site_url, page)}")
        cut = [problem for path in pages for query in queries for problem in problems_on(page, f"{site_url}/{path}{query}")]
        assert not cut, "\n".join(map(str, cut))
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_no_chart_text_is_cut_and_no_bar_chart_stands_in_empty_space(browser, built_site, site_url, width):
    check_every_chart(browser, built_site, site_url, width)


@pytest.mark.national
@pytest.mark.parametrize("width", WIDTHS)
def test_at_national_scale_no_chart_text_is_cut(browser, national_site, width):
    """98 municipalities' columns and names, their tables' rows loaded from side files (about 30 s for all widths)."""
    url, server = serve(national_site)
    try:
        check_every_chart(browser, national_site, url, width)
    finally:
        server.shutdown()


# Figure 1: where its two dates stand against the markers of the line they belong to.
DATES_JS = """(figure) => {
    const [period, workshops] = figure.querySelectorAll('.main-svg g.trace.scatter');
    const centre = (e) => { const b = e.getBoundingClientRect(); return (b.left + b.right) / 2; };
    return {ends: [...period.querySelectorAll('path.point')].map(centre),
            dates: [...period.querySelectorAll('.textpoint text')].map((t) => ({text: t.textContent, x: centre(t)})),
            workshops: [...workshops.querySelectorAll('path.point')].map(centre)};
}"""


def drawn_timeline(page, site_url: str):
    """The front chapter's timeline (Figure 1), scrolled into view and drawn with its dates."""
    page.goto(f"{site_url}/kulturens-rige.html")
    page.evaluate("() => window.KR_FILTER.ready")
    figure = page.locator("#figur-forloeb")
    figure.scroll_into_view_if_needed()
    page.wait_for_selector("#figur-forloeb .main-svg g.trace.scatter .textpoint text")
    return figure


@pytest.mark.parametrize("width", [375, 1280])
def test_the_timelines_dates_stand_under_the_ends_of_the_line_they_date(browser, site_url, width):
    """The start and end month were drawn beside their ends, under the first and last two workshops: each now
    stands centred under its own end, nearer to it than to any workshop."""
    page = browser.new_page(viewport={"width": width, "height": 800}, locale="da-DK")
    try:
        figure = drawn_timeline(page, site_url)
        found = figure.evaluate(DATES_JS)
        assert len(found["dates"]) == len(found["ends"]) == 2, found
        for date, end in zip(found["dates"], found["ends"], strict=True):
            nearest = min(abs(date["x"] - w) for w in found["workshops"])
            assert abs(date["x"] - end) < 2 and abs(date["x"] - end) < nearest, (date, end, found["workshops"])
    finally:
        page.close()


# A drawn chart's legend (the book's, above the plot, or plotly's inside it): its height, its entries in the order
# shown (the key of a highlighted view left out), and the plot area's height; the pieces of the bars in their order.
LEGEND_JS = """(figure) => {
    const plot = figure.querySelector('.kr-plot');
    const legend = figure.querySelector('.kr-legend') || plot.querySelector('.main-svg .legend');
    const entries = '.kr-legend-entries:not(.kr-legend-key) .kr-legend-entry span, .main-svg .legend .legendtext';
    const names = [...figure.querySelectorAll(entries)].map((t) => t.textContent);
    const area = plot.querySelector('.main-svg .nsewdrag').getBoundingClientRect();
    return {legend: legend ? legend.getBoundingClientRect().height : 0, area: area.height, names,
            pieces: plot.data.filter((t) => t.showlegend !== false).map((t) => t.name)};
}"""


def test_a_bar_charts_legend_is_shorter_than_its_bars_on_a_phone_and_lists_them_in_one_order(browser, site_url, data):
    """At 375 px plotly's legend of speaker groups stood taller than the bars, and it listed the groups in reverse
    until a municipality was chosen. In both views now the legend is shorter than the plot area and names the pieces
    in the order they stack from the left."""
    page = browser.new_page(viewport={"width": 375, "height": 800}, locale="da-DK")
    seen = {}
    try:
        for query in ("", f"?kommune={data.municipalities['slug'].iloc[0]}"):
            page.goto(f"{site_url}/ingredienser/oversigt.html{query}")
            page.evaluate("() => window.KR_FILTER.ready")
            figure = page.locator("#figur-citater-pr-ingrediens")
            figure.scroll_into_view_if_needed()
            page.wait_for_function("(f) => !f.querySelector('.kr-plot').hasAttribute('aria-hidden')", arg=figure.element_handle())
            seen[query or "alle"] = figure.evaluate(LEGEND_JS)
        pieces = seen["alle"]["pieces"]
        taller = [(view, d["legend"], d["area"]) for view, d in seen.items() if not 0 < d["legend"] < d["area"]]
        reordered = [(view, d["names"]) for view, d in seen.items() if d["names"] != pieces]
        assert not taller and not reordered, (taller, reordered, pieces)
    finally:
        page.close()


@pytest.mark.parametrize("width", [320, 375, 1280])
def test_the_timeline_shows_its_events_in_words_and_no_hover_label_covers_its_row(browser, site_url, width):
    """The timeline's hover label stood over its own row of markers (plotly places it beside the point and has no
    option to place it elsewhere; a fifth new reader's review, finding 3): a tap or hover on an event shows no label
    now, and what the labels said is the figure's description, shown under it."""
    page = browser.new_page(viewport={"width": width, "height": 800}, locale="da-DK", has_touch=width < 800)
    try:
        figure = drawn_timeline(page, site_url)
        for point in each(figure.locator(".main-svg g.trace.scatter path.point").all()):
            point.hover(force=True)
            page.wait_for_timeout(100)
            assert figure.locator(".hoverlayer .hovertext").count() == 0
        said = figure.locator(".kr-alt")
        assert said.is_visible() and said.bounding_box()["height"] > 40, said.bounding_box()
        # ADR 110 (reading30 #7): the places of two workshops, not the book's titles of them as the report's.
        assert "den fjerde (Arken)" in said.inner_text()
    finally:
        page.close()


# A drawn heatmap: the colour of its highest count's cell and of each count, as painted, and its swatches' colours.
PAINTED_JS = """(figure) => {
    const plot = figure.querySelector('.kr-plot');
    // The cells, the cells above the scale where there are any (charts._heatmap), the counts.
    const [heat, counts, over] = [plot.data[0], plot.data[plot.data.length - 1], plot.data.length > 2 ? plot.data[1] : null];
    const texts = [...plot.querySelectorAll('.main-svg .textpoint text')].map((t) => getComputedStyle(t).fill);
    const swatches = [...figure.querySelectorAll('.kr-legend-entry svg')].map((svg) =>
        [...svg.querySelectorAll('rect')].filter((r) => getComputedStyle(r).visibility !== 'hidden').pop().getAttribute('fill'));
    return {scale: heat.colorscale, meta: heat.meta.dark.colorscale, texts, dark: counts.meta.dark.textfont.color,
            light: counts.textfont.color, swatches, over: over && over.colorscale};
}"""


def _rgb(colour: str) -> str:
    """'#rrggbb' as getComputedStyle writes it."""
    return "rgb({}, {}, {})".format(*(int(colour[i : i + 2], 16) for i in (1, 3, 5)))


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_heatmap_is_drawn_on_its_themes_scale_with_its_themes_count_colours(browser, tied_url, tied_data, theme):
    """On the dark theme the heatmap's highest counts were navy beside the dark page (a fifth new reader's review,
    finding 1). The page draws the scale and the counts' colours the build prepared for the theme in use, and the
    legend's swatches show that scale. On the tied data: the report's data, with no inferred tie, have no heatmap."""
    context = browser.new_context(viewport={"width": 375, "height": 800}, locale="da-DK")
    context.add_init_script(f"localStorage.setItem('theme', '{theme}'); localStorage.setItem('mode', '{theme}');")
    page = context.new_page()
    try:
        page.goto(f"{tied_url}/ingredienser/oversigt.html")
        page.evaluate("() => window.KR_FILTER.ready")
        assert page.evaluate("() => document.documentElement.dataset.theme") == theme
        figure = page.locator("#figur-ingrediens-kommune")
        figure.scroll_into_view_if_needed()
        page.wait_for_function("(f) => !f.querySelector('.kr-plot').hasAttribute('aria-hidden')", arg=figure.element_handle())
        painted = figure.evaluate(PAINTED_JS)
        chart = charts.ingredient_municipality_matrix(tied_data)
        heat = chart.variants["alle"].figure["data"][0]
        highest = heat["zmax"]
        assert painted["scale"] == charts.heat_scale(theme, highest)
        assert painted["texts"] == [_rgb(c) for c in painted[theme]]
        legend = chart.legend()
        assert legend is not None
        assert painted["swatches"] == [(s.dark or s.colour) if theme == "dark" else s.colour for s in legend.entries]
        # The 'Uden kommune' cells above the scale, in the theme's colour of their own (issue 22).
        assert painted["over"] == [[0, charts.OVER_SCALE[theme]], [1, charts.OVER_SCALE[theme]]]
    finally:
        context.close()
