"""Reader30 #3: under the target groups' figure each municipality's edition printed „Talt som diagram 1.“, which read as
jargon, and under Egedal's diagram 1 it named that diagram itself: Egedal's first figure is a table. The line says in
plain words, the page's and the editions' alike (figures.counted_as), which figure before it was counted the same way,
by that figure's own label."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from kulturensrige import load
from kulturensrige.edition import editions
from kulturensrige.edition.printing import PLOTLY_JS
from kulturensrige.render import figures
from support.checks import each
from test_pdf import REPO, STAMP

LABEL = re.compile(r"(?:Diagram|Tabel) \d+")


def test_a_figure_counted_as_one_before_it_names_that_figures_label_in_the_pages_words():
    data = load(REPO / "data")
    made = editions.EditionCharts.compute(data)
    lines = []  # (edition, the figures before, the figure's label, a line under it)
    for row in each(list(data.municipalities.itertuples())):
        page = BeautifulSoup(editions.municipality_edition(data, row.kommunekode, STAMP, made, PLOTLY_JS.as_uri()), "html.parser")
        labels = [LABEL.match(figure.select_one(".kr-figure-title").get_text()).group(0) for figure in page.select(".kr-figure")]
        for n, figure in enumerate(page.select(".kr-figure")):
            lines += [(row.slug, labels[:n], labels[n], " ".join(line.get_text(" ").split())) for line in figure.select(".kr-source-line")]
    assert not [line for line in lines if "Talt som" in line[3]]
    named = []
    for slug, before, label, said in lines:
        assert not said.endswith(figures.counted_as(label.lower())), (slug, said)
        named += [earlier for earlier in before if said.endswith(figures.counted_as(earlier.lower()))]
    assert named, "no edition's figure points to one before it"
    assert figures.counted_as("figuren ovenfor") == figures.AS_ABOVE
