"""A municipality's printed edition prints every ingredient's quotes. Where the data tie none of them to the
municipality, each list is headed as the report's quotes on the ingredient and says, from the data, that none is tied
to it: a skimming reader of Egedal's edition took them for Egedal's voices (reading 21, finding 1). The heading says
only what is true: „Citater fra alle kommuner“ claimed what the report never says (reading27, #2)."""

from __future__ import annotations

import datetime as dt

from bs4 import BeautifulSoup

from kulturensrige.edition import editions
from kulturensrige.rules import views
from support.checks import each

STAMP = editions.Stamp("data", "0123456789", dt.date(2026, 12, 1))


def _edition(data, kommunekode: str) -> BeautifulSoup:
    page = editions.municipality_edition(data, kommunekode, STAMP, editions.EditionCharts.compute(data), "plotly.min.js")
    return BeautifulSoup(page, "html.parser")


def test_an_untied_editions_ingredient_quotes_are_headed_as_every_municipalitys(data):
    assert not views.any_tied(data)
    for code, name in each(list(zip(data.municipalities["kommunekode"], data.municipalities["name"], strict=True))):
        chapter = _edition(data, code).select_one("section[aria-labelledby=ingredienser]")
        headings = [h.get_text(" ", strip=True) for h in chapter.select(".kr-ingredient h4")]
        assert headings.count(editions.UNTIED_QUOTES_HEADING) == len(data.ingredients), (name, headings)
        said = editions.untied_line(data, name)
        assert name in said
        assert said in " ".join(chapter.get_text(" ").split()), name


def test_an_untied_editions_quote_heading_claims_no_municipality_the_report_does_not_name(data):
    """The report names its quotes' speakers as action-learning participants and ties none to a municipality: a
    heading that says the quotes come from all the municipalities says what the report does not."""
    for code, name in each(list(zip(data.municipalities["kommunekode"], data.municipalities["name"], strict=True))):
        chapter = _edition(data, code).select_one("section[aria-labelledby=ingredienser]")
        headings = [h.get_text(" ", strip=True) for h in chapter.select(".kr-ingredient h4")]
        assert headings and not [h for h in headings if "kommune" in h.lower()], (name, headings)
        assert headings.count("Rapportens citater om ingrediensen") == len(data.ingredients), (name, headings)


def test_a_tied_edition_keeps_its_own_quotes_first_under_their_heading(tied_data):
    code = tied_data.quotes.loc[tied_data.quotes["kommunekode"] != "", "kommunekode"].iloc[0]
    chapter = _edition(tied_data, code).select_one("section[aria-labelledby=ingredienser]")
    assert editions.UNTIED_QUOTES_HEADING not in chapter.get_text(" ")
