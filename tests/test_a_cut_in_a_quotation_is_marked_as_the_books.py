"""The report prints "…" as its own text ("begynde at…"), so the book's cut in a quotation, a bare "…" inside »…« on
»Referencer« and in the whole-book PDF (»Med blandende tilgange og forståelser være udfordrende at …«), looked like the
report's (the s23 reading, F8). The book marks its cut with the report's own "[…]" (words.CUT)."""

from __future__ import annotations

import re

from kulturensrige.book import bibliography
from kulturensrige.words import CUT, opening
from support.checks import each

CITED = re.compile(r"»([^«]*)«")


def test_the_opening_words_of_a_quotation_end_in_the_books_cut():
    assert CUT == "[…]"
    assert opening("en to tre fire fem seks syv otte ni") == f"en to tre fire fem seks syv otte {CUT}"
    assert opening("en to tre") == "en to tre"


def test_the_references_page_marks_every_cut_in_a_quotation_as_the_books(data):
    passages = CITED.findall(bibliography.cited_where(data).markup)
    cut = [p for p in each(passages) if "…" in p]
    for passage in each(cut):
        assert passage.endswith(f" {CUT}") and passage.count("…") == 1, passage
