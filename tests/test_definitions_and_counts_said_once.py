"""A sixteenth reader's review (phone and desktop, light and dark): what it found that the lead fixed on main."""

from __future__ import annotations

from bs4 import BeautifulSoup

from kulturensrige.data import provenance
from kulturensrige.render import cards, highlight, lists
from kulturensrige.rules import views
from support.checks import each


def test_an_ingredients_definition_and_description_stand_bare_under_the_pages_rule(data):
    """Reader 16, #4 set "(redaktionens gengivelse)" in light type beside the definition. ADR 70 (reading s24, F5)
    changed the expectation: the page says once, under its title, that its text is the editors' retelling
    (provenance.retelling_rule), so an ingredient's definition and description carry no mark, on its page and on the
    overview, and the overview has no note about them."""
    overview = BeautifulSoup(lists.ingredient_cards(data).markup, "html.parser")
    for row in each(list(data.ingredients.itertuples())):
        assert not isinstance(lists.short_definition(data, row), cards.Sourced), row.ingredient_id
        page = BeautifulSoup(lists.ingredient_description(data, row.ingredient_id).markup, "html.parser")
        assert page.select_one("p.kr-lead").get_text() == row.short_description
        assert not page.select(".kr-by"), row.ingredient_id
    assert not overview.select(".kr-by")
    assert provenance.is_retelling(data.options, "ingredients.short_description")


def test_with_inferred_ties_hidden_a_profile_says_how_many_it_leaves_out_and_how_to_show_them(tied_data):
    """Reader 16, #3: with the inferred ties switched off, Egedal's page still showed its one inferred quote under a
    line that said nothing of it. Since ADR 33 the page leaves them out with the switch off, as every page does; its
    line says how many there are and how to show them. With none the line is the same in both positions."""
    sentences = highlight.page_sentences(tied_data)
    inferred = tied_data.quotes[(tied_data.quotes["attribution"] == "inferred") & (tied_data.quotes["reference_key"] == "")]
    counts = inferred["kommunekode"].value_counts()
    assert len(counts) and len(counts) < len(tied_data.municipalities)
    for row in each(list(tied_data.municipalities.itertuples())):
        on, off = (sentences[views.state_key(row.kommunekode, shown)]["profile"] for shown in (True, False))
        n = int(counts.get(row.kommunekode, 0))
        if n:
            assert on.endswith(f"også {views.QUOTE.count(n)} med en kommune udledt af redaktionen.")
            assert off == (
                f"Siden handler om {row.name}; {views.QUOTE.count(n)} med en kommune udledt af redaktionen vises, "
                "når du slår „Medtag udledte tilknytninger“ til."
            )
        else:
            assert off == on == f"Siden handler om {row.name} og viser alt, hvad bogen ved om kommunen."


def test_an_ingredient_card_says_its_count_once(data):
    """Reader 17: each ingredient card said '9 citater underbygger ingrediensen' and then 'Rapporten bruger 9 citater
    til at underbygge ingrediensen.' Reader 26 (#9): the total then stood on the one card where two sources add up to
    it. Every card gives its total, and its tie line each source's share without the count again."""
    overview = BeautifulSoup(lists.ingredient_cards(data).markup, "html.parser")
    cards_ = overview.select("article.kr-ingredient-card")
    assert len(cards_) == len(data.ingredients)
    for card in each(cards_):
        tie = card.select_one(".kr-ingredient-tie").get_text()
        total = card.select_one(".kr-card-kicker").get_text()
        assert ("dem alle" in tie) == (";" not in tie) and total.split()[0] not in tie, (total, tie)
    assert any(";" in card.select_one(".kr-ingredient-tie").get_text() for card in cards_)  # the mixed case is in the data
