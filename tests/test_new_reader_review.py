"""What a new reader met (reader review after round 14), checked on the package: a municipality found as a Danish
reader types it, the front page's guide link to its heading, a card's "Afsnit" line left out on its own section's
page, and a figure that says once whose drawing it is."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kulturensrige.data.municipality_codes import official_names
from kulturensrige.data.settings import PAGE_VARIABLE
from kulturensrige.render import browser as browser_module
from kulturensrige.render import cards, charts, front_page, guide
from kulturensrige.rules import filters
from kulturensrige.words import folded_name
from support.checks import each

BOOK = Path(__file__).resolve().parent.parent / "book"


def test_a_name_is_folded_as_a_danish_reader_may_type_it():
    """Reader 16, #7: ?kommune=Koge (a keyboard without ø) fell back to every municipality; only "koege" was found."""
    assert folded_name("Århus") == folded_name("aarhus") == folded_name("Arhus") == "arhus"
    assert folded_name(" Høje Taastrup ") == folded_name("hoeje-taastrup") == folded_name("Hoje Tastrup") == "hojetastrup"
    assert folded_name("Køge") == folded_name("Koege") == folded_name("Koge") == "koge"
    assert folded_name("Ærø") == folded_name("Aeroe") == folded_name("Aero") == "aro"


def test_no_two_of_the_countrys_municipalities_fold_to_one_spelling():
    """The plain-letter fold must not make two of the 98 municipalities one: a shared spelling would find neither."""
    folded = [folded_name(name) for name in official_names().values()]
    assert len(folded) == 98 and len(set(folded)) == len(folded)


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
    out on the web (kr-source-here; on paper too, since session 26); elsewhere it links on."""
    quote = data.quotes.iloc[:1]
    page = data.sections.set_index("section_id").loc[quote["section_id"].iloc[0], "book_page"]
    on_page(page)
    here = BeautifulSoup(cards.quote_card(data, quote), "html.parser").select_one(".kr-source-line")
    assert here.find("a") is None and here.select_one(".kr-source.kr-source-here").get_text().startswith("Afsnit:")
    on_page("kommuner/oversigt" if page != "kommuner/oversigt" else "baggrund")
    elsewhere = BeautifulSoup(cards.quote_card(data, quote), "html.parser").select_one(".kr-source-line")
    assert not elsewhere.select(".kr-source-here") and elsewhere.find("a")["href"].endswith(f"{page}.html")


def test_a_quote_card_on_its_ingredients_own_page_marks_for_paper_the_chip_and_section_line_that_name_that_page(data, on_page):
    """Reader of session 26, finding 3: in the printed whole book's chapter »Fælles fundamenter« every card repeated
    „● 2 Fælles fundamenter“ and „Afsnit: Fælles fundamenter“. On the page of its ingredient and section a card marks
    both kr-here, which paper leaves out (edition.css); on another page it marks neither."""
    ingredient = data.ingredients.iloc[1]
    quotes = data.quotes[(data.quotes["section_id"] == ingredient.section_id) & (data.quotes["exchange_id"] == "")]
    quote = quotes[[tuple(ids) == (ingredient.ingredient_id,) for ids in quotes["ingredient_ids"]]].iloc[:1]
    page = data.sections.set_index("section_id").loc[ingredient.section_id, "book_page"]
    on_page(page)
    here = BeautifulSoup(cards.quote_card(data, quote), "html.parser")
    assert "kr-here" in here.select_one(".kr-badges")["class"] and "kr-here" in here.select_one(".kr-badges li")["class"]
    assert "kr-here" in here.select_one(".kr-source-line")["class"]
    on_page("kommuner/oversigt")
    assert BeautifulSoup(cards.quote_card(data, quote), "html.parser").select(".kr-here") == []


def test_the_report_figures_say_once_whose_drawing_they_are(data):
    """Reader, finding 7c: Figure 1's caption said "(redaktionens gengivelse)" and a line under it "Redaktionens
    gengivelse, ikke rapportens."; figures 2 to 4 said it twice too."""
    for markup in each(
        [charts.programme_timeline(data).html().markup]
        + [f(data).markup for f in (charts.action_learning_cycle, charts.six_ps, charts.figure4_words)]
    ):
        soup = BeautifulSoup(markup, "html.parser")
        said = [soup.find("figcaption").get_text()] + [p.get_text() for p in soup.select(".kr-figure-note")]
        # Once: the caption's short mark, keyed on the page (docs/adr/0036), and no line saying it again.
        assert len(re.findall(r"redaktionens gengivelse|\(red\.\)", " ".join(said), re.IGNORECASE)) == 1, said


def test_the_card_legend_leads_to_the_anonymity_rule_itself(tied_data):
    """Reader, finding 2 (every link that promises a part of a page): "anonymitetsreglen i Data og genkørsel" led to
    the top of the chapter; it leads to the rule's section, the heading the chapter gives. The legend names the rule
    where a card shows a group of roles: in the report's data none does (issue 22), in a folder with ties some do."""
    link = BeautifulSoup(cards.quote_list_legend(tied_data).markup, "html.parser").find("a", string="Data og genkørsel")
    assert link["href"].endswith(f"{cards.DATA_CHAPTER}.html#anonymitet-rolle-og-kommune-sammen")
    chapter = json.loads((BOOK / f"{cards.DATA_CHAPTER}.ipynb").read_text(encoding="utf-8"))
    assert any(f"## {cards.ANONYMITY_HEADING}\n" in "".join(c["source"]) for c in chapter["cells"] if c["cell_type"] == "markdown")


def test_no_link_in_a_page_leads_back_to_the_same_page_without_a_place_on_it(built_site: Path):
    """Reader, findings 2 and 7a: links that led the reader back to the top of the page she was on ("Afsnit: …" on
    its own section's page, an attention point's section, "Data og genkørsel" in the data chapter's own foot line).
    The filter's own links are filled by its script, and a template's are copies."""
    pages = [p for p in built_site.rglob("*.html") if not p.relative_to(built_site).as_posix().startswith("_")]
    found = []
    for page in each(pages):
        article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("article.bd-article")
        for link in article.select("a[href]") if article else []:
            if link.find_parent("template") or link.find_parent("section", class_="kr-filter") or link.find_parent(class_="kr-source-here"):
                continue
            href = str(link["href"])
            path, _, fragment = href.partition("#")
            path = path.split("?")[0]
            if path and not fragment and not re.match(r"^[a-z]+:", path) and (page.parent / path).resolve() == page.resolve():
                found.append(f"{page.relative_to(built_site)}: {link.get_text(' ', strip=True)!r}")
    assert not found, found
