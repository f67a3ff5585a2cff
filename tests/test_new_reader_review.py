"""What a new reader met (reader review after round 14), checked on the package: a municipality found as a Danish
reader types it, the front page's guide link to its heading, a card's "Afsnit" line left out on its own section's
page, and a figure that says once whose drawing it is."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kulturensrige.data.settings import PAGE_VARIABLE
from kulturensrige.render import browser as browser_module
from kulturensrige.render import cards, charts, front_page, guide
from kulturensrige.rules import filters
from kulturensrige.words import folded_name
from support.checks import each

BOOK = Path(__file__).resolve().parent.parent / "book"


def test_a_name_is_folded_as_a_danish_reader_may_type_it():
    assert folded_name("Århus") == folded_name("aarhus") == "aarhus"
    assert folded_name(" Høje Taastrup ") == folded_name("hoeje-taastrup") == "hoejetaastrup"
    assert folded_name("Ærø") == "aeroe"


def test_every_spelling_the_data_holds_finds_its_municipality_and_a_shared_one_finds_none(data):
    """Reader, finding 3: ?kommune=århus found nothing. The build's table holds every name, the report's spelling,
    slug and code, folded; a folded spelling two municipalities share finds neither."""
    table = filters.spellings(data)
    for row in each(data.municipalities.itertuples()):
        for spelling in (row.name, row.name_in_report, row.slug, row.kommunekode):
            assert table[folded_name(spelling)] == row.kommunekode, spelling
    assert table[folded_name("Århus")] == "751"
    twins = data.municipalities.head(2).copy()
    twins["name_in_report"] = "Samme"
    shared = filters.spellings(type("Folder", (), {"municipalities": twins})())
    assert "samme" not in shared and len(set(shared.values())) == 3  # both codes and 'alle'
    published = browser_module.browser_data(data)
    assert published["spellings"] == table and published["fold"]["drops"]


def test_the_guide_link_leads_to_the_guides_heading(data):
    """Reader, finding 2: "Guiden som tjekliste" led to the page's top; it leads to the heading the chapter gives."""
    link = BeautifulSoup(front_page.starts(data), "html.parser").find("a", string="Guiden som tjekliste")
    assert link is not None and link["href"].endswith(f"afsluttende-betragtninger.html#{guide.ANCHOR}")
    chapter = json.loads((BOOK / "afsluttende-betragtninger.ipynb").read_text(encoding="utf-8"))
    headings = [line for cell in chapter["cells"] if cell["cell_type"] == "markdown" for line in "".join(cell["source"]).splitlines()]
    assert f"## {guide.HEADING}" in headings


@pytest.fixture
def on_page(monkeypatch):
    def page(name: str) -> None:
        monkeypatch.setenv(PAGE_VARIABLE, name)

    return page


def test_a_card_on_its_own_sections_page_does_not_link_back_to_it(data, on_page):
    """Reader, finding 7a: every card ended "Afsnit: …", a link to the page the reader was on. There the line is left
    out on the web (kr-source-here; the printed whole book still cites the section); elsewhere it links on."""
    quote = data.quotes.iloc[:1]
    page = data.sections.set_index("section_id").loc[quote["section_id"].iloc[0], "book_page"]
    on_page(page)
    here = BeautifulSoup(cards.quote_card(data, quote), "html.parser").select_one(".kr-source-line")
    assert "kr-source-here" in here["class"] and here.find("a") is None and "Afsnit:" in here.get_text()
    on_page("kommuner/oversigt" if page != "kommuner/oversigt" else "baggrund")
    elsewhere = BeautifulSoup(cards.quote_card(data, quote), "html.parser").select_one(".kr-source-line")
    assert "kr-source-here" not in elsewhere["class"] and elsewhere.find("a")["href"].endswith(f"{page}.html")


def test_the_report_figures_say_once_whose_drawing_they_are(data):
    """Reader, finding 7c: Figure 1's caption said "(redaktionens gengivelse)" and a line under it "Redaktionens
    gengivelse, ikke rapportens."; figures 2 to 4 said it twice too."""
    for markup in each(
        [charts.programme_timeline(data).html().markup]
        + [f(data).markup for f in (charts.action_learning_cycle, charts.six_ps, charts.figure4_words)]
    ):
        soup = BeautifulSoup(markup, "html.parser")
        said = [soup.find("figcaption").get_text()] + [p.get_text() for p in soup.select(".kr-figure-note")]
        assert len(re.findall("redaktionens gengivelse", " ".join(said), re.IGNORECASE)) == 1, said
