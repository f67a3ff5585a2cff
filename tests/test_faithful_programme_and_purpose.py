"""A line-by-line reading of the built book, its PDFs and its downloads with the report beside it (issue 21).
Each test reads what the book publishes and checks it against what the report and the data say."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kulturensrige import load
from kulturensrige.data import provenance
from kulturensrige.data.publishing import SOURCES_FILE, published_files
from kulturensrige.data.schema import EDITORIAL_VALUES, NOT_APPLICABLE, NOT_STATED
from kulturensrige.edition import editions
from kulturensrige.render import charts, comparison
from report_source import collapse, repair_hyphenation
from support.checks import each
from support.folders import with_option
from test_faithful_points_and_plain_danish import prose

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
# The values of Figure 1's table the report may leave out, in the order of the table's columns after the event's.
NOT_GIVEN_NOUNS = ("formen", "datoen", "stedet")


def _sources(data) -> dict[tuple[str, str], dict[str, str]]:
    rows = csv.DictReader(io.StringIO(published_files(data)[SOURCES_FILE], newline=""))
    return {(r["fil"], r["kolonne"]): r for r in rows}


def _analysts_data(tmp_path: Path):
    folder = tmp_path / "analytiker"
    shutil.copytree(DATA, folder)
    with_option(folder, "kilde", "analytiker")
    return load(folder)


@pytest.mark.parametrize("holder", ["rapporten", "analytikerens data"])
def test_a_form_date_or_place_the_source_leaves_out_says_whose_absence_it_is(data, tmp_path: Path, holder: str):
    """#1: Figure 1's table, its CSV download and its legend showed 'ikke angivet' under headings kilder.csv called
    'rapportens', so a reader took the report to say 'not stated'. Each cell now says who leaves the value out, in the
    provenance model's words, and kilder.csv says what the column holds where the report gives nothing."""
    shown = data if holder == "rapporten" else _analysts_data(tmp_path)
    chart = charts.programme_timeline(shown)
    variant = next(iter(chart.variants.values()))
    table = variant.table
    assert not (table == NOT_STATED).any().any()
    headings = list(table.columns[1:])
    # ADR 109 (reading 30, #2): each cell says the one form of an absence, in the words of whoever leaves it out.
    absent = {"rapporten": "ikke angivet i rapporten", "analytikerens data": "ikke angivet af analytikeren"}[holder]
    for heading in each(headings):
        said = absent
        assert (table[heading] == said).any(), heading
        # A form the editors read out of the report says whose reading it is (read21d, #4).
        read = f"fysisk ({provenance.value_label(shown.options, 'programme_events.mode_basis')})"
        assert set(table[heading]) - {said} <= {
            "virtuel",
            NOT_APPLICABLE,
            read,
            "november 2021",
            "maj 2023",
            "Arken",
            "Sund By Netværket i KL-huset",
        }
    legend = " ".join(trace["name"] for trace in variant.figure["data"]).replace("<br>", " ")
    assert f"tom: stedet er {absent}" in legend and f"(datoen er {absent})" in legend
    assert NOT_STATED not in legend.replace(absent, "")
    sources = _sources(shown)
    for heading, noun in each(zip(headings, NOT_GIVEN_NOUNS, strict=True)):
        row = sources[("forloeb-*.csv", heading)]
        # The form is the report's or the editors' reading row by row, and its cells say which (read21d, #4).
        mixed = noun == "formen" and holder == "rapporten"
        assert row["hvis_ord"].endswith("i cellen" if mixed else f", hvor {holder} angiver {noun}"), row
        # One wording in the figure's table and the data table's download (words26: programme_events.csv said
        # „ikke angivet“); read back as a data folder it is the schema's value again.
        assert f"„{absent}“ i programme_events.csv og i figurens tabel" in row["begrundelse"], row
        assert f"læst ind som datamappe er det „{NOT_STATED}“" in row["begrundelse"], row


def test_the_programme_events_download_reads_back_and_kilder_csv_says_whose_its_ikke_angivet_is(data, data_downloads):
    """#1: kilder.csv called programme_events.csv's columns 'rapportens' with no word on what 'ikke angivet' means there.
    Since words26 the download says whose absence it is in the figure's table's words, not the schema's 'ikke angivet'
    (the reading back to it: test_an_absence_in_the_programme_reads_alike_on_page_pdf_and_download.py)."""
    published = list(csv.DictReader(io.StringIO(data_downloads["programme_events.csv"].lstrip("\ufeff"))))
    sources = _sources(data)
    for column, noun in each(zip(("mode", "date", "place"), NOT_GIVEN_NOUNS, strict=True)):
        assert any(row[column] == "ikke angivet i rapporten" for row in published), column  # ADR 109
        assert not any(row[column] == NOT_STATED for row in published), column
        row = sources[("programme_events.csv", column)]
        if column == "mode":  # the report's or the editors' reading, row by row (read21d, #4)
            assert row["hvis_ord"] == "står i hver række i mode_basis" and f"angiver rapporten ikke {noun}" in row["begrundelse"], row
            continue
        assert row["hvis_ord"] == f"rapportens, hvor rapporten angiver {noun}", row
        assert f"Hvor rapporten ikke angiver {noun}" in row["begrundelse"], row


def test_the_overall_purpose_is_wellbeing_and_mental_health_as_the_report_says(report_text: str):
    """#2 (baggrund): 'kan bruges til at styrke borgernes trivsel' left out the mental health the report's purpose names
    beside wellbeing ('til at fremme borgeres trivsel og mentale sundhed')."""
    assert "anvendes til at fremme borgeres trivsel og mentale sundhed" in collapse(repair_hyphenation(report_text))
    said = prose("baggrund.ipynb")
    # The purpose in the report's words (reading 18: the paraphrase said 'fremme' and 'mental sundhed' twice over).
    purpose = "»kulturens mentalt sundhedsfremmende potentiale kan anvendes til at fremme borgeres trivsel og mentale sundhed«"
    assert purpose in said and "styrke borgernes trivsel." not in said and "potentiale for at fremme mental sundhed" not in said


