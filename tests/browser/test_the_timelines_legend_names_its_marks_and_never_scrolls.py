"""Reader review 24, #13: the timeline's marks read W1–W6 and P1–P3 with nothing near them saying what the letters are.
The legend names them; at a phone's width its one line more made plotly scroll the legend inside the chart (its
horizontal legend scrolls past half the figure's height), so it is checked whole at every width."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

LEGEND_JS = """() => { const legend = document.querySelector('#plot-forloeb .legend');
  return {text: [...legend.querySelectorAll('.legendtext')].map((t) => t.textContent).join(' | '),
          scrolls: [...legend.querySelectorAll('.scrollbar')].some((s) => s.getBoundingClientRect().height > 0)}; }"""


@pytest.mark.parametrize("width", [320, 375, 1280])
def test_the_timelines_legend_names_w_and_p_and_stands_whole(browser, site_url, width):
    phone = width < 500
    context = browser.new_context(locale="da-DK", viewport={"width": width, "height": 740}, is_mobile=phone, has_touch=phone)
    page = context.new_page()
    try:
        page.goto(f"{site_url}/kulturens-rige.html")
        page.locator("#plot-forloeb").scroll_into_view_if_needed()
        page.wait_for_function("() => document.querySelector('#plot-forloeb .legend .legendtext')")
        page.wait_for_timeout(300)
        legend = page.evaluate(LEGEND_JS)
        assert "W1–W6: fælles workshop" in legend["text"] and "P1–P3: virtuelt pitstop" in legend["text"], legend
        assert not legend["scrolls"], legend
    finally:
        context.close()
