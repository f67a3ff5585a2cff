"""Evalueringsdesign's »Datagrundlag« says its bold lead-ins are »rapportens ordlyd«, and kilder.csv calls the `label`
column the report's. The fourth stood as the editors' retelling ("Skriftligt materiale fra aktionslæringsgrupperne, fra
Sund By Netværket og fra facilitatoren …") where the report writes »skriftlige materialer fra aktionslæringsgrupperne,
Sund By Netværket samt facilitator af aktionslæringsforløbet …« (reading 25 r2, finding 1). Every label stands in the
report word for word; only its first letter is made a capital."""

from __future__ import annotations

from report_source import collapse, repair_hyphenation
from support.checks import each


def test_every_data_source_label_stands_word_for_word_in_the_report(data, report_text: str):
    report = collapse(repair_hyphenation(report_text))
    for label in each(list(data.evaluation_sources["label"])):
        assert label[0].lower() + label[1:] in report, label
