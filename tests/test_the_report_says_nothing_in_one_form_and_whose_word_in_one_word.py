"""Reading 30 (issue 21, a researcher read main line by line against the report), findings 1, 2 and 5 (ADR 109).

#1: four profiles said „Rapporten angiver ingen status for indsatsen, så kortet viser ingen status. (red.)“, though the
report states no status for any initiative and the other profiles' cards show the editors' reading of one; the cards
without one on the mixed pages (Køge's second, Egedal's klippekort and foreningsdage) said nothing. #2: where the report
says nothing, the downloads said it nine ways („rapporten angiver ikke datoen“, „kan ikke læses ud af rapporten“,
„afsender ikke angivet“, a bare „ikke angivet“ …). #5: the same untold outcome was the editors' „gengivelse“ in one PDF
and their „læsning“ in another."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kulturensrige.data import provenance
from kulturensrige.data.publishing import published_files
from kulturensrige.data.schema import NOT_STATED, SOURCES_FILE
from kulturensrige.edition import editions
from kulturensrige.render import cards, lists
from support.checks import csv_rows, each

REPO = Path(__file__).resolve().parent.parent
STAMP = editions.Stamp("data", "0123456789", dt.date(2026, 12, 1))
# A cell that says the source leaves a value out: every form the downloads used before (reading 30, #2).
ABSENT = re.compile(r"\bikke angivet\b|\bangiver ikke\b|\bkan ikke læses\b")
# A cell that is a sentence of prose (a description, a rationale) may say an absence in its own words.
PROSE_LENGTH = 100


def _text(markup: object) -> str:
    return " ".join(BeautifulSoup(str(markup), "html.parser").get_text(" ", strip=True).split())


def test_no_page_or_pdf_says_the_report_states_no_status_of_some_initiatives_and_every_card_without_one_says_why(data, edition_charts):
    charts = edition_charts
    line = "Rapporten fortæller hverken, at indsatsen er afsluttet, eller at den fortsætter, så kortet viser ingen status."
    mixed = 0
    for code in each(list(data.municipalities["kommunekode"])):
        rows = data.initiatives[data.initiatives["kommunekode"] == code]
        unread = [row for row in rows.itertuples() if not cards.status_read(data, row)]
        page = _text(cards.initiative_list(data, code))
        printed = _text(editions.municipality_edition(data, code, STAMP, charts, "p.js"))
        for shown in (page, printed):
            assert "angiver ingen status for" not in shown, code
            # Why a card shows none is said once: not again under „Hvorfor?“ or in the edition's reasons (#8).
            assert "et kort uden status" not in shown, code
        if unread and len(unread) < len(rows):
            mixed += 1
            # Each card without a status in a list where others show one says so in the one form (#1), and why
            # stands no more on each card but once, in the status rule (reader31, #1; ADR 112).
            # Its mark says in one wording on page and paper that the editors give none (ADR 121, reading32 #11):
            # „(red.)“ and „(redaktionens læsning)“ after it read as if they had read one.
            short = f"{provenance.no_status(data.options)} {provenance.owner_mark(provenance.NO_STATUS_GIVEN)}"
            assert page.count(f"Status {short}") == len(unread), code
            assert printed.count(f"Status {short}") == len(unread), code
            assert line not in page and line not in printed, code
        elif unread:
            said = provenance.no_status_line(data.options, len(unread))[0]
            assert said.startswith("Rapporten fortæller hverken, at indsats") and said.endswith("viser ingen status.")
            assert page.count(f"{said} (red.)") == 1 and printed.count(f"{said} (redaktionens læsning)") == 1, code
    assert mixed >= 2  # Køge and Egedal


@pytest.mark.parametrize("folder", ["rapporten", "analytiker"])
def test_every_download_cell_where_the_source_says_nothing_says_it_in_one_form(request: pytest.FixtureRequest, folder: str):
    data = request.getfixturevalue("data" if folder == "rapporten" else "analysts")
    form = provenance.folder_words(data.options).not_stated
    assert form == ("ikke angivet i rapporten" if folder == "rapporten" else "ikke angivet af analytikeren")
    said: dict[str, set[str]] = {}
    for file, text in published_files(data).items():
        if file == SOURCES_FILE:  # kilder.csv explains the forms in sentences
            continue
        for row in csv_rows(text):
            for column, cell in row.items():
                if ABSENT.search(cell) and len(cell) <= PROSE_LENGTH:
                    said.setdefault(cell, set()).add(f"{file}:{column}")
    assert set(said) == {form}, said
    # Among them the columns reading 30 named, each once a form of its own.
    named = {"initiatives.csv:status", "programme_events.csv:date", "publication.csv:year", "municipalities.csv:outcome"}
    assert named | {"quotes.csv:caption", "quotes.csv:speaker_role", "six_ps.csv:label_da"} <= said[form]


def test_a_page_says_an_absence_in_a_fuller_sentence_that_holds_the_downloads_words(data):
    form = provenance.folder_words(data.options).not_stated
    untold = data.municipalities[data.municipalities["outcome"] == NOT_STATED]
    assert len(untold)
    for row in each(list(untold.itertuples())):
        said = provenance.untold_outcome(data.options, row.name)[0]
        # What the report does describe first (ADR 104), then the absence in the download's words.
        assert said == f"Rapporten beskriver indsatserne, men hvad forløbet førte til for målgruppen i {row.name}, er {form}."
    # A card whose speaker no one names says so in the same words, with the kind's own word first.
    unnamed = {cards._role(data, q) for q in data.quotes.to_dict("records") if q["shown_role"] == NOT_STATED}
    assert unnamed and all(role.endswith(f" {form}") for role in unnamed), unnamed


def test_one_value_is_tagged_with_one_kind_of_the_editors_work_on_the_page_in_the_pdf_and_in_kilder_csv(
    data, data_downloads, edition_charts
):
    charts = edition_charts
    whose = {(r["fil"], r["kolonne"]): r["hvis_ord"] for r in csv_rows(data_downloads[SOURCES_FILE])}
    outcome, region = whose["municipalities.csv", "outcome"], whose["municipalities.csv", "region"]
    assert provenance.is_editors(outcome) and provenance.is_editors(region)
    for row in each(list(data.municipalities.itertuples())):
        page = BeautifulSoup(str(lists.municipality_facts(data, row.kommunekode)), "html.parser")
        # The outcome carries the column's own words, told or untold (#5: „læsning“ in one PDF, „gengivelse“ in another).
        assert page.select_one(".kr-outcome .kr-by")["title"] == outcome, row.name
        printed = _text(editions.municipality_edition(data, row.kommunekode, STAMP, charts, "p.js"))
        shown = row.outcome if row.outcome != NOT_STATED else provenance.untold_outcome(data.options, row.name)[0]
        assert f"{_text(shown)} {provenance.owner_mark(outcome)}" in printed, row.name
        assert provenance.owner_mark(region) in printed, row.name
    # A status, shown or explained, is the editors' reading in every medium.
    status = whose["initiatives.csv", "status"]
    assert provenance.no_status_line(data.options, 1)[1] == status == provenance.value_label(data.options, "initiatives.status")
