"""Reader32, #8: a municipality's edition opened with „Kommunekode 259 (redaktionens tilføjelse)“ on its cover, noise
for a consultant; it is for a reader who joins the edition to other data. The cover names the municipality and its
region; the code stands in »Om kilderne«, with whose it is (ADR 123), as the web page keeps it in „Sådan er siden lavet“."""

from __future__ import annotations

import datetime as dt

from bs4 import BeautifulSoup

from kulturensrige.edition import editions
from support.checks import each

STAMP = editions.Stamp("data", "0123456789", dt.date(2026, 12, 1))


def test_an_editions_cover_names_no_code_and_om_kilderne_gives_it_with_whose_it_is(data):
    made = editions.EditionCharts.compute(data)
    for row in each(list(data.municipalities.itertuples())):
        page = BeautifulSoup(editions.municipality_edition(data, row.kommunekode, STAMP, made, "plotly.min.js"), "html.parser")
        cover = page.select_one("header.kr-cover")
        assert "Kommunekode" not in cover.get_text(" ") and row.kommunekode not in cover.get_text(" "), row.name
        sources = page.select_one(f"#{editions.SOURCES_ID}").find_parent("section")
        facts = {d.get_text(): d.find_next_sibling("dd").get_text(" ", strip=True) for d in sources.select("dt")}
        assert facts["Kommunekode"] == f"{row.kommunekode} (redaktionens tilføjelse)", (row.name, facts)
