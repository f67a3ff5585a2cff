"""Reader28, F1 (ADR 100): notes on who said what crowded out the report; Køge's profile told whose its values were in a
sentence above the cards („Rapporten angiver ingen status; en status på et kort er læst ud af rapportens ord. (red.)“)
and in a line under its facts („Kommunekoden og regionen: redaktionens tilføjelse.“), an ingredient card said whose
its tie was in a line and then asked „Hvorfor denne kobling?“, and the checklist said „redaktionens“ twice before its
first item. A value the editors supplied now carries its mark where it stands, on the page and in the PDF, and the
reasons stay folded under the block's „(red.) Hvorfor?“."""

from __future__ import annotations

import datetime as dt

from bs4 import BeautifulSoup

from kulturensrige.data import provenance
from kulturensrige.edition import editions
from kulturensrige.render import cards, guide, lists
from kulturensrige.rules import filters
from support.checks import each

STAMP = editions.Stamp("data", "0123456789", dt.date(2026, 12, 1))


def _soup(markup: object) -> BeautifulSoup:
    return BeautifulSoup(str(markup), "html.parser")


def _text(markup: object) -> str:
    return " ".join(_soup(markup).get_text(" ").split())


def test_a_profiles_code_and_region_carry_their_marks_and_no_line_says_whose_they_are_again(data):
    for code in each(list(data.municipalities["kommunekode"])):
        facts = _soup(lists.municipality_facts(data, code))
        region = facts.find("dt", string="Region").find_next_sibling("dd")
        assert region.select_one(".kr-by").get_text() == "(red.)", code
        # ADR 112 (reader31, #2): the code stands in the page's „Sådan er siden lavet“ fold, with its mark.
        assert _soup(lists.municipality_code(data, code)).select_one(".kr-by").get_text() == "(red.)", code
        note = facts.select_one(".kr-whose-note")
        # The reasons stay under the mark; the line that named the owners again goes.
        assert note.select_one(".kr-whose-line") is None and "Rapporten nævner ingen kommunekoder" in note.get_text(), code


def test_a_cards_status_carries_its_mark_and_no_sentence_before_the_cards_says_whose_it_is(data):
    shown = 0
    for code in each(list(data.municipalities["kommunekode"])):
        rows = filters.initiatives(data, code)
        block = _soup(cards.initiative_list(data, code))
        statuses = [dt.find_next_sibling("dd") for dt in block.find_all("dt", string="Status")]
        read = [cards.status_read(data, row) for row in rows.itertuples()]
        # A status the editors read carries their short mark; a card without one says in full that the editors give
        # none, alike on page and paper (ADR 121, reading32 #11), no longer „(red.)“ (ADR 112).
        marks = ["(red.)" if was_read else provenance.owner_mark(provenance.NO_STATUS_GIVEN) for was_read in read]
        assert [status.select_one(".kr-by").get_text() for status in statuses] == (marks if statuses else []), code
        shown += len(statuses)
        said = block.select_one("p.kr-statuses-said")
        # A sentence only where no card shows a status, so no mark can say it (Høje-Taastrup's one initiative).
        assert (said is not None) == (not statuses and not rows.empty), (code, said)
        if statuses:
            assert "„Gennemført“ står kun" in block.select_one(".kr-whose-note").get_text(), code
    assert shown


def test_an_editions_statuses_carry_their_full_words_and_no_sentence_before_the_cards(data, edition_charts):
    made = edition_charts
    page = _soup(editions.municipality_edition(data, "259", STAMP, made, "plotly.min.js"))
    text = _text(page)
    assert "Gennemført (redaktionens læsning)" in text and "I gang (redaktionens læsning)" in text
    assert "en status på et kort er læst ud af rapportens ord" not in text
    # ADR 123: a point the book words alike is the report's wording, in »…«, and not the editors'.
    assert (
        "Ingredienserne og punkterne uden »…« er redaktionens; et punkt i »…« er rapportens ordlyd, og under de andre står den."
    ) in text


def test_a_quotes_tie_to_an_ingredient_is_one_line_that_opens_its_reason(data):
    card = _soup(cards.quote_card(data, data.quotes[data.quotes["quote_id"] == "q005"]))
    line = card.select_one("details.kr-rationale > summary.kr-ingredient-tie")
    assert line is not None and line.get_text() == "Koblingen til ingrediensen: redaktionens læsning, ikke rapportens."
    assert "Broer, stier og krakelerede siloer" in line.parent.get_text()
    assert "Hvorfor denne kobling?" not in card.get_text() and len(card.select(".kr-ingredient-tie")) == 1


def test_the_checklist_says_whose_its_items_and_ties_are_in_one_sentence(data):
    note = _text(_soup(guide.checklist(data)).select_one(".kr-basis-note"))
    # ADR 123: a point the book words alike is the report's wording, in »…«, and not the editors'.
    assert note == "Ingredienserne og punkterne uden »…« er redaktionens; et punkt i »…« er rapportens ordlyd, og under de andre står den."
    assert note.count("redaktion") == 1
