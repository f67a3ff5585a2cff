"""The fifteenth reading: whose word each value is, read line by line with the report beside the book (issue 21).
Each test reads what the book publishes and checks it against what the report and the data say."""

from __future__ import annotations

import csv
import datetime as dt
import io
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup

from kulturensrige.data import column_guide, provenance, publishing
from kulturensrige.data.publishing import SOURCES_FILE, published_files
from kulturensrige.data.schema import LIST_SEPARATOR, TABLES
from kulturensrige.edition import editions
from kulturensrige.render import cards, charts, guide, highlight, lists
from kulturensrige.rules import statistics, views
from support.checks import each

STAMP = editions.Stamp("data", "0123456789", dt.date(2026, 12, 1))
UNTIED = ("376", "169", "230", "240", "751")  # no quote is tied to them, not even by the editors (Egedal, Aarhus: ADR 33)


def _text(markup: object) -> str:
    return " ".join(BeautifulSoup(str(markup), "html.parser").get_text(" ", strip=True).split())


@pytest.fixture(scope="module")
def editions_html(data, edition_charts) -> dict[str, BeautifulSoup]:
    """Every municipality edition as the HTML Chromium prints, by kommunekode."""
    made = edition_charts
    return {
        code: BeautifulSoup(editions.municipality_edition(data, code, STAMP, made, "plotly.min.js"), "html.parser")
        for code in data.municipalities["kommunekode"]
    }


@pytest.fixture(scope="module")
def abouts(editions_html) -> dict[str, str]:
    """Every municipality edition's first paragraph, by kommunekode."""
    return {code: _text(page.select_one(".kr-about")) for code, page in editions_html.items()}


def test_an_editions_first_paragraph_credits_the_editors_ties_and_promises_no_quotes_that_are_not_there(tied_data):
    """Finding 4: 'Denne udgave samler, hvad evalueringen af Kulturens Rige fortæller om Egedal: udgangspunktet,
    indsatserne og de citater, der er knyttet til kommunen.' The report ties no quote to a municipality, and three
    municipalities have no tied quote at all (in the copy with the editors' three former ties)."""
    made = editions.EditionCharts.compute(tied_data)
    abouts = {
        code: _text(
            BeautifulSoup(editions.municipality_edition(tied_data, code, STAMP, made, "plotly.min.js"), "html.parser").select_one(
                ".kr-about"
            )
        )
        for code in tied_data.municipalities["kommunekode"]
    }
    for code, about in each(abouts.items()):
        assert "de citater, der er knyttet til kommunen." not in about, about
        assert "Rapporten knytter ingen citater til nogen kommune" in about, about
        if code in UNTIED:
            assert "ingen tilknytning til" in about and "er udledt af redaktionen" in about, about
        else:
            assert "de citater, der er knyttet til" in about and "“: " in about and "udledt af redaktionen." in about, about


def test_a_municipality_with_no_ties_is_not_said_to_differ_from_the_others_in_the_reports_ties(data):
    """Finding 11: 'Rapporten knytter ingen citater til Høje-Taastrup, Guldborgsund og Rudersdal, og ingen er udledt.'
    implied the report ties quotes to the other four; it ties none to any municipality."""
    said = [_text(lists.municipality_ingredients(data, code)) for code in UNTIED]
    said += [_text(charts._why_no_quotes(data, list(UNTIED), True, None))]
    said += [_text(charts._why_no_quotes(data, list(UNTIED), True, code)) for code in UNTIED]
    for sentence in each(said):
        assert "og ingen er udledt" not in sentence, sentence
    for sentence in each(said):
        assert "nogen kommune" in sentence or "intet citat til en kommune" in sentence, sentence


def test_an_example_beside_a_real_id_in_the_data_dictionary_is_that_rows_own_value(data):
    """Finding 2: the dictionary's examples put `publication.year` "2023", `workshop-4` with mode "fysisk" and
    `jensen2022` with language "en" beside real ids, where the data say "ikke angivet", "ikke angivet" and "da"."""
    rows = {}
    for table in TABLES.values():
        shown = {r["Kolonne"]: r["Eksempel"] for r in column_guide.column_rows(table)}
        frame = getattr(data, table.name, None)
        if frame is None or table.key not in frame.columns or shown[table.key] not in set(frame[table.key].astype(str)):
            continue
        real = frame.loc[frame[table.key].astype(str) == shown[table.key]].iloc[0]
        for column, value in shown.items():
            rows[(table.name, column)] = (value, real[column])
    assert rows[("publication", "year")][0] == "ikke angivet"
    assert rows[("references", "language")][0] == "da"
    for (table_name, column), (value, real) in each(rows.items()):
        if value == column_guide.PLACEHOLDER:
            continue
        written = LIST_SEPARATOR.join(real) if isinstance(real, list | tuple) else ("" if real is None else str(real))
        assert value == written, (table_name, column, value, written)


def test_the_guides_checklist_says_its_items_are_the_editors_words_wherever_it_stands(data, editions_html):
    """Finding 3: the checklist's items ('Saml en tværfaglig gruppe …') stood unmarked on the pages, and the PDFs said
    'Her står den som en tjekliste, med rapportens ordlyd under hvert punkt.'; kilder.csv calls the column
    'redaktionens ord'. And 'Inddrag de lokale kulturinstitutioner.' said more than the report's 'Ræk ud til'."""
    whose, _ = publishing.column_source(data, "guide_recommendations", "text")
    assert whose == "redaktionens ord"
    # ADR 100: the items' and their ties' owner in one sentence, as both are the editors' (reader28, F1).
    # ADR 123: a point the book words as the report does stands in the report's words, in »…«, and is not the editors'.
    said = "Ingredienserne og punkterne uden »…« er redaktionens"
    assert said in _text(guide.checklist(data)) and "under de andre står den." in _text(guide.checklist(data))
    for ingredient_id in each(data.ingredients["ingredient_id"]):
        assert said in _text(guide.checklist(data, ingredient_id)), ingredient_id
    for code, page in each(editions_html.items()):
        section = _text(page.select_one("#anbefalinger").parent)
        assert said in section and "med rapportens ordlyd under hvert punkt" not in section, code
    texts = dict(zip(data.guide_recommendations["recommendation_id"], data.guide_recommendations["text"], strict=True))
    assert texts["raek-ud-til-kulturinstitutioner"].startswith("Ræk ud til")


