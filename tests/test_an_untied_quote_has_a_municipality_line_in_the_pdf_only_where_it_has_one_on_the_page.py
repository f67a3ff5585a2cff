"""The s23 reading, #1: the municipality editions printed "Kommune: ikke angivet i rapporten" under 29 quote cards,
while the web cards have no municipality line for an untied quote where the data tie none (the page says it once).
One rule (views.has_tie_line) decides the line for both, and the edition says it once too."""

from __future__ import annotations

import datetime as dt

from bs4 import BeautifulSoup

from kulturensrige.edition import editions
from kulturensrige.render import cards
from support.checks import each

STAMP = editions.Stamp("data", "0123456789", dt.date(2026, 12, 1))


def _edition_card(data, group) -> str:
    item = editions.quote_item(data, group)
    return str(editions.environment().get_template("macros.html").module.quote(item))  # type: ignore[attr-defined]


def test_an_edition_card_has_a_municipality_line_exactly_where_its_web_card_has_one(data, tied_data):
    for dataset in (data, tied_data):
        for group in each(cards.group_records(dataset.quotes)):
            # The card as a page's list shows it, and as a chart's drill-through panel does (quote_store).
            rows = dataset.quotes[dataset.quotes["quote_id"].isin([r["quote_id"] for r in group])]
            web = "Kommune:" in str(cards.quote_list(dataset, rows))
            assert web == ("Kommune:" in cards.quote_card(dataset, group)), group[0]["quote_id"]
            printed = "Kommune:" in _edition_card(dataset, group)
            assert web == printed, (group[0]["quote_id"], web, printed)


def test_an_edition_of_the_reports_data_prints_no_municipality_line_and_says_once_that_none_is_tied(data, edition_charts):
    page = editions.municipality_edition(data, "259", STAMP, edition_charts, "plotly.min.js")
    text = " ".join(BeautifulSoup(page, "html.parser").get_text(" ").split())
    assert "Kommune:" not in text
    assert editions.untied_line(data, "Køge") in text
