"""A choice between two municipalities that a chart draws with the same layout restyles only the chart's traces, and the
chart then shows what drawing its variant whole shows (issue 24 item 4).

The bars of a municipality's variant are the bars of another's, each piece's two parts counted anew: the build gives
both the same layout and as many traces. Plotly.react of the whole figure took the config afresh (plotly then looks the
whole page over for a <base> element) and compared the layout and its template with the drawn one's, only to draw the
same layout again: on a slow phone at national scale a fifth of the chart's redraw (BENCHMARKS.md, session 24).
"""

from __future__ import annotations

import pytest

from support.draws import choose
from support.serving import serve

pytestmark = pytest.mark.browser
PHONE = {"width": 375, "height": 812}

# Every call of plotly's drawing functions since the last choice, by name.
COUNT_DRAWS = """(plot) => {
  window.__draws = [];
  for (const name of ['newPlot', 'react', 'restyle', 'relayout', 'update', 'redraw', 'purge']) {
    const original = window.Plotly[name];
    window.Plotly[name] = function (target, ...rest) {
      if (target === plot) window.__draws.push(name);
      return original.call(this, target, ...rest);
    };
  }
}"""
# What a plot shows: each bar, with its place, fill and edge (a pattern's fill named as a pattern: its id is the plot's
# own), and the labels of its axes in their order.
SHOWN = """(plot) => ({
  bars: [...plot.querySelectorAll('.barlayer path')].map((p) => [p.getAttribute('d'),
    p.style.fill.startsWith('url(') ? 'pattern' : p.style.fill, p.style.stroke, p.style.strokeWidth, p.style.fillOpacity]),
  labels: [...plot.querySelectorAll('.xtick text, .ytick text')].map((t) => t.textContent),
})"""
# What the chart holds and shows: its traces as plotly keeps them (less plotly's own uid), and what it shows.
DRAWN = f"(plot) => ({{traces: plot.data.map(({{uid, ...trace}}) => trace), shown: ({SHOWN})(plot)}})"
# The chart's traces and its layout as drawn before the choice (the variant's, which a restyle keeps) drawn whole
# (Plotly.newPlot) in a plot of the same size, there taken away again.
DRAWN_WHOLE = f"""([plot, layout]) => {{
  const fresh = document.createElement('div');
  fresh.style.width = `${{plot.offsetWidth}}px`;
  plot.after(fresh);
  const traces = JSON.parse(JSON.stringify(plot.data.map(({{uid, ...trace}}) => trace)));
  return Promise.resolve(window.Plotly.newPlot(fresh, traces, JSON.parse(layout), plot._context)).then(() => {{
    const shown = ({SHOWN})(fresh);
    window.Plotly.purge(fresh);
    fresh.remove();
    return shown;
  }});
}}"""

# The build's traces of the variant the chart shows for a municipality, where its island holds them.
VARIANT_TRACES = """(figure, kommune) => {
  const payload = JSON.parse(figure.querySelector('script.kr-figure-json').textContent);
  return payload.traces[payload.variants[KR.variantKey(payload.variants, KR.keyOf({...KR.state, kommune}))].data];
}"""


def test_a_choice_between_municipalities_drawn_alike_restyles_the_organisations_and_draws_the_variant_whole(browser, site_url):
    restyles_and_draws_whole(browser, f"{site_url}/kommuner/sammenligning.html")


@pytest.mark.national
def test_a_choice_between_municipalities_drawn_alike_restyles_the_quotes_and_draws_the_variant_whole(browser, national_site):
    """At national scale, where many municipalities have quotes tied to them: data/ ties none and the tied test data
    one municipality's, so there the ingredient overview's chart never goes from one marked municipality to another."""
    url, server = serve(national_site)
    try:
        restyles_and_draws_whole(browser, f"{url}/ingredienser/oversigt.html")
    finally:
        server.shutdown()


def restyles_and_draws_whole(browser, url: str) -> None:
    context = browser.new_context(locale="da-DK", viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(url)
        page.evaluate("() => window.KR_FILTER.ready")
        chart = page.locator("figure.kr-figure[data-kr-filterable=true]").first
        chart.scroll_into_view_if_needed()
        chart.locator(".main-svg").first.wait_for()
        plot = chart.locator(".kr-plot").element_handle()
        page.evaluate(COUNT_DRAWS, plot)
        codes = page.eval_on_selector_all("#kr-kommune option", "os => os.map((o) => o.value)")[1:]
        restyled = []
        for code in codes:
            layout = page.evaluate("(plot) => JSON.stringify(plot.layout)", plot)
            draws = choose(page, code)
            if draws != ["restyle"]:
                continue
            drawn = page.evaluate(DRAWN, plot)
            # The traces are the variant's, whole: nothing of the municipality before stays (a large chart's traces
            # wait in side files, and are not in its island).
            variant = chart.evaluate(VARIANT_TRACES, code)
            if variant is not None:
                assert drawn["traces"] == variant, f"{code}: the restyled traces are not the variant's"
            whole = page.evaluate(DRAWN_WHOLE, [plot, layout])
            assert drawn["shown"] == whole, f"{code}: the restyled chart differs from the variant drawn whole"
            restyled.append(code)
        # The page has municipalities drawn alike (each with a part of the bars marked): at least one choice restyled.
        assert restyled, "no choice between two municipalities restyled the chart; each was drawn whole (Plotly.react)"
    finally:
        context.close()
