"""The sixteenth reading: a researcher new to the project read the built site line by line with the report beside it
(issue 21). Each test reads what the book publishes, on a page, in a PDF edition or in a download, and checks it
against what the report and the data say."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kulturensrige.data import provenance
from kulturensrige.data.publishing import SOURCES_FILE, published_files
from kulturensrige.data.schema import TABLES, YES
from kulturensrige.edition import editions
from kulturensrige.render import cards, charts, lists
from report_source import collapse, repair_hyphenation
from support.checks import each

ROOT = Path(__file__).resolve().parent.parent
STAMP = editions.Stamp("data", "0123456789", dt.date(2026, 12, 1))


def _text(markup: object) -> str:
    return " ".join(BeautifulSoup(str(markup), "html.parser").get_text(" ", strip=True).split())


def _report(report_text: str) -> str:
    return collapse(repair_hyphenation(report_text))


def _download(data, file: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(published_files(data)[file], newline="")))


def _sources(data) -> dict[tuple[str, str], dict[str, str]]:
    return {(r["fil"], r["kolonne"]): r for r in _download(data, SOURCES_FILE)}


def _prose(notebook: str) -> str:
    cells = json.loads((ROOT / "book" / notebook).read_text(encoding="utf-8"))["cells"]
    return " ".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def test_the_resource_persons_download_says_which_person_the_report_calls_the_facilitator(data, report_text):
    """#2: resource_persons.csv listed 'Christa Breum Amhøj, facilitator af aktionslæringsforløbet' among the resource
    persons on the report's authority, while the page said the report does not call her one; the page found her by
    the first word of her role, a rule that belongs in the data."""
    report = _report(report_text)
    assert "facilitator af aktionslæringsforløbet Christa Breum Amhøj" in report
    named = re.search(r"ressourcepersoner med kompetencer .*?\(bl\.a\. (.*?)\)", report)
    assert named
    rows = _download(data, "resource_persons.csv")
    for row in each(rows):
        assert row["facilitator"] == (YES if row["name"] not in named.group(1) else "nej"), row
    assert [r["name"] for r in rows if r["facilitator"] == YES] == ["Christa Breum Amhøj"]
    assert TABLES["resource_persons"].title != "Ressourcepersoner"
    assert "ikke kalder en ressourceperson" in TABLES["resource_persons"].description
    # The page takes the facilitator from the column, not from the role's wording.
    persons = data.resource_persons.assign(role=data.resource_persons["role"].str.replace("facilitator af", "leder af"))
    page = _text(lists.resource_persons(dataclasses.replace(data, tables={**data.tables, "resource_persons": persons})))
    # Reading32, #1: the sentence says what the report calls her, not that it leaves her out of an open list.
    assert "kalder Christa Breum Amhøj leder af aktionslæringsforløbet" in page


def test_kilder_csv_says_beside_the_facilitator_column_the_pages_sentence_that_she_is_no_resource_person(data):
    """Reading 31, #4: resource_persons.csv held the facilitator as a fourth row with facilitator = ja, while the page
    said the report does not count her among the resource persons; kilder.csv said only „rapportens“ beside the column.
    The download's note for the column now says the page's sentence, word for word."""
    page = _text(lists.resource_persons(data))
    said = provenance.resource_persons_said(data.options, 3, [("Christa Breum Amhøj", "facilitator af aktionslæringsforløbet")])
    assert said in page
    assert said in _sources(data)[("resource_persons.csv", "facilitator")]["begrundelse"]


def test_the_dictionary_places_figure_4s_words_where_the_report_has_them(data, report_text):
    """#3: the dictionary said the six words stand 'lige efter figuren'; the report says them before the caption
    'Fig. 4. Wordcloud: …'."""
    report = _report(report_text)
    words = ", ".join(data.figure4_words.sort_values("position")["word"])
    sentence = report.index(words.rsplit(", ", 1)[0])
    assert sentence < report.index("Fig. 4. Wordcloud")
    description = TABLES["figure4_words"].description
    dictionary = (ROOT / "data" / "DATAORDBOG.md").read_text(encoding="utf-8")
    for said in each((description, dictionary)):
        assert "lige efter figuren" not in said
    assert "før dens billedtekst" in description


def test_the_organisation_kinds_examples_are_organisations_the_chart_counts(data):
    """#4: the note under 'Organisationer nævnt ved indsatserne, efter slags' (and kilder.csv) gave Arken as an example
    of a kind the editors know; Arken is not among the chart's 21 organisations. The examples come from the data."""
    counted = {i for ids in data.initiatives["organisation_ids"] for i in ids}
    names = dict(zip(data.organisations["organisation_id"], data.organisations["name"], strict=True))
    chart = charts.partners_by_kind(data)
    note = " ".join(n.note if isinstance(n, provenance.Whose) else n for n in chart.notes)
    sources = _sources(data)
    said = [
        note,
        sources[("organisations.csv", "kind")]["begrundelse"],
        sources[("organisationer-*.csv", "alle")]["begrundelse"],
    ]
    known = data.organisations.loc[data.organisations["kind_by_knowledge"] == YES, "organisation_id"]
    for text in each(said):
        examples = re.search(r"kun nævner navnet \(fx ([^)]*)\)", text)
        assert examples, text
        shown = [names[i] for i in known if f"{names[i]} som " in examples.group(1)]
        assert shown and all(i in counted for i, n in names.items() if n in shown), examples.group(1)
        assert "Arken" not in examples.group(1)


