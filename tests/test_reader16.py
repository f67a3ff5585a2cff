"""A sixteenth reader's review (phone and desktop, light and dark): what it found that the lead fixed on main."""

from __future__ import annotations

from bs4 import BeautifulSoup

from kulturensrige.render import cards, lists
from support.checks import each


def test_an_ingredients_definition_sets_whose_words_they_are_in_light_type_beside_them(data):
    """Reader 16, #4: "(redaktionens gengivelse)" closed the ingredient's lead paragraph in body type, one more label
    to read past. It stands in the light type (.kr-by) a card's source has, on the ingredient's page and the overview."""
    overview = BeautifulSoup(lists.ingredient_cards(data).markup, "html.parser")
    for row in each(list(data.ingredients.itertuples())):
        definition = lists.short_definition(data, row)
        assert isinstance(definition, cards.Sourced), row.ingredient_id
        lead = BeautifulSoup(lists.ingredient_description(data, row.ingredient_id).markup, "html.parser").select_one("p.kr-lead")
        assert lead is not None and lead.get_text() == str(definition)
        mark = lead.select_one(".kr-by")
        assert mark is not None and mark.get_text() == definition.owner
    marks = [m.get_text() for m in overview.select("article.kr-ingredient-card > p > .kr-by")]
    assert len(marks) == len(data.ingredients)
