"""Issue 22, a new reader: on ingredienser/oversigt with Køge chosen the bar said »Køge er valgt og markeret på siden«,
and nothing was marked; the tables carried columns of zeros (»Citater knyttet til kommunen«, »Heraf Egedal
(fremhævet)«) where the data tie no quote. Where the data tie none, no column counts tied quotes, on the page, in its
CSV or in kilder.csv, and a figure says which choices it marks, so the filter's status claims no mark that isn't there.
The copy of data/ with ties (tied_data) keeps the columns and the marks."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from kulturensrige.data.publishing import SOURCES_FILE, published_files
from kulturensrige.render import charts, figures, lists
from kulturensrige.rules import views

TIED_COLUMN = "Citater knyttet til kommunen"


def _headings(data) -> list[str]:
    table = BeautifulSoup(str(lists.municipality_table(data)), "html.parser").select_one("table")
    return [th.get_text(" ", strip=True) for th in table.select("thead th")]


def test_the_municipalities_table_has_no_column_of_tied_quotes_where_no_quote_is_tied(data, data_downloads, tied_data):
    assert not views.any_tied(data) and views.any_tied(tied_data)
    assert not any(h.startswith(TIED_COLUMN) for h in _headings(data))
    assert any(h.startswith(TIED_COLUMN) for h in _headings(tied_data))
    documented = [line for line in data_downloads[SOURCES_FILE].splitlines() if line.startswith("tabel-kommuner.csv,")]
    assert documented and not any(TIED_COLUMN in line for line in documented), "kilder.csv documents only the columns there"
    assert any(TIED_COLUMN in line for line in published_files(tied_data)[SOURCES_FILE].splitlines())


def test_the_quotes_per_ingredient_figure_marks_no_municipality_where_no_quote_is_tied(data, tied_data):
    chart = charts.quotes_per_ingredient(data)
    for key, variant in chart.variants.items():
        assert not any(variant.marks), key
        assert not any(str(c).startswith("Heraf ") and "(fremhævet)" in str(c) for c in variant.table.columns), key
    html = str(figures.embed(chart))
    assert re.search(r'data-kr-marks=""', html), "the figure marks no choice"
    tied_html = str(figures.embed(charts.quotes_per_ingredient(tied_data)))
    marked = re.search(r'data-kr-marks="([^"]*)"', tied_html)
    assert marked and marked.group(1), "with tied quotes the figure marks the municipalities they are tied to"
