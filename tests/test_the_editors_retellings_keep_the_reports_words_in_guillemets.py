"""A text the editors tell in their own words (a description, a profile's summary and outcome) set the report's
sentences there as its own: the line-by-line reading of s23 (F2) found five of them, the Høje-Taastrup hope, Egedal's
workshop, Køge's purpose, Aarhus' model trial and Ringkøbing-Skjern's workshops, on profiles, cards and in the PDFs
under "redaktionens gengivelse", and kilder.csv said they were "ikke rapportens ordlyd". The one rule
(publishing.unmarked_report_words): a run of ten of the report's words stands in »…« or is told anew, and kilder.csv says
so of every such column."""

from __future__ import annotations

import csv
import io

from kulturensrige.data import publishing
from kulturensrige.data.schema import KEPT, KEPT_WORDS, TABLES
from report_source import repair_hyphenation
from support.checks import each


def test_the_rule_finds_a_sentence_of_the_report_left_outside_guillemets(report_text: str):
    report = repair_hyphenation(report_text)
    told = "Håbet var, at kunst og kultur kan bidrage til glæde og trivsel og måske mere lyst og mod til at håndtere livet."
    assert publishing.unmarked_report_words(told, report) == [
        "at kunst og kultur kan bidrage til glæde og trivsel og måske mere lyst og mod til at håndtere"
    ]
    quoted = "Håbet var, at kunst og kultur »kan bidrage til glæde og trivsel og måske mere lyst og mod til at håndtere«."
    assert publishing.unmarked_report_words(quoted, report) == []


def test_no_text_the_editors_tell_keeps_ten_of_the_reports_words_outside_guillemets(data, report_text: str):
    report = repair_hyphenation(report_text)
    kept = []
    for table, column in each(publishing.retold_columns()):
        for key, value in zip(data.tables[table][TABLES[table].key], data.tables[table][column], strict=True):
            kept += [(table, column, key, run) for run in publishing.unmarked_report_words(str(value), report, KEPT_WORDS)]
    assert kept == []


def test_the_sources_file_says_the_retold_columns_keep_the_reports_words_in_guillemets(data, data_downloads):
    rows = list(csv.DictReader(io.StringIO(data_downloads[publishing.SOURCES_FILE])))
    said = {(row["fil"], row["kolonne"]): row["begrundelse"] for row in rows}
    retold = [(TABLES[t].file, c) for t, c in publishing.retold_columns() if (TABLES[t].file, c) in said]
    for file, column in each(retold):
        assert "ikke rapportens ordlyd" not in said[(file, column)], (file, column)
    # The columns where the reading found the report's sentences (F2), and the ingredients' descriptions.
    found = [("municipalities.csv", "summary"), ("municipalities.csv", "outcome")]
    found += [("initiatives.csv", "description"), ("ingredients.csv", "description")]
    for file, column in each(found):
        assert (file, column) in retold and KEPT in said[(file, column)], (file, column, said.get((file, column)))
