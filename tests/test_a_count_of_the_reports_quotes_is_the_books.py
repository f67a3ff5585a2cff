"""The report counts none of its quotes; the book counts them (each reply of an exchange, a line with no speaker and
the field diary count as one each). "Rapporten bruger 9 citater til at underbygge ingrediensen" gave the report the
book's count (the s23 reading, F7): every count of the report's ties says it is the book's, on the ingredient pages, in
the PDF editions, in the figures' notes and on the front page, from the one wording in data/provenance.py."""

from __future__ import annotations

from kulturensrige.data.schema import BY_REPORT
from kulturensrige.edition import editions
from kulturensrige.render import cards, charts, front_page
from kulturensrige.rules import statistics
from support.checks import each


def test_every_count_of_the_reports_ties_is_said_to_be_the_books(data):
    tally = statistics.quote_tally(data)
    for ingredient in each(list(data.ingredients["ingredient_id"])):
        n = tally.by_ingredient_source[ingredient][BY_REPORT]
        said = f"Bogen tæller {n} citater, som rapporten selv knytter til ingrediensen"
        assert cards.ingredient_intro(data, ingredient).startswith(said), ingredient
    for code in each(list(data.municipalities["kommunekode"])):
        for item in each(editions.ingredient_items(data, code)):
            assert item["ties"].startswith("Bogen tæller "), (code, item["ties"])
    told = [charts.ingredient_ties_note(data), *front_page.quote_parts(data)]
    assert any("bogen tæller" in t.casefold() for t in told)
    for text in each(told):
        assert "rapporten bruger 2" not in text.casefold() and "rapporten bruger 3" not in text.casefold(), text
