"""Issue 21, reading 30 (#3, #4, #6, #7, #8) and reader 30 (#4): the book's own words around the report's.

A starting point is told once, in starting_points.csv, with the report's phrases in »…«, and the profile, the overview
and the PDF say it in those words (docs/adr/0110); Høje-Taastrup's groups are named as the report names them; an
example the report gives stays an example; a heading of the report stands in its marks »…« on the pages and in the
PDFs, and the key every mark opens and every PDF's »Om kilderne« say what ”…” holds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kulturensrige import load
from kulturensrige.data import provenance
from kulturensrige.render import lists
from report_source import collapse, repair_hyphenation
from support.checks import each
from test_pdf import REPO, pdf_text, squeeze
from test_pdf import report_site as report_site  # the fixture: the built book with its PDFs, printed once per run

# The report's phrases for the two starting points (l.100-108), which the book's words must set in »…«.
STARTING_POINT_PHRASES = (
    "velbeskrevne og prædefinerede projekter",
    "uden egentlige projektplaner eller økonomiske ressourcer",
    "anledning til at igangsætte det undersøgende og lokale arbejde",
)


def _text(markup: object) -> str:
    return " ".join(BeautifulSoup(str(markup), "html.parser").get_text(" ").split())


def _outside_marks(text: str) -> str:
    return re.sub(r"»[^«]*«", "»«", text)


def test_a_starting_point_is_said_in_its_one_wording_with_the_reports_phrases_in_its_marks(data, report_text: str):
    """Reading 30, #3: starting_points.csv said „prædefineret projekt med bevilgede midler“, each municipality's note
    „et velbeskrevet projekt, der var defineret på forhånd, med bevilgede økonomiske ressourcer“, and neither set the
    report's phrases in »…«. One wording, in starting_points.csv; each profile says its municipality's."""
    report = collapse(repair_hyphenation(report_text))
    descriptions = data.starting_points.set_index("starting_point_id")["description"]
    for point, description in each(list(descriptions.items())):
        for quoted in re.findall(r"»([^«]*)«", description):
            assert quoted in report, (point, quoted)
        for phrase in STARTING_POINT_PHRASES:
            assert phrase not in _outside_marks(description), (point, phrase)
    assert any(phrase in " ".join(descriptions) for phrase in STARTING_POINT_PHRASES)
    for row in each(list(data.municipalities.itertuples())):
        facts = _text(lists.municipality_facts(data, row.kommunekode))
        assert _text(descriptions[row.starting_point]) in facts, row.name


@pytest.mark.build
def test_the_profile_and_the_municipalitys_pdf_say_its_starting_point_in_the_one_wording(built_site: Path, report_site: Path):
    data = load(REPO / "data")
    descriptions = data.starting_points.set_index("starting_point_id")["description"]
    for row in each(list(data.municipalities.itertuples())):
        page = BeautifulSoup((built_site / "kommuner" / f"profil-{row.slug}.html").read_text(encoding="utf-8"), "html.parser")
        facts = page.select_one(".kr-profile-facts")
        assert facts is not None and _text(descriptions[row.starting_point]) in _text(facts), row.name
        printed = pdf_text(report_site / "pdf" / f"kulturens-rige-{row.slug}.pdf", f"Kulturens Rige – {row.name}")
        assert squeeze(descriptions[row.starting_point]) in printed, row.name


def test_hoeje_taastrups_summary_names_its_groups_as_the_report_does_and_claims_no_more(data, report_text: str):
    """Reading 30, #4: „Rapporten nævner, hvem de er: deltagerne i en pårørendegruppe …“; the report (l.136-138) gives
    „borgere i en pårørendegruppe, deltagere i en sorg-og livsmodsgruppe samt brugere af værestedet Paraplyen“ in a
    parenthesis after „af forskellige årsager“: which of the three nouns goes with which group is the report's."""
    report = collapse(repair_hyphenation(report_text))
    listed = re.search(r"af forskellige årsager \((borgere i en pårørendegruppe, deltagere i en sorg.*?Paraplyen)\)", report)
    assert listed is not None
    summary = data.municipalities.set_index("slug").at["hoeje-taastrup", "summary"]
    for group in each(["borgere i en pårørendegruppe", "deltagere i en sorg- og livsmodsgruppe", "brugere af værestedet Paraplyen"]):
        assert group.replace("sorg- og", "sorg-og") in listed.group(1)
        assert group in summary, group
    assert "hvem de er" not in summary and "deltagerne i en pårørendegruppe" not in summary


