"""Reader32, #6: on the front page „Rapporten nævner ingen kommune ved sine citater.“ stood alone after the „38
citater“ tile, where a first-time reader did not yet know why it mattered. It stands in the quotes' tile's note, with
what the count counts (ADR 123); the filter's panel still leaves it to the page (cards.SAYS_UNTIED_ITSELF)."""

from __future__ import annotations

from bs4 import BeautifulSoup

from kulturensrige.render import cards, front_page


def test_the_front_page_says_why_no_quote_is_tied_in_the_quote_counts_note(data):
    soup = BeautifulSoup(str(front_page.key_figures(data)), "html.parser")
    said = [e for e in soup.find_all(string=True) if cards.UNTIED_QUOTES in e]
    assert len(said) == 1, said
    tile = said[0].find_parent("li")
    assert tile is not None and tile.select_one(".kr-figure-number").get_text() == str(len(data.quotes)), said[0].parent
    assert said[0].find_parent(class_="kr-figure-explained") is not None
    assert cards.untied_kind(str(front_page.key_figures(data))) == "selv"
