"""Reader review 21, #1: on afsluttende-betragtninger with Aarhus chosen, "… det spørgsmål, kapitlet tager
udgangspunkt i:" was followed by two bold lines, "Rapporten knytter ingen citater til nogen kommune." and "1 citat
uden kommune angivet i rapporten.", and only then by the sign it led to (with no municipality chosen: "1 citat;
rapporten angiver ikke kommunen ved det."): a choice had put its group headings into a
list where the data tie no quote to any municipality, and so had nothing to put first. Such a list stays as it is."""

from __future__ import annotations

from kulturensrige.render import cards
from kulturensrige.rules import views
from support.checks import each


def test_a_quote_list_the_data_tie_none_of_has_no_views_a_choice_could_switch_to(data):
    assert not views.any_tied(data)
    for section in each(data.quotes["section_id"].unique()):
        html = str(cards.quotes_in_section(data, section))
        assert "kr-list-views" not in html and "knytter ingen citater" not in html, section
        assert "angiver ikke kommunen" not in html, section  # nor a count per list: the page says it once


def test_a_quote_list_with_tied_quotes_is_still_arranged_by_the_choice(tied_data):
    assert views.any_tied(tied_data)
    arranged = [str(cards.quotes_in_section(tied_data, s)) for s in tied_data.quotes["section_id"].unique()]
    assert any("kr-list-views" in html for html in arranged)
