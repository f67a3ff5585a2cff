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
