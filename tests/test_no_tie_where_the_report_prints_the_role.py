"""No inferred tie for a quote whose speaker's role the report prints beside it (ADR 33, second addendum).

The report prints the role under q005, q036 and q037; the book tied them to Ringkøbing-Skjern and Køge by inference.
With the switch on, a reader with the report beside the book joined role and municipality in one click.
"""

from __future__ import annotations

from pathlib import Path

from kulturensrige.data.schema import INFERENCE_RULE
from support.checks import each

REPO = Path(__file__).resolve().parent.parent
FORMERLY_TIED = ("q005", "q036", "q037")


def test_no_quote_of_the_report_is_tied_to_a_municipality_by_inference(data):
    assert not (data.quotes["attribution"] == "inferred").any()
    assert not (data.quotes["kommunekode"] != "").any()


def test_the_formerly_tied_quotes_say_why_without_naming_a_municipality_or_the_role(data):
    names = set(data.municipalities["name"]) | set(data.municipalities["name_in_report"])
    quotes = data.quotes.set_index("quote_id")
    for quote_id in each(FORMERLY_TIED):
        row = quotes.loc[quote_id]
        assert (row.kommunekode, row.attribution) == ("", "not stated"), quote_id
        assert "reglen for en udledt kommune" in row.attribution_rationale, quote_id
        assert not any(name in row.attribution_rationale for name in names), row.attribution_rationale
        assert row.speaker_role.lower() not in row.attribution_rationale.lower(), row.attribution_rationale


def test_the_inference_rule_ties_no_quote_whose_role_the_report_prints_in_the_dictionary_too():
    assert "trykker talerens rolle" in INFERENCE_RULE
    assert INFERENCE_RULE in (REPO / "data" / "DATAORDBOG.md").read_text(encoding="utf-8")