def test_a_corrected_organisation_name_is_marked_as_the_editors_repair_everywhere(data, edition_charts, report_text):
    """#5: 'Aarhus Billed- og medieskole' stood unmarked on the pages, in the PDFs and in organisations.csv, where the
    report writes 'Aarhus Billed-og medieskole'; Guldborgsund is marked everywhere. Same words, but the s20 reading (#4)
    found 'det officielle navn' claimed for it: no register stands behind it, as Danmarks Statistik's stands behind a
    municipality's, and kilder.csv calls it the editors' spelling."""
    assert "Aarhus Billed-og medieskole" in _report(report_text)
    row = next(r for r in _download(data, "organisations.csv") if r["organisation_id"] == "aarhus-billed-og-medieskole")
    assert row["name_in_report"] == "Aarhus Billed-og medieskole" and row["name"] != row["name_in_report"]
    # Reading 28 #1: one wording per kind of correction; this one only repairs a space, so it is the editors' repair.
    mark = provenance.name_mark(data.options, row["name"], row["name_in_report"], official=row["name_official"] == "ja")
    guldborgsund = data.municipalities.loc[data.municipalities["kommunekode"] == "376"].iloc[0]
    official = provenance.municipality_name_mark(data.options, guldborgsund["name"], guldborgsund["name_in_report"])
    assert (
        mark.split(";")[0] == "redaktionens rettelse"
        and mark.split("»")[0] == f"redaktionens rettelse;{official.split(';')[1].split('»')[0]}"
    )
    marked = provenance.marked(row["name"], mark)
    aarhus = data.initiatives.loc[data.initiatives["organisation_ids"].map(lambda ids: row["organisation_id"] in ids)]
    assert len(aarhus)
    for initiative in each(aarhus.itertuples()):
        facts = dict(cards.initiative_facts(data, initiative))
        assert marked in str(facts["Organisationer nævnt ved indsatsen"]), facts
    made = edition_charts
    edition = _text(editions.municipality_edition(data, "751", STAMP, made, "plotly.min.js"))
    assert marked in edition
    assert "name_in_report" in _sources(data)[("organisations.csv", "name")]["begrundelse"]


def test_a_retold_description_adds_nothing_the_report_does_not_say(data, report_text):
    """#6: organisations.csv, marked 'redaktionens ord: gengivelse … af det, rapporten fortæller', called Sund By
    Netværket 'WHO’s danske netværk af sunde byer'; the report says 'som WHO’s danske netværk', and no more."""
    report = _report(report_text)
    assert "som WHO’s danske netværk," in report and "netværk af sunde byer" not in report
    row = next(r for r in _download(data, "organisations.csv") if r["organisation_id"] == "sund-by-netvaerket")
    assert _sources(data)[("organisations.csv", "description")]["hvis_ord"] == "redaktionens ord"
    assert row["description"].startswith("WHO’s danske netværk;") and "sunde byer" not in row["description"]
    assert "samler erfaringerne" not in row["description"]


@pytest.mark.parametrize("notebook", ["evalueringsdesign.ipynb"])
def test_a_citation_the_report_spells_otherwise_says_so_where_it_stands(data, report_text, notebook):
    """#7: Evalueringsdesign cited '(Bukdahl 2021)' where the report writes '(Bukdal 2021)'; references.csv notes the
    variant, the page did not. The page names the report's spelling as references.csv gives it."""
    note = data.references.loc[data.references["reference_key"] == "bukdahl2021", "note"].iloc[0]
    variant = re.search(r"står også som »([^«]+)«", note)
    assert variant and f"({variant.group(1)})" in _report(report_text)
    prose = _prose(notebook)
    assert f"{{cite:p}}`bukdahl2021`; rapporten skriver her »{variant.group(1)}«" in prose
    assert "lokale sammenhæng har en afgørende betydning" in prose


