"""Issue 22, item 4 (and issue 21, #2: "a page never claims more than its cards do"): the legend over an ingredient
page's quotes said a card shows "en bredere gruppe af roller, når citatet er knyttet til en kommune", that a card says
"rolle ikke angivet" and that it names who made a link that is not the report's, on pages where no card did any of it.
Each clause now stands exactly where a card of that page bears it out."""

from __future__ import annotations

from bs4 import BeautifulSoup

from kulturensrige.data.loading import Dataset
from kulturensrige.data.schema import NOT_STATED
from kulturensrige.render import cards
from kulturensrige.rules import filters
from support.checks import each

GROUPED = "en bredere gruppe af roller"
# "rolle ikke angivet", or a kind's own word for it, "skribent ikke angivet" (reading 24, F12): the legend names those
# its cards show.
UNNAMED = "ikke nævner taleren, står der „"
LINKS = "er koblingen til ingrediensen ikke rapportens egen"


def _said(data: Dataset, ingredient_id: str) -> str:
    return " ".join(BeautifulSoup(cards.quote_list_legend(data, ingredient_id).markup, "html.parser").get_text(" ").split())


def _claims_match_the_cards(data: Dataset) -> list[tuple[str, str, bool, bool]]:
    """(ingredient, clause, said, borne out by a card) for every clause of every ingredient page's legend."""
    found = []
    for ingredient in data.ingredients["ingredient_id"]:
        quotes = filters.quotes(data, filters.QuoteFilter(ingredient_id=ingredient))
        said = _said(data, ingredient)
        found += [
            (ingredient, GROUPED, GROUPED in said, bool((quotes["shown_role"] != quotes["speaker_role"]).any())),
            (ingredient, UNNAMED, UNNAMED in said, bool((quotes["shown_role"] == NOT_STATED).any())),
            # ADR 100: never in the report's folder, where the card's own line says whose its tie is.
            (ingredient, LINKS, LINKS in said, False),
        ]
    return found


def test_each_ingredient_pages_legend_claims_a_group_of_roles_an_unnamed_speaker_or_an_editors_link_only_where_a_card_shows_it(data):
    for ingredient, clause, said, shown in each(_claims_match_the_cards(data)):
        assert said == shown, (ingredient, clause, said, shown)
    # The report's data tie no quote, so no card shows a group of roles: no page says one might.
    assert not any(said for _, clause, said, _ in _claims_match_the_cards(data) if clause == GROUPED)


def test_where_a_card_shows_a_group_of_roles_its_pages_legend_says_so_and_links_the_rule(tied_data):
    claims = _claims_match_the_cards(tied_data)
    for ingredient, clause, said, shown in each(claims):
        assert said == shown, (ingredient, clause, said, shown)
    grouped = [ingredient for ingredient, clause, said, _ in claims if clause == GROUPED and said]
    assert grouped
    for ingredient in grouped:
        link = BeautifulSoup(cards.quote_list_legend(tied_data, ingredient).markup, "html.parser").find("a", string="Data og genkørsel")
        assert link is not None and link["href"].endswith("#anonymitet-rolle-og-kommune-sammen"), ingredient
