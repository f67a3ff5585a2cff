"""The s20 line-by-line reading (rev-reading): sentences that spoke of quotes tied to municipalities where the data tie
none, an "official" name the report does not give, an unfaithful word and a change of case in quoted words, the book's
own terms in the report's quotation marks, a missing plural ending and noun, and an initiative's description read
unmarked as the report's."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

from kulturensrige.data import provenance
from kulturensrige.data.schema import EDITORIAL_VALUES
from kulturensrige.edition import editions
from kulturensrige.render import cards, charts, dictionary, front_page
from kulturensrige.rules import filters, views
from report_source import collapse, repair_hyphenation
from support.checks import each

REPO = Path(__file__).resolve().parent.parent
STAMP = editions.Stamp("data", "0123456789", dt.date(2026, 12, 6))
TIED_WORDS = ("knyttet til den valgte kommune", "knyttet til andre kommuner", "redaktionen har knyttet til den")


def _said(html: str) -> str:
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def test_no_sentence_speaks_of_quotes_tied_to_a_municipality_where_the_data_tie_none(data, data_downloads, edition_charts):
    """#6: the ingredient pages, the municipal PDFs and the note of 'Citater pr. ingrediens' (also in kilder.csv) said
    how quotes tied to a municipality stand, where no quote is tied to one."""
    assert not views.any_tied(data)
    said = [_said(str(cards.quotes_for_ingredient(data, i))) for i in data.ingredients["ingredient_id"]]
    computed = edition_charts
    said.append(_said(editions.municipality_edition(data, "259", STAMP, computed, "plotly.min.js")))
    note = charts.quotes_per_ingredient(data).notes[0]
    said.append(note.note if isinstance(note, provenance.Whose) else note)
    said.append(data_downloads["kilder.csv"])
    said.append(_said(str(dictionary.sources_html(data))))  # the data chapter's table of the editors' values
    for text in each(said):
        assert not [w for w in TIED_WORDS if w in text], [w for w in TIED_WORDS if w in text]
    assert "Citaterne står i rapportens rækkefølge." in said[0]


def test_an_organisations_other_spelling_is_the_editors_not_an_official_name(data):
    """#4: 'Aarhus Billed- og medieskole (det officielle navn; …)' claimed an official name the report does not give;
    kilder.csv calls it the editors' spelling."""
    shown, _parts = cards.organisation_names(data, ("aarhus-billed-og-medieskole",))
    assert shown == "Aarhus Billed- og medieskole (redaktionens rettelse; rapporten staver det »Aarhus Billed-og medieskole«)"


def test_the_attention_points_quote_the_report_word_for_word_case_included(data, report_text: str):
    """#8: »one size fits all« where the report has 'One size fits all' (r.682)."""
    report = collapse(repair_hyphenation(report_text))
    for point in each(data.attention_points.itertuples()):
        for quoted in re.findall(r"»([^«]*)«", point.text):
            assert collapse(quoted) in report, (point.attention_point_id, quoted)


def test_no_attention_point_calls_getting_lost_a_false_belief(data, report_text: str):
    """#5: 'vildfarelser' (false beliefs) for the report's 'fare vild og falde i grøften' (r.633-634)."""
    assert "fare vild" in report_text
    for point in each(data.attention_points.itertuples()):
        assert "vildfarelse" not in point.text.lower(), point.attention_point_id
    assert any("»fare vild og falde i grøften undervejs«" in t for t in data.attention_points["text"])


def test_the_books_own_terms_stand_outside_the_reports_quotation_marks(data, report_text: str):
    """#7: 'ord i »…« er rapportens egne', but »gennemført«, »rolle ikke angivet«, »Udgave …«, »kort udsagn«,
    »evalueringsrapport« and the key's own »(red.)« were the book's own terms."""
    report = collapse(repair_hyphenation(report_text))
    texts = [
        str(cards.quote_list_legend(data)),
        front_page.citation(data),
        *(EDITORIAL_VALUES[v].reason for v in ("initiatives.status", "quote_kinds.label_source", "publication.kind")),
        *data.quote_kinds["description"],
        provenance.page_key(),  # the key beside the rule itself named the book's own mark in them: »(red.)«
        provenance.short_key(data.options, cards.TITLE_VALUE),
        provenance.category_key(data.options),
    ]
    for text in each(texts):
        for quoted in re.findall(r"»([^«]*)«", _said(text)):
            assert collapse(quoted) in report, quoted


def test_the_background_keeps_both_the_person_and_the_population_mentally_healthy_in_the_plural():
    """#9: 'holde både den enkelte og befolkningen mentalt sund' (r.42-43: 'mentalt sunde')."""
    cells = json.loads((REPO / "book" / "baggrund.ipynb").read_text(encoding="utf-8"))["cells"]
    text = " ".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    assert "befolkningen mentalt sunde" in text and "befolkningen mentalt sund " not in text


def test_the_organisation_charts_title_for_a_municipality_names_what_it_highlights(data):
    """#9: '… efter slags, Køges fremhævet' lacked its noun."""
    chart = charts.partners_by_kind(data)
    titles = [v.title for key, v in chart.variants.items() if key != filters.ALL and v.title]
    for title in each(titles):
        assert re.fullmatch(r"Organisationer nævnt ved indsatserne, efter slags, med dem ved [\w-]+ fremhævet", title), title


def test_an_initiative_lists_one_mark_covers_its_descriptions_too(data, data_downloads):
    """The s20 reading, #2: kilder.csv calls an initiative's description 'redaktionens ord', but the card's one mark
    named only its classified values, so the description read as the report's."""
    sources = csv.DictReader(io.StringIO(data_downloads["kilder.csv"].lstrip("\ufeff"), newline=""))
    assert any(r["fil"] == "initiatives.csv" and r["kolonne"] == "description" and r["hvis_ord"] == "redaktionens ord" for r in sources)
    # The list's note after its cards says it once for every card (ADR 55); the descriptions are retellings, which the
    # page's one rule under its title says are the editors' (ADR 70, reading s24 F6: the same words as in print).
    for code in each([filters.ALL, *data.municipalities["kommunekode"]]):
        soup = BeautifulSoup(str(cards.initiative_list(data, code)), "html.parser")
        note = soup.select(".kr-whose-note")[-1].get_text()
        # It names the editors' reading of a status only where a card states one (cards.block_lifted, as in print).
        said = cards.initiatives_whose(data, *cards.block_lifted(data, filters.initiatives(data, code))).line
        assert said.startswith("Redaktionens inddeling, betegnelser") and said in note, (code, note[:120])
    whole = BeautifulSoup(str(cards.initiative_list(data, filters.ALL)), "html.parser")
    assert (
        # ADR 100: the status carries its own mark on each card, so the block's line no longer names it.
        "Redaktionens inddeling, betegnelser og samling, ikke rapportens." in whole.select(".kr-whose-note")[-1].get_text()
    )
