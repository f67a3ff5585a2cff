"""Issue 22, the reader review of session 17 (phone #4): on a phone the plotly hover label of the comparison's partner
chart ran past the chart's left edge and was cut ("uners indsatser: 4 organisationer, nævnt ved 4 indsatser")."""

from __future__ import annotations

import pytest

from support.checks import each

pytestmark = pytest.mark.browser

PAGES = ["kommuner/sammenligning.html", "ingredienser/oversigt.html"]
# Every bar drawn on the page: its chart's id and its centre on the page.
BARS_JS = """() => [...document.querySelectorAll('.kr-plot')].flatMap((plot) =>
  [...plot.querySelectorAll('.trace.bars .point path')].map((bar, i) => {
    const r = bar.getBoundingClientRect();
    return {plot: plot.id, i, x: r.left + r.width / 2, y: r.top + r.height / 2 + scrollY, w: r.width};
  })).filter((b) => b.w > 2)"""
# The hover label's box against what its chart shows (its drawing, within the frame it scrolls in).
LABEL_JS = """(id) => {
  const plot = document.getElementById(id);
  const svg = plot.querySelector('.main-svg').getBoundingClientRect();
  const frame = plot.closest('.kr-plot-frame')?.getBoundingClientRect() ?? svg;
  const label = plot.querySelector('.hoverlayer .hovertext');
  if (!label) return null;
  const box = label.getBoundingClientRect();
  return {label: [box.left, box.right], shown: [Math.max(svg.left, frame.left), Math.min(svg.right, frame.right)],
          text: label.textContent};
}"""


@pytest.mark.parametrize("width", [320, 375])
def test_a_hover_label_lies_inside_its_chart_on_a_phone(browser, site_url, width):
    """The pointer on each bar of each chart: its label's box lies inside what the chart shows, within 1 px."""
    context = browser.new_context(locale="da-DK", viewport={"width": width, "height": 667})
    page = context.new_page()
    try:
        for path in each(PAGES):
            page.goto(f"{site_url}/{path}?kommune=alle")
            page.evaluate("() => window.KR_FILTER.ready")
            for plot in page.eval_on_selector_all(".kr-plot", "(plots) => plots.map((p) => p.id)"):
                page.locator(f"#{plot}").scroll_into_view_if_needed()
                page.wait_for_function(f"() => document.querySelector('#{plot} .main-svg')", timeout=20000)
            seen = 0
            for bar in each(page.evaluate(BARS_JS)):
                page.evaluate(f"() => window.scrollTo({{top: {bar['y']} - 300, behavior: 'instant'}})")
                page.mouse.move(bar["x"], 300)
                page.wait_for_timeout(120)
                box = page.evaluate(LABEL_JS, bar["plot"])
                if box is None:
                    continue
                seen += 1
                (left, right), (start, end) = box["label"], box["shown"]
                assert left >= start - 1 and right <= end + 1, (width, path, bar, box)
            assert seen, (width, path, "no hover label appeared")
    finally:
        context.close()


# The hover labels shown in a figure that cover a row's name on the y axis, and whether its drill panel is open.
LABEL_OVER_NAME_JS = """(id) => {
  const figure = document.getElementById(id);
  const labels = [...figure.querySelectorAll('.hoverlayer .hovertext')].map((l) => l.getBoundingClientRect());
  const names = [...figure.querySelectorAll('.ytick text')].map((t) => t.getBoundingClientRect());
  const over = labels.filter((l) => names.some((t) => l.left < t.right && t.left < l.right && l.top < t.bottom && t.top < l.bottom));
  return {over: over.length, drill: !!figure.querySelector('.kr-drill:not([hidden])')};
}"""


def test_a_tapped_bar_opens_its_panel_and_leaves_no_hover_label_over_the_rows_names(browser, site_url):
    """Reader review 18, #7: on a phone the tap on a bar that opened its panel left plotly's label
    "Sundhedsområdet: 1 citat" over the row's name "Etablering af ”vi”"; the panel's heading says the same."""
    context = browser.new_context(viewport={"width": 375, "height": 667}, locale="da-DK", is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(f"{site_url}/ingredienser/oversigt.html")
        page.evaluate("() => window.KR_FILTER.ready")
        page.locator("#figur-citater-pr-ingrediens").scroll_into_view_if_needed()
        page.wait_for_function("() => document.querySelector('#figur-citater-pr-ingrediens .trace.bars .point')")
        x, y = page.evaluate(
            """() => { const b = document.querySelector('#figur-citater-pr-ingrediens .trace.bars .point').getBoundingClientRect();
                       return [b.left + b.width / 2, b.top + b.height / 2]; }"""
        )
        # A phone's browser sends a tap on as a mouse move and a click: plotly shows its label on the move. The test's
        # headless shell sends no move with a tap, so the test makes it.
        page.mouse.move(x, y)
        page.wait_for_function("() => document.querySelector('#figur-citater-pr-ingrediens .hoverlayer .hovertext')")
        page.touchscreen.tap(x, y)
        page.wait_for_function("() => document.querySelector('#figur-citater-pr-ingrediens .kr-drill:not([hidden])')")
        page.wait_for_timeout(300)  # plotly's label, had it stayed, is drawn by now
        assert page.evaluate(LABEL_OVER_NAME_JS, "figur-citater-pr-ingrediens") == {"over": 0, "drill": True}
    finally:
        context.close()
