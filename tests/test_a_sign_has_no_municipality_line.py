"""A sign has no municipality to leave unstated (the s19 brief, item 2).

The sign on Arken (»Where do we go from here?«, afsluttende betragtninger) showed »Kommune: ikke angivet i rapporten«
as if it were a speaker's quote whose municipality the report left out.
"""

from __future__ import annotations

import re

from kulturensrige.render import cards
from report_source import collapse, repair_hyphenation
from support.checks import each


def _signs(data):
    kinds = data.tables["quote_kinds"]
    return data.quotes[data.quotes["kind"].isin(kinds.loc[kinds["without_speaker"] == "ja", "quote_kind_id"])]


def test_a_sign_has_no_municipality_line_and_says_where_it_stood_in_the_reports_words(data, report_text: str):
    """The sign on Arken showed 'Kommune: ikke angivet i rapporten' as if a speaker's municipality were left out: a
    sign has none. Its card and its edition item have no municipality line, and say where it stood in the report's
    words (»regnbueskiltet på Arken«); decided by its kind (quote_kinds.without_speaker), not its id."""
    from kulturensrige.edition import editions

    report = collapse(repair_hyphenation(report_text))
    for group in each(cards.group_turns(_signs(data))):
        first = group.iloc[0]
        role = first["speaker_role"]
        assert collapse(role[:1].lower() + role[1:]) in report and "Arken" in role, role
        context = cards.card_context(data, group)
        assert context["tie"] == "" and context["kommune"] is None and first["speaker_role"] in context["speaker"]
        card = cards.quote_card(data, group)
        assert "Kommune:" not in card, card
        item = editions.quote_item(data, group)
        page = editions.environment().get_template("macros.html").module.quote(item)  # type: ignore[attr-defined]
        assert "Kommune:" not in str(page) and "litteraturen" not in str(page), page


def test_an_untied_quote_with_a_speaker_keeps_its_line_where_the_data_tie_some(tied_data):
    # The report leaves that speaker's municipality unstated. Where the data tie none, no card has the line
    # (views.has_tie_line; the page says it once).
    untied = tied_data.quotes[(tied_data.quotes["kind"] == "interview") & (tied_data.quotes["kommunekode"] == "")]
    assert "Kommune: " in cards.quote_card(tied_data, untied.head(1))


def test_a_signs_line_is_a_plain_label_and_no_clause_of_the_report_stands_unquoted_in_it(data, report_text: str):
    """Reading 21, #3: the card's line was the report's ungrammatical clause "regnbueskiltet på Arken, hvor fjerde
    fælles workshops … blev afholdt" (L786), shown as the book's own label without quotation marks. The line is a
    plain label (the report's own words for the sign, capitalised as every card's line is); any longer words of the
    report would stand in »…«."""
    report = collapse(repair_hyphenation(report_text))
    for group in each(cards.group_turns(_signs(data))):
        speaker = cards.card_context(data, group)["speaker"].removeprefix(" · ")
        unquoted = re.sub(r"»[^«]*«", "", speaker)
        assert speaker[:1].isupper(), speaker
        assert "," not in unquoted and "blev afholdt" not in unquoted and "workshops" not in unquoted, speaker
        assert all(collapse(q) in report for q in re.findall(r"»([^«]*)«", speaker)), speaker
