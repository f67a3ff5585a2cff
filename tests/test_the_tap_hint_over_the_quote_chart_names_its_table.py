"""Reader31 (session 29), #4: on a phone a one-quote piece of a bar in „Hvem underbygger ingredienserne?“ is about
15 px wide, too narrow a target for a thumb. Plotly gives a stacked bar's piece no larger hit area than its own
extent (plotly.js src/traces/bar/hover.js: a tap outside it finds nothing), so the hint beside the tap says where the
same numbers stand as a table: under the figure's own fold, named as it is named."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from kulturensrige.render import charts

pytestmark = pytest.mark.build


def test_the_tap_hint_over_the_quote_chart_names_the_table_under_the_figure(built_site):
    soup = BeautifulSoup((built_site / "ingredienser" / "oversigt.html").read_text(encoding="utf-8"), "html.parser")
    hints = [span for span in soup.select("article .kr-web-only") if charts.CLICK_HINT in span.get_text()]
    assert len(hints) == 1, hints
    figure = soup.select_one("figure#figur-citater-pr-ingrediens")
    fold = figure.select_one("details.kr-figure-data > summary").get_text(strip=True)
    # The figure follows the hint, and the hint names its fold as the fold names itself.
    assert hints[0].find_next("figure") is figure, "the hint stands over another figure"
    assert f"„{fold}“" in hints[0].get_text(), (fold, hints[0].get_text())
