"""No inferred tie where the quote's own words, with a municipality, point to one person (the s18 reading, #4).

With "Medtag udledte tilknytninger" on, the book tied the stjernestund told by »kommunedamen« of one men's group to
Egedal, the one told by a musician at one nursing-home concert to Køge, and the one about one pupil in one art course
to Aarhus: the book alone, not only the report beside it, pointed to a person. The inference rule now says such a
quote is tied to no municipality, and the data follow it (docs/adr/0033, addendum).
"""

from __future__ import annotations

from pathlib import Path

from kulturensrige.data.schema import INFERENCE_RULE
from kulturensrige.render import cards
from kulturensrige.rules import views
from report_source import collapse, repair_hyphenation
from support.checks import each

REPO = Path(__file__).resolve().parent.parent


def _stjernestunder(data):
    return data.quotes[data.quotes["kind"] == "stjernestund"]


def test_no_stjernestund_is_tied_to_a_municipality_nor_carries_a_note_that_sets_it_apart(data):
    """The rule (schema.INFERENCE_RULE) says why once for all; a note on these quotes alone marked the very quotes whose
    municipality can be worked out (the s20 reading, #3; docs/adr/0033, third addendum)."""
    for row in each(_stjernestunder(data).itertuples()):
        assert (row.kommunekode, row.attribution, row.attribution_rationale) == ("", "not stated", ""), row.quote_id


def test_the_inference_rule_says_a_quote_whose_words_point_to_one_person_is_tied_to_none():
    assert "pege på én person" in INFERENCE_RULE and "knyttes ikke til nogen kommune" in INFERENCE_RULE
    assert INFERENCE_RULE in (REPO / "data" / "DATAORDBOG.md").read_text(encoding="utf-8")


def test_the_three_stjernestund_cards_show_the_captions_the_report_prints_under_them(data, report_text: str):
    report = collapse(repair_hyphenation(report_text))
    for group in each(cards.group_turns(_stjernestunder(data))):
        first = group.iloc[0]
        assert first["caption"] and collapse(first["caption"]) in report, first["quote_id"]
        context = cards.card_context(data, group)
        assert first["caption"] in context["speaker"], (first["quote_id"], context["speaker"])
        # Untied: a "not stated" line where the data tie some quote, none where they tie none (views.has_tie_line).
        assert context["tie"] == ("not-stated" if views.has_tie_line(data, first) else ""), first["quote_id"]
