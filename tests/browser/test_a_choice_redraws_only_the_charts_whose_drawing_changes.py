"""A choice redraws a chart in view only where the chart draws otherwise for it (issue 24 item 4).

The build stores each chart's drawings once (figures.py: a variant names its layout and its traces), and a chart that
marks no municipality for a choice is drawn as with no choice. Such a chart stays as it is through the choice: on a slow
phone at national scale each Plotly.react of a chart that did not change cost a choice 100-200 ms. A chart whose layout
stays, with as many traces, has its traces restyled (Plotly.restyle); one whose layout or number of traces changes is
drawn anew (Plotly.react). Counted from plotly's own calls, for each municipality in turn, on the pages whose charts a
choice can change.
"""

from __future__ import annotations

import pytest

from support.draws import DRAWING_CALLS, at_the_first_chart, choose, count_draws

pytestmark = pytest.mark.browser
PHONE = {"width": 375, "height": 812}
PAGES = ["ingredienser/oversigt.html", "kommuner/sammenligning.html"]

# What the chart in view draws for a municipality (the build's layout and traces of its variant), from its payload.
DRAWING = """([id, kommune]) => {
  const figure = document.getElementById(id);
  const payload = JSON.parse(figure.querySelector('script.kr-figure-json').textContent);
  const variant = payload.variants[KR.variantKey(payload.variants, KR.keyOf({...KR.state, kommune}))];
  return [variant.layout, variant.data];
}"""


@pytest.mark.parametrize("path", PAGES)
def test_a_choice_redraws_the_chart_in_view_only_where_its_drawing_changes(browser, site_url, path):
    context = browser.new_context(locale="da-DK", viewport=PHONE)
    page = context.new_page()
    try:
        chart = at_the_first_chart(page, f"{site_url}/{path}")
        count_draws(page, [*DRAWING_CALLS, "purge"])  # a chart cleared (purge) counts as drawn too
        chart_id = chart.evaluate("(f) => f.id")
        codes = page.eval_on_selector_all("#kr-kommune option", "os => os.map((o) => o.value)")
        plot = chart.locator(".kr-plot")
        shown = page.evaluate(DRAWING, [chart_id, codes[0]])
        traces = plot.evaluate("(plot) => plot.data.length")
        expected, drawn = [], []
        for code in [*codes[1:], codes[0]]:
            drawing = page.evaluate(DRAWING, [chart_id, code])
            drawn.append((code, choose(page, code)))
            now = plot.evaluate("(plot) => plot.data.length")
            how = "restyle" if drawing[0] == shown[0] and now == traces else "react"
            expected.append((code, [] if drawing == shown else [f"{how} {chart_id}"]))
            shown, traces = drawing, now
        assert drawn == expected
        # The chart shows the last choice's texts whether it was redrawn or not.
        assert chart.locator(".kr-plot .main-svg").first.is_visible()
    finally:
        context.close()
