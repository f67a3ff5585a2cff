"""The s26 line-by-line readings (reading26r2 #6, #7; reading26 „Storstrøms fængsel“ and „The references table“), given
to words27: one question, one date form, one spelling policy and one citation form, the same in the data, on the pages,
in the PDFs and in the downloads."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path
from urllib.parse import unquote

from bs4 import BeautifulSoup

from kulturensrige import load
from kulturensrige.book.extension import write_downloads
from kulturensrige.data import provenance
from kulturensrige.data.column_guide import column_rows
from kulturensrige.data.publishing import SOURCES_FILE
from kulturensrige.data.schema import NOT_STATED, TABLES
from kulturensrige.edition import editions
from kulturensrige.render import cards, charts, figures, lists
from report_source import collapse, repair_hyphenation
from support.checks import each

REPO = Path(__file__).resolve().parent.parent
STAMP = editions.Stamp("data", "0123456789", dt.date(2026, 12, 1))


def _rows(published: dict[str, str], name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(published[name], newline="")))


def test_the_outcome_question_is_asked_in_one_wording_on_the_pages_in_the_pdfs_the_csv_and_the_dictionary(
    data, data_downloads, edition_charts, tmp_path: Path
):
    """reading26r2, #6: the pages said „Hvad indsatserne førte til for deltagerne i X, fortæller rapporten ikke.“, the
    PDF's field „Hvad forløbet førte til“ and municipalities.csv „ikke angivet“: three questions. Now one question,
    from one function, asked on the profile, in the edition, in the download's cell and in the data dictionary; the
    download reads back as the data it came from."""
    question = provenance.outcome_question()
    assert question == "Hvad forløbet førte til"
    asked = question.lower()
    for_group = f"{asked} for målgruppen"
    published = data_downloads
    cells = {r["name"]: r["outcome"] for r in _rows(published, "municipalities.csv")}
    charts_ = edition_charts
    untold = data.municipalities[data.municipalities["outcome"] == NOT_STATED]
    assert len(untold) >= 1
    for row in each(list(data.municipalities.itertuples())):
        profile = BeautifulSoup(str(lists.municipality_facts(data, row.kommunekode)), "html.parser")
        printed = BeautifulSoup(editions.municipality_edition(data, row.kommunekode, STAMP, charts_, "plotly.min.js"), "html.parser")
        if row.outcome != NOT_STATED:
            assert [dt_.get_text() for dt_ in printed.select("dt") if asked in dt_.get_text().lower()] == [question], row.name
            assert cells[row.name] == row.outcome
            continue
        # ADR 104 (reader29 F5c): the absence says what the report describes and asks the question of the target group.
        sentence = f"Rapporten beskriver indsatserne, men {for_group} i {row.name}, er ikke angivet i rapporten."  # ADR 109
        assert profile.select_one("p.kr-outcome").get_text(" ", strip=True) == f"{sentence} (red.)", row.name
        assert printed.select_one(".kr-outcome").get_text(" ", strip=True).startswith(sentence), row.name
        assert cells[row.name] == "ikke angivet i rapporten", row.name  # ADR 109: the one form of an absence
        assert "indsatserne førte til" not in profile.get_text() + printed.get_text(), row.name
    guide = {r["Kolonne"]: r for r in column_rows(TABLES["municipalities"])}
    # ADR 109: the page's fuller sentence holds the cell's words; the dictionary and kilder.csv say both.
    said = f"„Rapporten beskriver indsatserne, men {for_group} i <kommunen>, er ikke angivet i rapporten.“"
    # The dictionary stands in an analyst's book too: it words the absence by the source (session 29, the analyst's
    # book credited the report there); kilder.csv, written for the folder, gives the report's book its sentence.
    described = f"at kilden beskriver indsatserne, men {for_group} i kommunen, ikke er angivet"
    assert described in " ".join(guide["outcome"].values())
    assert described in (REPO / "data" / "DATAORDBOG.md").read_text(encoding="utf-8")
    sources = {(r["fil"], r["kolonne"]): r for r in _rows(published, SOURCES_FILE)}
    assert said in sources[("municipalities.csv", "outcome")]["begrundelse"]
    assert sources[("municipalities.csv", "outcome")]["hvis_ord"] == "redaktionens gengivelse"
    write_downloads(published, tmp_path / "hentet")
    back = load(tmp_path / "hentet")
    assert list(back.municipalities["outcome"]) == list(data.municipalities["outcome"])


def test_the_timeline_tables_csv_carries_each_date_in_words_and_sortable_both_named_in_the_dictionary(
    data, data_downloads, report_text: str
):
    """reading26r2, #7: the figure's table CSV said „november 2021“ and programme_events.csv `2021-11`, while Genkørsel
    promised „de samme ord“ in both. The table's CSV now carries the page's words and, in a column of its own, the
    sortable form programme_events.csv holds; an absence reads alike in both; the dictionary and kilder.csv name the
    column; Genkørsel says which form stands where."""
    assert "fra nov. 2021 til maj 2023" in report_text  # l.50: the dates the data hold as 2021-11 and 2023-05
    chart = charts.programme_timeline(data)
    variant = next(iter(chart.variants.values()))
    href = figures._table_context(variant.table, "t", "forloeb-alle.csv", (), "", "", variant.download)["csv"]
    table = list(csv.reader(io.StringIO(unquote(href.split(",", 1)[1]).lstrip("\ufeff"), newline="")))
    head, rows = table[0], table[1:]
    sortable = provenance.figure_download_headings(data.options, "forloeb")
    assert sortable == ["Dato som år-måned"]
    words, iso = head.index("Dato"), head.index(sortable[0])
    events = _rows(data_downloads, "programme_events.csv")
    # Where the report gives no date, the sortable column is empty and the words stand in „Dato“ (reading 28, #5).
    assert [r[iso] for r in rows] == [e["date"] if re.fullmatch(r"\d{4}-\d{2}", e["date"]) else "" for e in events]
    start = next(r for r in rows if r[iso] == "2021-11")
    assert start[words] == "november 2021"
    assert all(r[words] == e["date"] for r, e in zip(rows, events, strict=True) if not r[iso])
    said = " ".join(next(r for r in column_rows(TABLES["programme_events"]) if r["Kolonne"] == "date").values())
    assert "„november 2021“" in said and f"„{sortable[0]}“" in said, said
    sources = {(r["fil"], r["kolonne"]) for r in _rows(data_downloads, SOURCES_FILE)}
    assert ("forloeb-*.csv", sortable[0]) in sources
    notebook = (REPO / "book" / "om-data" / "genkoersel.ipynb").read_text(encoding="utf-8")
    assert "(„2021-11“) i `programme_events.csv` og i en kolonne for sig i tabellens CSV-fil" in notebook


def test_every_profile_and_the_programme_fact_say_all_the_groups_as_alle_aktionslaeringsgrupper(data, report_text: str):
    """reading26r2, #7 (second half): the report (l.267) speaks of »alle aktionslæringsgruppernes« groups; the book says
    „alle aktionslæringsgrupper“ in programme_facts.csv, on the programme page and on every profile alike."""
    assert "for alle aktionslæringsgruppernes vedkommende" in report_text
    fact = data.tables["programme_facts"].set_index("fact_id").at["nye-samarbejdsrelationer", "description"]
    assert fact.startswith("Hvad forløbet førte til for alle aktionslæringsgrupper: »"), fact
    for name in each(list(data.municipalities["name"])):
        assert "»for alle aktionslæringsgruppernes vedkommende" in lists.all_groups_said(data, name), name


def test_storstroem_faengsel_is_spelled_officially_and_says_the_reports_spelling_as_aarhus_billed_og_medieskole_does(
    data, report_text: str
):
    """reading26 „Storstrøms fængsel“: the book corrected the report's spelling of Guldborgsund and of Aarhus Billed- og
    medieskole with a note, but kept „Storstrøms fængsel“ (official: Storstrøm Fængsel) bare. One policy: the official
    name, the report's spelling in name_in_report, and the same note at the name."""
    assert "Storstrøms fængsel" in report_text and "Storstrøm Fængsel" not in report_text
    row = data.organisations.set_index("organisation_id").loc["storstroems-faengsel"]
    assert (row["name"], row["name_in_report"]) == ("Storstrøm Fængsel", "Storstrøms fængsel")
    shown, _parts = cards.organisation_names(data, ("storstroems-faengsel",))
    assert shown == "Storstrøm Fængsel (officielt navn; rapporten staver det »Storstrøms fængsel«)"
    # The initiative's description quotes the report, so it keeps the report's spelling in »…«.
    roedder = data.initiatives.set_index("initiative_id").at["guldborgsund-roedder", "description"]
    assert "»Storstrøms fængsel og Helhedsplan Lindholm" in roedder


