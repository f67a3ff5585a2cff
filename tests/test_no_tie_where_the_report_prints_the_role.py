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


def test_the_formerly_tied_quotes_carry_no_note_that_sets_them_apart(data):
    """A note on these quotes alone marked the very quotes whose municipality can be worked out (the s20 reading, #3):
    the rule says why once for all (docs/adr/0033, third addendum)."""
    quotes = data.quotes.set_index("quote_id")
    for quote_id in each(FORMERLY_TIED):
        row = quotes.loc[quote_id]
        assert (row.kommunekode, row.attribution, row.attribution_rationale) == ("", "not stated", ""), quote_id


def test_the_inference_rule_ties_no_quote_whose_role_the_report_prints_in_the_dictionary_too():
    assert "trykker talerens rolle" in INFERENCE_RULE
    assert INFERENCE_RULE in (REPO / "data" / "DATAORDBOG.md").read_text(encoding="utf-8")
