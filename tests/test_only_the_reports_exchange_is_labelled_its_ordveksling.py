"""The report calls one exchange an 'ordveksling' (the first, in Fælles fundamenter); the two in Gnist og flamme
it prints without that word. Their label is the editors', marked as every editors' label is, on the cards, in the
printed editions and in quote_kinds.csv (reading 21, finding 2)."""

from __future__ import annotations

import re

from kulturensrige.data import provenance
from kulturensrige.render import cards
from report_source import collapse, repair_hyphenation
from support.checks import each


def _exchange(data, exchange_id: str):
    return data.quotes[data.quotes["exchange_id"] == exchange_id]


def test_the_report_names_only_its_first_exchange_an_ordveksling(report_text: str):
    report = collapse(repair_hyphenation(report_text))
    assert len(re.findall(r"\bordveksling\b", report, flags=re.I)) == 1
    assert "I følgende ordveksling mellem to aktionsgruppedeltagere" in report


def test_the_editors_exchanges_carry_the_editors_mark_and_the_reports_does_not(data):
    kinds = data.tables["quote_kinds"].set_index("quote_kind_id")
    reports = _exchange(data, "x1")
    assert (kinds.loc[reports["kind"], "label_source"] == "").all()
    assert cards.speaker_line(data, reports.to_dict("records"))[0] == "Ordveksling"
    for exchange_id in each(["x2", "x3"]):
        turns = _exchange(data, exchange_id)
        assert (kinds.loc[turns["kind"], "label_source"] == "redaktionen").all(), exchange_id
        owner = provenance.value_label(data.options, "quote_kinds.label_source")
        printed = cards.speaker_line(data, turns.to_dict("records"))[0]
        assert printed == f"Ordveksling ({owner})", printed
        assert cards.speaker_line(data, turns.to_dict("records"), keyed=True)[0] == "Ordveksling (red.)"
