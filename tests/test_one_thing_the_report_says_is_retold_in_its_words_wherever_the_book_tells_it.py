"""The s26 line-by-line reading (reading26), findings 5, 6 and 10: one thing the report says stood in two wordings,
one of them not the report's: Aarhus' courses were to »udvikle« the children's empathy (the summary said „styrke“);
Egedal's workshop was »udviklet og etableret … sammen med en gruppe mænd« (the outcome said „sat i gang“, the card
„nogle mænd“); the orchestra is Danmarks Underholdningsorkester (the book's own words said „Underholdningsorkestret“,
a participant's word in a quotation). Every text of the data folder the book shows is read, outside the quotations."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from report_source import collapse, repair_hyphenation

# Each: the report's words (found in its text by the test), and a pattern for every telling of the same thing in the
# book's own words, which must keep the report's word.
RETOLD = {
    "aarhus-purpose": ("formål at arbejde med at udvikle børnenes empati", r"\w+ børnenes empati", "udvikle børnenes empati"),
    "egedal-workshop-made": ("er udviklet og etableret i et kulturhus", r"udviklet og \w+", "udviklet og etableret"),
    "egedal-workshop-with": ("sammen med en gruppe mænd, der nyligt", r"sammen med \w+( \w+)? mænd", "sammen med en gruppe mænd"),
}


def _own_words(data) -> Iterator[tuple[str, str, str]]:
    """(table, column, cell) for every text the book tells in its own words: all but the quotations' verbatim text."""
    for name, frame in data.tables.items():
        for column in frame.columns:
            if (name, column) == ("quotes", "text"):
                continue
            for cell in frame[column]:
                if isinstance(cell, str):
                    yield name, column, cell


@pytest.mark.parametrize("thing", list(RETOLD))
def test_a_thing_the_report_says_keeps_the_reports_word_in_every_retelling(data, report_text: str, thing: str):
    reports_words, telling, kept = RETOLD[thing]
    assert reports_words in collapse(repair_hyphenation(report_text))
    told = [(name, column, m.group(0)) for name, column, cell in _own_words(data) for m in re.finditer(telling, cell)]
    assert told, thing
    assert [t for t in told if t[2] != kept] == []


def test_the_books_own_words_name_the_orchestra_as_the_report_does(data, report_text: str):
    report = collapse(repair_hyphenation(report_text))
    assert "musikalske og kreative indspark ved Danmarks Underholdningsorkester" in report
    named = [
        (name, column, m.group(0)) for name, column, cell in _own_words(data) for m in re.finditer(r"(\w+ )?Underholdningsorkest\w*", cell)
    ]
    assert named
    assert [n for n in named if n[2] != "Danmarks Underholdningsorkester"] == []
