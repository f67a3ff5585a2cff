"""Issue 22, item 3: under Figure 1 (the timeline on kulturens-rige) the description a reader sees, »Figuren viser: …«,
ran to twelve lines on a phone, most of them what the report does not say, before the chapter went on. The
description says what the figure shows; each reservation is said once, in the figure's note under whose it is."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from kulturensrige.data import provenance
from kulturensrige.render import charts
from support.checks import each

RESERVATIONS = (
    "Redaktionens læsning: Fælles workshop 4 var fysisk.",
    "Redaktionens læsning: Fælles workshop 5 var fysisk.",
    "Rapporten angiver hverken dato eller form for den enkelte workshop",
    "hvilken workshop det var, står ikke",
    "Rapporten siger ikke, hvornår de virtuelle pitstops lå",
)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def test_figure_ones_shown_description_says_what_it_shows_in_a_few_sentences_and_no_reservation(data):
    chart = charts.programme_timeline(data)
    page = BeautifulSoup(chart.html().markup, "html.parser")
    (description,) = page.select(".kr-alt p")
    shown = " ".join(description.get_text(" ").split())
    assert len(_sentences(shown)) <= 3 and len(shown) < 300, shown
    for reservation in each(RESERVATIONS):
        assert reservation not in shown, reservation


def test_each_of_figure_ones_reservations_stands_once_under_whose_the_figure_is(data):
    chart = charts.programme_timeline(data)
    page = BeautifulSoup(chart.html().markup, "html.parser")
    said = " ".join(page.get_text(" ").split())
    (note,) = page.select("details.kr-note-about")
    in_note = " ".join(note.get_text(" ").split())
    for reservation in each(RESERVATIONS):
        assert said.count(reservation) == 1 and reservation in in_note, reservation
    # Whose the reading is comes from the one provenance wording.
    assert provenance.value_label(data.options, "programme_events.mode_basis").capitalize() in in_note


def test_the_organisations_charts_rule_and_its_no_partners_reservation_stand_once_under_the_chart(data):
    """The same on kommuner/sammenligning: the paragraph above the chart of organisations said the editors' rule for
    gathering them and which are no partners, and the note under the chart said both again."""
    from kulturensrige.data.schema import ORGANISATION_RULE
    from kulturensrige.render import comparison

    above = " ".join(BeautifulSoup(comparison.organisations_note(data).markup, "html.parser").get_text(" ").split())
    chart = charts.partners_by_kind(data)
    page = " ".join(BeautifulSoup(above + chart.html().markup, "html.parser").get_text(" ").split())
    assert len(_sentences(above)) <= 2 and "partnere" in above, above
    for reservation in each((ORGANISATION_RULE, "som en del af målgruppen, som noget, en kommune deltog i")):
        assert page.count(reservation) == 1 and reservation in chart.note, reservation
