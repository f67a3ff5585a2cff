"""Issue 21, #2: "A page never claims more than its cards do. 'Hvert kort viser talerens rolle' is false where a card
shows a category; say what each card shows and link the rule." The legend over the quotes says a card may show a
broader group of roles and when, links the rule, and every card that shows a group is one the legend's condition
covers."""

from __future__ import annotations

from bs4 import BeautifulSoup

from kulturensrige.render import cards


def _text(markup: object) -> str:
    return " ".join(BeautifulSoup(str(markup), "html.parser").get_text(" ", strip=True).split())


def test_the_legend_says_when_a_card_shows_a_group_of_roles_and_every_card_that_does_is_tied(tied_data):
    legend = cards.quote_list_legend(tied_data)
    said = _text(legend)
    claim = "Hvert kort viser talerens rolle, som rapporten skriver den, eller en bredere gruppe af roller"
    assert f"{claim}, når citatet er knyttet til en kommune" in said
    assert "anonymitetsreglen i Data og genkørsel" in said
    assert BeautifulSoup(legend.markup, "html.parser").find("a", string="Data og genkørsel")
    quotes = tied_data.quotes
    grouped = quotes[quotes["shown_role"] != quotes["speaker_role"]]
    assert len(grouped)
    assert (grouped["kommunekode"] != "").all(), list(grouped["quote_id"])