# The other retold descriptions, read against the report after #6: (file, key, id, what it added, the report's words).
RETOLD = (
    ("organisations.csv", "organisation_id", "who", "Rapporten bygger på WHO’s definition", "har trukket på WHO’s bearbejdning"),
    ("organisations.csv", "organisation_id", "aktionsuniversitetet", "Samarbejdspartner", "i samarbejde med Aktionsuniversitetet"),
    ("organisations.csv", "organisation_id", "danmarks-underholdningsorkester", "Samarbejdspartner", "og Danmarks Underholdningsorkester,"),
    ("organisations.csv", "organisation_id", "sund-by-netvaerket", "samler erfaringerne", "henvises til Sund By Netværkets Vidensportal"),
    ("programme_events.csv", "event_id", "workshop-5", "musik ved receptionen", "sad Underholdningsorkestret der nedenfor"),
    ("action_learning_steps.csv", "step_id", "laer", "Refleksionen giver læring", "Dette giver mulighed for læring"),
    ("ingredients.csv", "ingredient_id", "etablering-af-vi", "rækker ud over selve", "mulighederne for fremtidige samarbejder"),
    ("ingredients.csv", "ingredient_id", "faelles-fundamenter", "Input udefra gav også mod", "dermed skabes der mod til at bryde"),
    ("ingredients.csv", "ingredient_id", "leg-mod-og-laering", "Legen tager presset af", "bidrager til at tage noget af presset"),
)


@pytest.mark.parametrize(("file", "key", "row_id", "added", "report_says"), RETOLD)
def test_a_retold_description_says_what_the_report_says_and_no_more(data, report_text, file, key, row_id, added, report_says):
    """After #6, the other descriptions kilder.csv calls 'redaktionens ord' read against the report: each of these said
    a little more than the report (a partner, a reception, learning that follows, relations that last, courage from
    outside input, pressure taken away), and now says what the report says."""
    assert report_says in _report(report_text)
    assert _sources(data)[(file, "description")]["hvis_ord"] == "redaktionens ord"
    row = next(r for r in _download(data, file) if r[key] == row_id)
    assert added not in row["description"], row["description"]


def test_the_editors_words_keep_to_the_report_where_reading_31_found_them_slipping(data, report_text):
    """Reading 31, #7 and #8: Arken's note said the report „siger ikke mere om Arken“ though it gives the field diary
    from the workshop there; Køge's event was held „som led i“ Kulturens Rige where the report says »i forbindelse med«;
    workshop 4's description said „strygere“ and „til musikken“ where its form's reason said „strygerne“ and „ved
    bordene“; WHO's plan stood „2013-2020“ in the data and „2013–2020“ on the page; the kind „Bemærkning“ was described
    by another kind's label, „Kort udsagn“."""
    report = _report(report_text)
    arken = data.organisations.set_index("organisation_id").loc["arken", "description"]
    assert "siger ikke mere" not in arken and "feltdagbogen" in arken
    assert "Feltdagbog, workshop nummer fire, Arken" in report
    assert "i forbindelse med Kulturens Rige" in report
    for table, column in (("municipalities", "outcome"), ("organisations", "description")):
        assert not any("som led i" in cell for cell in data.tables[table][column]), table
    workshop = data.programme_events.set_index("event_id").loc["workshop-4"]
    for words in ("mens strygerne spillede", "tegnede med farvekridt ved bordene"):
        assert words in workshop.description and words in workshop.mode_rationale, words
    for table, column in (("organisations", "description"), ("references", "note")):
        assert not any("2013-2020" in cell for cell in data.tables[table][column]), table
    labels = set(data.quote_kinds["label"])
    for kind in each(list(data.quote_kinds.itertuples())):
        assert not any(kind.description.startswith(f"{label} ") for label in labels - {kind.label}), kind.quote_kind_id


def test_kilder_csv_calls_an_exchanges_id_the_books_not_the_reports(data):
    """Reading 31, #7: kilder.csv said „rapportens“ beside quotes.csv's exchange_id; the report has the exchanges, not
    their ids (x1, x2 …), which are the book's, as every other id is."""
    row = _sources(data)[("quotes.csv", "exchange_id")]
    assert row["hvis_ord"] == _sources(data)[("quotes.csv", "quote_id")]["hvis_ord"] == "bogens id", row
