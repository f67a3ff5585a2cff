"""Reader 28, F8: Afsluttende betragtninger said the checklist gives each point's „oprindelige ordlyd, som kan foldes
ud“, but the report's wording stands, always shown, under each point („Rapportens ordlyd: »…«“); nothing folds. The
guide's lead says what the page does."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from support.checks import each


def test_the_guides_lead_says_the_reports_wording_stands_under_each_point_as_it_does(built_site: Path):
    page = BeautifulSoup((built_site / "afsluttende-betragtninger.html").read_text(encoding="utf-8"), "html.parser")
    checklist = page.select_one("main .kr-checklist")
    lead = next(p for p in checklist.find_all_previous("p") if "tjekliste" in p.get_text())
    said = " ".join(lead.get_text().split())
    # „den oprindelige ordlyd“: the lead stands in an analyst's book too, which must not credit the report.
    assert "foldes ud" not in said and "oprindelige ordlyd lige under" in said, said
    # Under each point the book words otherwise than the report (ADR 123: only there).
    for item in each(checklist.select(":scope > li")):
        wording = item.select_one(":scope > .kr-wording")
        if item.select_one("label").get_text().startswith("»"):
            continue
        assert wording is not None and wording.find_previous_sibling("label"), item.get_text(" ", strip=True)[:80]
        assert not item.select("details"), item.get_text(" ", strip=True)[:80]
