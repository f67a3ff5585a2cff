"""The chapters the readings did least (baggrund, kulturens-rige, evalueringsdesign, afsluttende, the front page),
read line by line against the report (the s19 brief, item 4): what a chapter presents as the report's is the report's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kulturensrige.render import front_page
from report_source import collapse, repair_hyphenation

BOOK = Path(__file__).resolve().parent.parent / "book"


def page_text(notebook: str) -> str:
    """The reader text of a chapter: its markdown cells."""
    cells = json.loads((BOOK / notebook).read_text(encoding="utf-8"))["cells"]
    return collapse(" ".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown"))


def test_the_background_compares_the_prevention_packages_as_the_report_does(report_text: str):
    """The report: the package for mental health was harder to implement, »da den var mindre konkret og håndgribelig
    end pakkerne for fx tobak og alkohol«. The book said it was harder to put into practice than those packages,
    a comparison the report does not make."""
    report, page = collapse(repair_hyphenation(report_text)), page_text("baggrund.ipynb")
    assert "mindre konkret og håndgribelig end pakkerne for fx tobak og alkohol" in report
    assert "sværere at omsætte i kommunerne end" not in page
    assert "vanskeligere at implementere, fordi den var mindre konkret og håndgribelig end fx pakkerne for tobak og alkohol" in page


def test_the_background_credits_the_rising_problem_to_the_studies_the_report_cites(report_text: str):
    """The report: »Flere undersøgelser har gennem det seneste årti vist, at dårlig mental sundhed og mistrivsel er et
    stigende problem«. The book made it the report's own claim (»Rapporten peger på«) and then spoke of
    »Undersøgelserne« it had not named."""
    report, page = collapse(repair_hyphenation(report_text)), page_text("baggrund.ipynb")
    assert "Flere undersøgelser har gennem det seneste årti vist, at dårlig mental sundhed og mistrivsel er et stigende problem" in report
    assert "Rapporten peger på, at dårlig mental sundhed" not in page
    said = page.index("Ifølge rapporten viser flere undersøgelser fra det seneste årti")
    assert said < page.index("Undersøgelserne har øget behovet")


def test_the_closing_chapter_says_the_bridges_are_the_ambition_not_the_direction_the_list_points(report_text: str):
    """The report: the list »peger en retning ud« for work »hvor ambitionen er at skabe broer mellem
    forvaltningsområder, trampe nye stier på tværs og samskabe indsatser ikke kun for borgere men også med borgere«.
    The book made the bridges and paths the direction itself (»udpeger en retning …: at bygge broer«)."""
    report, page = collapse(repair_hyphenation(report_text)), page_text("afsluttende-betragtninger.ipynb")
    assert "Ingredienslisten peger en retning ud" in report and "hvor ambitionen er at skabe broer mellem forvaltningsområder" in report
    assert "udpeger en retning" not in page
    assert (
        "Ingredienslisten peger en retning ud" in page
        and "hvor ambitionen ifølge rapporten er »at skabe broer mellem forvaltningsområder" in page
    )


def test_the_front_page_does_not_promise_a_municipality_line_on_a_signs_card(data, tied_data):
    """»Hvert citatkort fra evalueringen siger, hvilken kommune citatet er knyttet til«, with only the literature's cards
    excepted: the sign on Arken is from the report's own material, and its card has no municipality line. Where the data
    tie no quote (the report's), no card has the line, the sign's neither (front_page.card_ties)."""
    kinds = data.tables["quote_kinds"]
    assert (kinds["without_speaker"] == "ja").any()
    assert "det har et skilts kort heller ikke" in str(front_page.card_ties(tied_data))
    assert "skiltets kort" not in str(front_page.card_ties(data))


def test_the_front_page_names_the_sign_whose_card_has_no_municipality_line(data):
    """»skiltets kort« on the front page never said which sign (issue 22): the sign is named as its card names it."""
    quotes = data.quotes
    sign = quotes.loc[quotes["kind"] == "skilt", "speaker_role"].iloc[0]
    said = str(front_page.card_ties(data))
    assert f"kortet med {sign[0].lower()}{sign[1:]}" in said and "Arken" in said


@pytest.mark.build
def test_the_closing_chapter_says_once_how_the_report_ends(report_text: str, built_site: Path):
    """The guide »følger« with the ingredient list, and the report ends after it with the open answer to the sign's
    question; the chapter said the report ends with each of them. Read on the built page: the sentence that quotes the
    report's last words is a code cell's, with the slip's note (slips.quoted_on_page, ADR 89)."""
    report = collapse(repair_hyphenation(report_text))
    html = (built_site / "afsluttende-betragtninger.html").read_text(encoding="utf-8")
    page = collapse(BeautifulSoup(html, "html.parser").select_one("main").get_text(" "))
    assert "Med ingredienslisten bestående af de fire ingredienser følger en lille kondenseret guide" in report
    assert report.rstrip().endswith("det må de forsatte eksperimenter og udforskninger vise.")
    assert page.count("Rapporten slutter med") == 1 and "Rapporten slutter med et åbent svar" in page
