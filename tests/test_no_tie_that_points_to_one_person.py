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
from report_source import collapse, repair_hyphenation
from support.checks import each

REPO = Path(__file__).resolve().parent.parent


def _stjernestunder(data):
    return data.quotes[data.quotes["kind"] == "stjernestund"]


def test_no_stjernestund_is_tied_to_a_municipality_and_each_says_why_without_naming_one_or_its_role(data):
    names = set(data.municipalities["name"]) | set(data.municipalities["name_in_report"])
    for row in each(_stjernestunder(data).itertuples()):
        assert (row.kommunekode, row.attribution) == ("", "not stated"), row.quote_id
        assert "reglen for en udledt kommune" in row.attribution_rationale, row.quote_id
        assert not any(name in row.attribution_rationale for name in names), row.attribution_rationale
        assert row.speaker_role.lower() not in row.attribution_rationale.lower(), row.attribution_rationale


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
        assert context["tie"] == "not-stated", first["quote_id"]
