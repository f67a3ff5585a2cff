"""Issue 21, left by words26: „foreningen af mænd bag genbrugsværkstedet“ on Egedal's card is the editors' name for a
group the report gives no name (»en gruppe mænd, der nyligt har etableret sig som forening«), but it stood bare, as
the report's names stand. Every organisation whose name_in_report is empty is marked as the editors' titles are
with the short mark '(red.)' (ADR 81), on the card and in the text a PDF edition prints."""

from __future__ import annotations

from bs4 import BeautifulSoup

from kulturensrige.data import provenance
from kulturensrige.render import cards
from support.checks import each


def test_an_organisation_the_report_gives_no_name_carries_the_editors_title_mark_on_its_card_and_in_its_edition(data):
    mark = provenance.page_mark(provenance.value_label(data.options, cards.TITLE_VALUE))
    assert mark == "(red.)"
    unnamed = data.organisations[data.organisations["name_in_report"] == ""]
    assert "foreningen af mænd bag genbrugsværkstedet" in set(unnamed["name"])
    for org in each(list(unnamed.itertuples())):
        text, parts = cards.organisation_names(data, (org.organisation_id,))
        assert text == f"{org.name} {mark}", org.organisation_id
        assert parts == ((org.name, mark),), org.organisation_id
        shown = data.initiatives[data.initiatives["organisation_ids"].map(lambda ids, o=org: o.organisation_id in ids)]
        for kommunekode in set(shown["kommunekode"]):
            page = BeautifulSoup(str(cards.initiative_list(data, kommunekode)), "html.parser").get_text(" ")
            assert f"{org.name} {mark}" in " ".join(page.split()), (org.organisation_id, kommunekode)
