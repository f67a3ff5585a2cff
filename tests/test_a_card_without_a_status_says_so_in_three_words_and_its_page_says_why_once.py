"""Reader31, #1 (ADR 112, amending ADR 109): on a page where some cards show a status, each card without one carried
„Status: Rapporten fortæller hverken, at indsatsen er afsluttet, eller at den fortsætter, så kortet viser ingen status.
(red.)“, on every such card of Egedal, Køge and Guldborgsund, in their PDFs and on the comparison's drill cards. Such a
card says its status in the one form the book uses where the report says nothing, „ikke angivet i rapporten“, with the
status's mark; why stands once, in the status rule under the list's „Hvorfor?“ (and in the edition's reasons)."""

from __future__ import annotations

import datetime as dt

from bs4 import BeautifulSoup

from kulturensrige.data import provenance
from kulturensrige.edition import editions
from kulturensrige.render import cards
from support.checks import each

STAMP = editions.Stamp("data", "0123456789", dt.date(2026, 12, 1))
WHY = "hverken fortæller, at indsatsen er afsluttet, eller at den fortsætter"


def _soup(markup: object) -> BeautifulSoup:
    return BeautifulSoup(str(markup), "html.parser")


def _text(markup: object) -> str:
    return " ".join(_soup(markup).get_text(" ", strip=True).split())


def _status(card) -> str:
    return _text(card.find("dt", string="Status").find_next_sibling("dd"))


def test_a_card_without_a_status_beside_cards_with_one_says_ikke_angivet_i_rapporten_and_its_page_says_why_once(data, edition_charts):
    short = provenance.no_status(data.options)
    label = provenance.value_label(data.options, "initiatives.status")
    charts = edition_charts
    mixed = 0
    for code in each(list(data.municipalities["kommunekode"])):
        rows = data.initiatives[data.initiatives["kommunekode"] == code]
        unread = [row for row in rows.itertuples() if not cards.status_read(data, row)]
        if not unread or len(unread) == len(rows):
            continue
        mixed += 1
        page = _soup(cards.initiative_list(data, code))
        edition = _soup(editions.municipality_edition(data, code, STAMP, charts, "p.js"))
        for row in unread:
            # Reading32, #11: one wording on the page and in print; „(redaktionens læsning)“ after „ikke angivet i
            # rapporten“ read as a contradiction in the PDF.
            given = f"{short} ({provenance.NO_STATUS_GIVEN})"
            assert _status(page.select_one(f"#indsats-{row.initiative_id}")) == given, row.initiative_id
            printed = edition.select_one(f"#indsats-{row.initiative_id}").parent
            assert _status(printed) == given and label not in _status(printed), row.initiative_id
        # Why the card says so stands once on the page (the status rule under „Hvorfor?“) and once in the PDF.
        assert _text(page).count(WHY) == 1, code
        assert _text(edition).count(WHY) == 1, code
        assert "så kortet viser ingen status" not in _text(page) + _text(edition), code
    assert mixed == 3, "Køge, Guldborgsund and Egedal mix cards with and without a status"
    # The comparison's drill cards are the same cards (cards.initiative_card): no card carries the long sentence.
    store = str(cards.initiative_store(data))
    assert "så kortet viser ingen status" not in store and short in store