def test_health_promotion_supplements_prevention_and_treatment_on_the_reports_condition(report_text: str):
    """#3 (baggrund): the book said prevention and treatment 'må derfor suppleres af mental sundhedsfremme' without the
    report's condition, 'Når målet er at fremme den mentale folkesundhed'; and it dropped 'støttende' from the report's
    'støttende miljøer'."""
    report = collapse(repair_hyphenation(report_text))
    assert "Når målet er at fremme den mentale folkesundhed, må forebyggelse og behandling" in report
    assert "ressourcer og støttende miljøer" in report
    said = prose("baggrund.ipynb")
    # In the book's own words (a run of the report's words unquoted is the report's sentence: test_reading14).
    assert "Skal den mentale folkesundhed fremmes, er forebyggelse og behandling af psykisk sygdom altså ikke nok" in said
    assert "ressourcer og støttende miljøer" in said


def test_bukdahl_is_said_to_call_the_relational_work_decisive_not_the_time_it_takes(report_text: str):
    """#4 (etablering-af-vi): '… tiden til det kollegiale relationsarbejde …, selv om den er afgørende' made the time
    decisive; the report: the time it takes to prioritise the relational work is the challenge, 'Om end det er
    afgørende for opgaveløsningen', the relational work."""
    assert "relations arbejde. Om end det er afgørende for opgaveløsningen" in collapse(repair_hyphenation(report_text))
    said = prose("ingredienser/etablering-af-vi.ipynb")
    assert "selv om relationsarbejdet er afgørende for opgaveløsningen" in said
    assert "selv om den er afgørende" not in said


def test_the_printed_comparison_says_nothing_of_the_two_the_web_page_shows_before_a_choice(data, tmp_path: Path):
    """#5 (the whole-book PDF): 'Side om side' printed all seven municipalities under 'Uden andet valg står de to
    første kommuner i rapportens rækkefølge side om side: Køge og Høje-Taastrup.', the web page's state before a choice,
    beneath a cover that says everything that can be chosen on the web stands whole on paper."""
    page = tmp_path / "kommuner" / "sammenligning.html"
    page.parent.mkdir()
    page.write_text(f'<article class="bd-article"><h1>x</h1>{comparison.compare_view(data)}</article>', encoding="utf-8")
    printed = BeautifulSoup(
        str(editions.printable_article(tmp_path, editions.Chapter("kommuner/sammenligning.html", 1, "x"), 1, "")), "html.parser"
    )
    assert "Uden andet valg" in str(comparison.compare_view(data))
    assert "Uden andet valg" not in printed.get_text(" ")
    assert len(printed.select(".kr-compare-column")) == len(data.municipalities)


def test_kilder_csv_says_whose_absence_a_quotes_role_ikke_angivet_is(data, data_downloads):
    """#6 (quotes.csv): kilder.csv called speaker_role 'Rapportens rolle' beside rows whose role is 'ikke angivet' (the
    five short statements, the sign, the field diary): the report gives them no speaker; 'ikke angivet' is not its word."""
    published = list(csv.DictReader(io.StringIO(data_downloads["quotes.csv"].lstrip("\ufeff"))))
    # The rows say the one form of an absence (ADR 109, reading 30, #2); kilder.csv names the cards' fuller words,
    # „afsender ikke angivet i rapporten“ for the five short statements (reading 28, #5).
    assert any(row["speaker_role"] == "ikke angivet i rapporten" for row in published)
    why = _sources(data)[("quotes.csv", "speaker_role")]["begrundelse"]
    assert (
        "hvor rapporten ikke angiver taleren, står „ikke angivet i rapporten“, og kortet siger „skribent ikke angivet i "
        "rapporten“ eller „afsender ikke angivet i rapporten“"
    ) in why, why


def test_every_word_a_card_puts_before_an_unnamed_speaker_is_explained_and_the_chapter_says_the_cell_stands_alone(data):
    """Reading 31, #2: cards say „skribent …“ and „afsender ikke angivet i rapporten“, quotes.csv's speaker_role
    „ikke angivet i rapporten“, and the data chapter promised the same words in every cell and explained only
    „skribent“ as the editors' word. Each word a card puts before the absence is now explained as the editors', and
    the chapter says the download's cell holds the absence alone, the row's kind saying the rest."""
    why = EDITORIAL_VALUES["quote_kinds.unnamed_as"].reason
    for word in each([w for w in data.quote_kinds["unnamed_as"] if w]):
        assert f"„{word}“" in why, word
    said = prose("om-data/genkoersel.ipynb")
    assert "står de samme ord alene i `speaker_role` i `quotes.csv`, og rækkens slags (`kind`) siger resten" in said


def test_the_data_chapter_says_what_ikke_angivet_means_where_figure_1_shows_it():
    """#1, the promise in words: the 'Hvem siger det' section said how each value's source is given, but not that a
    data file's 'ikke angivet' is the report's silence, nor where the book says so."""
    said = prose("om-data/genkoersel.ipynb")
    # In the one form by whose silence it is (ADR 109): the chapter stands in an analyst's book too.
    assert "„ikke angivet“ og hvem der ikke angiver det" in said and "i `programme_events.csv`" in said
    assert "læst ind som datamappe er det igen dataordbogens „ikke angivet“" in said