def test_every_citation_is_written_author_and_year_and_the_reports_running_text_form_stands_in_the_note(data, report_text: str):
    """reading26 „The references table“: references.csv mixed „Amhøj (2019a)“ with „Amhøj 2019b“ and „Bukdahl (2021)“
    with „Jensen 2022“. One form: author and year without brackets; where the report writes the work in running text
    („Patton (2017)“), the note quotes that form, and it stands in the report."""
    report = collapse(repair_hyphenation(report_text))
    for ref in each(list(data.references.itertuples())):
        assert "(" not in ref.citation and ")" not in ref.citation, ref.citation
        assert re.search(r"\s(\d{4}[a-z]?|u\.å\.)$", ref.citation), ref.citation
        for form in re.findall(r"»([^«]*\(\d{4}[a-z]?\)[^«]*)«", ref.note):
            assert collapse(form) in report, (ref.reference_key, form)
    citations = dict(zip(data.references["reference_key"], data.references["citation"], strict=True))
    assert citations["amhoej2019a"] == "Amhøj 2019a" and citations["amhoej2019b"] == "Amhøj 2019b"
    assert citations["cartwright2012"] == "Cartwright og Hardie 2012"
    for key in ("amhoej2019a", "bukdahl2021", "patton2017", "cartwright2012", "bukdahl2022"):
        assert "Skrevet i løbende tekst som »" in data.references.set_index("reference_key").at[key, "note"], key
