"""The editors' attention points are the book's own words; where one takes the report's words, they stand in »…«
(reading 21, #5: the editors' rows borrowed whole clauses of the report, and of its interviewees, unquoted)."""

from __future__ import annotations

import re

from report_source import collapse, repair_hyphenation
from support.checks import each

# A run of this many words found as it stands in the report is the report's wording, not a common phrase.
BORROWED = 5


def _words(text: str) -> list[str]:
    return re.findall(r"[\wæøåÆØÅ/-]+", text.lower())


def _runs_in(report_words: str, text: str) -> list[str]:
    """The runs of BORROWED words of `text` that stand as they are in the report (its words, spaced)."""
    words = _words(text)
    runs = (" ".join(words[i : i + BORROWED]) for i in range(len(words) - BORROWED + 1))
    return [run for run in runs if f" {run} " in report_words]


def test_an_editors_attention_point_quotes_every_clause_it_takes_from_the_report(data, report_text):
    report = collapse(repair_hyphenation(report_text))
    report_words = f" {' '.join(_words(report))} "
    editors = data.attention_points[data.attention_points["basis"] == "inferred"]
    assert len(editors)
    for point in each(editors.itertuples()):
        quoted = re.findall(r"»([^«]*)«", point.text)
        for words in quoted:
            assert f" {' '.join(_words(words))} " in report_words, (point.attention_point_id, words)
        own = re.sub(r"»[^«]*«", " … ", point.text)
        assert not _runs_in(report_words, own), (point.attention_point_id, _runs_in(report_words, own))
