"""Reader31, #3: under the ingredient cards (and on the whole-book PDF's p. 33) „30 af bogens 38 citater underbygger
mindst én …, 2 af dem flere end én, og 8 underbygger ingen“ was followed by „Sådan er citaterne talt“, which said the
same counts again. The sum says them once; the folded note says only what the sum does not: whose the ties are, why
the pages add up to more, and where the quotes that support none stand."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from kulturensrige.render import lists
from kulturensrige.rules import statistics


def _text(markup: object) -> str:
    return " ".join(BeautifulSoup(str(markup), "html.parser").get_text(" ", strip=True).split())


def test_the_ingredient_overview_says_each_count_of_the_books_quotes_once(data):
    tally = statistics.quote_tally(data)
    soup = BeautifulSoup(lists.ingredient_cards(data).markup, "html.parser")
    said = _text(soup.select_one("p.kr-count-sum")) + " " + _text(soup.select_one("p.kr-count-parts"))
    # The book's total, the quotes that support one or none, are said once, in the sum.
    for phrase in (f"bogens {tally.total} citater", "underbygger mindst én", "underbygger ingen"):
        assert said.count(phrase) == 1, (phrase, said)
    note = _text(soup.select_one("p.kr-count-parts"))
    assert not re.search(rf"\b({tally.with_ingredient}|{tally.several}|{tally.without}) af\b|\b{tally.total} citater\b", note), note
    # What only the note says stays: the pages' own numbers and their sum, and where the unsupported quotes stand.
    pages = [n for n in tally.by_ingredient.values() if n]
    assert f"{sum(pages)} citater ({', '.join(map(str, pages[:-1]))} og {pages[-1]})" in note, note
    titles = dict(zip(data.sections["section_id"], data.sections["title"], strict=True))
    for section_id in set(data.quotes.loc[data.quotes["ingredient_ids"].map(len) == 0, "section_id"]):
        assert f"»{titles[section_id]}«" in note, section_id
