"""Marks and notes that said more than the book has (the s23 reading, F9): the quotes' chart on »Ingredienser« gave the
anonymity rule for a tied quote where the data tie none; each edition's ingredient said "0 knyttet til kommunen og 5
uden kommune" under a heading that says the quotes are every municipality's, after a line that says none is tied; and a
chapter's foot line named the table »De 6 P’er« as "de 6 p’er"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kulturensrige.book import page_source
from kulturensrige.data import provenance
from kulturensrige.data.schema import TABLES
from kulturensrige.edition import editions
from kulturensrige.render import charts
from kulturensrige.rules import views
from support.checks import each

STAMP = editions.Stamp("data", "0123456789", dt.date(2026, 12, 1))


def test_where_no_quote_is_tied_no_note_gives_the_rule_for_a_tied_quote(data, tied_data):
    assert not views.any_tied(data)
    reason = provenance.reason("quotes.speaker_category", provenance.data_reasons(data.tables))
    assert "anonymitetsreglen" not in reason
    assert "anonymitetsreglen" not in charts.quotes_per_ingredient(data).note
    # Where a quote is tied, the rule is the book's case and stays.
    assert "anonymitetsreglen" in provenance.reason("quotes.speaker_category", provenance.data_reasons(tied_data.tables))


def test_an_untied_editions_ingredient_gives_its_total_without_zero_tied(data, edition_charts):
    charted = edition_charts
    for code in each(list(data.municipalities["kommunekode"])):
        page = BeautifulSoup(editions.municipality_edition(data, code, STAMP, charted, "plotly.min.js"), "html.parser")
        said = [" ".join(s.get_text(" ").split()) for s in page.select(".kr-ingredient .kr-list-summary")]
        totals = [s for s in said if s.startswith("I alt ")]
        assert len(totals) == len(data.ingredients), (code, said)
        for total in totals:
            assert "knyttet til kommunen" not in total and "uden kommune" not in total, (code, total)


def test_a_tables_name_in_a_sentence_keeps_its_capitals_after_the_first_letter():
    assert page_source.reader_name("six_ps") == "de 6 P’er"
    for table in each(list(TABLES)):
        title = page_source.READER_NAMES.get(table, TABLES[table].title)
        assert page_source.reader_name(table)[1:] == title[1:], table


@pytest.mark.build
def test_the_chapter_foot_names_the_six_ps_as_written(built_site: Path):
    html = (built_site / "kulturens-rige.html").read_text(encoding="utf-8")
    assert ">de 6 P’er</a>" in html and ">de 6 p’er</a>" not in html