def test_the_municipality_tables_quote_column_is_marked_as_its_neighbours_are(tied_data):
    """Finding 10: 'Kommunerne i tal' headed its column 'Citater knyttet til kommunen' bare, beside 'Region (redaktionens
    tilføjelse)', while kilder.csv calls the column 'redaktionens læsning'. The column is there where the data tie
    quotes (the report's tie none: test_a_choice_claims_no_mark_that_is_not_there.py)."""
    data = tied_data
    heading = "Citater knyttet til kommunen (redaktionens læsning)"
    table = BeautifulSoup(str(lists.municipality_table(data)), "html.parser")
    # The page says it in the short mark (ADR 40), its CSV download in full.
    assert "Citater knyttet til kommunen (red.)" in [" ".join(th.get_text(" ", strip=True).split()) for th in table.select("thead th")]
    assert heading in unquote(table.select_one("a[download]")["href"]).splitlines()[0]
    sources = list(csv.DictReader(io.StringIO(published_files(data)[SOURCES_FILE], newline="")))
    row = next(r for r in sources if r["fil"] == "tabel-kommuner.csv" and r["kolonne"].startswith("Citater"))
    assert row["kolonne"] == heading


def test_a_card_whose_speaker_the_report_does_not_give_says_so_alike_and_the_legend_says_it_too(data):
    """Finding 16: 'Hvert kort viser talerens rolle, som rapporten skriver den …', but the field diary's card showed no
    role line at all while the motto cards showed a bare 'ikke angivet'."""
    unnamed = 0
    for group in each(cards.group_records(data.quotes)):
        _, speaker, _ = cards.speaker_line(data, group)
        if any(r["shown_role"] == "ikke angivet" for r in group):
            unnamed += 1
            # "rolle ikke angivet", a field diary's "skribent ikke angivet" (reading 24, F12: a diary has a writer).
            assert provenance.unnamed_as(data.options, data.quote_kinds, group[0]["kind"]) in speaker, speaker
        assert speaker.strip(), group[0]["quote_id"]
    assert unnamed >= 6  # the field diary (q013) and the five mottos
    legend = _text(cards.quote_list_legend(data))
    # The five short statements have no speaker at all: „afsender ikke angivet“, not „rolle …“ (reading 28, #5).
    # In the one form of an absence (ADR 109, reading 30, #2).
    said = "„skribent ikke angivet i rapporten“ eller „afsender ikke angivet i rapporten“"
    assert f"hvor rapporten ikke nævner taleren, står der {said}" in legend


def test_each_quote_count_says_exactly_what_it_counts(data):
    """Finding 5: '8 af de 38 citater står uden for ingredienslisten … og underbygger ingen ingrediens.' and '30 af
    bogens 38 citater underbygger en af de virksomme ingredienser.' q005 stands outside the ingredient chapters yet
    supports one, and two quotes support two ingredients ('mindst én')."""
    tally = statistics.quote_tally(data)
    items = lists.ingredient_part_items(tally, data.options)
    said = " ".join(items)
    assert "uden for ingredienslisten" not in said and "underbygger en af" not in said
    assert f"{tally.with_ingredient} af bogens {tally.total} citater underbygger mindst én af de virksomme ingredienser." in said
    assert f"{tally.without} af de {tally.total} citater underbygger ingen ingrediens; de står i" in said
    q005 = data.quotes.loc[data.quotes["quote_id"] == "q005"].iloc[0]
    assert q005["ingredient_ids"] and q005["section_id"] == "broer-stier-og-siloer"


def test_a_lists_status_for_a_municipality_with_no_quotes_here_does_not_imply_the_report_ties_others(tied_data):
    """Finding 11 on the filter's status: 'Rapporten knytter ingen citater her til Rudersdal.' implied the report ties
    the others' quotes; it ties none to any municipality."""
    selected = tied_data.quotes[tied_data.quotes["ingredient_ids"].map(lambda ids: "etablering-af-vi" in ids)]
    items = views.quote_items(cards.group_records(selected))
    for code in each(UNTIED):
        status = highlight.list_view(tied_data, items, views.QUOTE, code, True)["groups"][0][1]
        assert "knytter ingen citater til nogen kommune, og i dette afsnit er ingen tilknytning til" in status, status


def test_a_lists_heading_says_this_section_where_the_bar_says_here_for_the_page(data):
    """Reader review 18: the bar's 'Fremhævet her: 1 citat, udledt af redaktionen' (the page) beside a first list's
    '… ingen tilknytning her til Egedal er udledt af redaktionen' (that list) read as the book contradicting itself."""
    for section_id, selected in data.quotes.groupby("section_id"):
        items = views.quote_items(cards.group_records(selected))
        for code, inferred in each([(c, i) for c in data.municipalities["kommunekode"] for i in (True, False)]):
            for _, heading, _ in highlight.list_view(data, items, views.QUOTE, code, inferred)["groups"]:
                assert " her " not in f" {heading} ", (section_id, code, inferred, heading)