def test_an_example_the_report_gives_stays_an_example_where_the_book_quotes_it(data, report_text: str):
    """Reading 30, #7: Leg, mod og læring „handler om »at kaste sig ud i …«“, where the report says „som f.eks. at
    kaste sig ud i …“ (l.625-627): the book made the report's examples its definition."""
    report = collapse(repair_hyphenation(report_text))
    texts = [(row.ingredient_id, text) for row in data.ingredients.itertuples() for text in (row.short_description, row.description)]
    found = 0
    for where, text in each(texts):
        for before, quoted in re.findall(r"(\S+ \S+) »([^«]*)«", text):
            at = report.find(quoted)
            if at > 0 and re.search(r"\bf\.eks\.\s*$", report[:at]):
                found += 1
                assert re.search(r"\b(fx|f\.eks\.|eksempelvis)\b", before), (where, before, quoted)
    assert found, "the report's »f.eks.« before a quoted passage: none left to check"


def test_the_key_every_mark_opens_says_what_each_pair_of_quotation_marks_holds(data):
    """Reader 30, #4: ”Gang i gården” and Etablering af ”vi” stood in ”…” with no word of what ”…” means; the key said
    what »…« and „…“ meant. The key every „(red.)“ opens says all three; every PDF's »Om kilderne« prints the same
    words; the retelling rule keeps its two lines at 375 px (docs/adr/0110)."""
    key = provenance.page_key()
    assert all(mark in key for mark in ("»…«", "”…”", "„…“")), key
    assert provenance.quote_marks() in key
    names = [v for v in data.municipalities["summary"] if "”" in v]
    assert names, "no name in the report's own ”…” left to explain"


def _report_headings_in_book_marks(text: str, titles: list[str]) -> list[str]:
    return [t for t in titles if re.search(rf"(kapitlet|afsnittet|afsnit) „{re.escape(t)}“", text)]


@pytest.mark.build
def test_a_heading_of_the_report_stands_in_its_marks_and_the_key_says_what_the_marks_hold_on_pages_and_in_pdfs(
    built_site: Path, report_site: Path
):
    """Reading 30, #6: the pages said „kapitlet »Værdiskabelser i Kulturens Rige«“, the whole book's PDF „i kapitlet
    „Afsluttende betragtninger““, five times: a heading of the report stands in »…« in every medium. Reader 30, #4:
    the key a page's marks open and every PDF's »Om kilderne« say what ”…” and „…“ hold."""
    import subprocess

    data = load(REPO / "data")
    titles = [str(t) for t in data.sections["title"]]
    found = []
    for page in sorted(built_site.rglob("*.html")):
        text = " ".join(BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").get_text(" ").split())
        found += [(str(page.relative_to(built_site)), t) for t in _report_headings_in_book_marks(text, titles)]
    pdfs = sorted((report_site / "pdf").glob("*.pdf"))
    assert pdfs
    for pdf in pdfs:
        text = " ".join(subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True).stdout.split())
        found += [(pdf.name, t) for t in _report_headings_in_book_marks(text, titles)]
    assert not found, found
    for page in each(["index.html", "kommuner/profil-koege.html"]):
        key = BeautifulSoup((built_site / page).read_text(encoding="utf-8"), "html.parser").select_one(".kr-key")
        assert key is not None and provenance.quote_marks() in key.get_text(" "), page
    for pdf in each(pdfs):
        assert squeeze(provenance.quote_marks()) in squeeze(
            subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        ), pdf.name
    whole = " ".join(
        subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(report_site / "pdf" / "kulturens-rige.pdf"), "-"], capture_output=True, text=True
        ).stdout.split()
    )
    assert "i kapitlet »Afsluttende betragtninger«" in whole


def test_a_folder_made_before_with_a_starting_point_note_is_told_where_the_wording_now_stands(tmp_path: Path):
    """docs/adr/0110: the column municipalities.starting_point_note is gone. A folder made before still holds it, and
    „ukendt kolonne“ alone left its analyst to guess why: the refusal says where a starting point is explained now."""
    import csv
    import shutil

    from kulturensrige.data.problems import DataError

    folder = tmp_path / "data"
    shutil.copytree(REPO / "data", folder)
    path = folder / "municipalities.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, [*rows[0], "starting_point_note"], lineterminator="\n")
        writer.writeheader()
        writer.writerows({**r, "starting_point_note": f"{r['name']} startede uden projektplan."} for r in rows)
    with pytest.raises(DataError) as caught:
        load(folder, cache=False)
    said = [str(p) for p in caught.value.problems if p.column == "starting_point_note"]
    assert len(said) == 1 and "starting_points.csv" in said[0] and "slet kolonnen" in said[0], said
