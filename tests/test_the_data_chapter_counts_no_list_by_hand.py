"""The data chapter's recipes count no list the package holds: »de 98 står i danske-kommuner.csv« was a count written
by hand beside the file that gives it (the review of the s23 merge). The chapter points to the file; the README's
recipe, which the chapter carries word for word (tests/test_recipes.py), does the same."""

from __future__ import annotations

import csv
from pathlib import Path

import nbformat

from kulturensrige.data import municipality_codes
from kulturensrige.words import count_word

REPO = Path(__file__).resolve().parent.parent


def test_the_data_chapter_does_not_write_the_number_of_danish_municipalities_by_hand():
    with municipality_codes.LIST_FILE.open(encoding="utf-8") as rows:
        count = sum(1 for _ in csv.DictReader(rows))
    chapter = nbformat.read(REPO / "book" / "om-data" / "genkoersel.ipynb", as_version=4)
    prose = "\n".join(c.source for c in chapter.cells if c.cell_type == "markdown")
    assert "danske-kommuner.csv" in prose
    for said in (f"de {count} ", f"de {count_word(count)} "):
        assert said not in prose, said
