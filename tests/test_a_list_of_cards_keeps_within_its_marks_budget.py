"""Issue 22 (marks22): a new reader counted up to 12 "(red.)" on one page (ingredienser/leg-mod-og-laering: one after
every card's kind), which read as noise. A list of cards is one block: where a field is the editors' on every card, the
block says it once, at its end; only a value whose source varies from card to card (an editors' title beside a name
the report gives, a kind whose word names a kind the report gives too, a held-back speaker's category) keeps its own
mark. So each list's marks stay within a budget the data give: one for the block, plus one per card that has such a
value (ADR 55). Since ADR 61 every editors' title and every editors' kind whose word the data also give a kind of the
report's keeps its own mark, whatever the rest of its list is (reading s23, F1 and F4). ADR 70 (reading s24, F2) took
the kind's mark off every card, "Ordveksling" too: a quote list's budget is one plus its held-back speakers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from support.checks import each

SHORT = re.compile(r"(?<![»„])\(red\.\)")
ANALYSTS = ("om-data/", "genindex", "search", "_")


def marks(block: Tag) -> int:
    """The marks a reader sees in a block and the note that follows it (the block's one mark, kr-whose-note)."""
    said = block.get_text(" ")
    following = block.find_next_sibling()
    if following is not None and "kr-whose-note" in following.get("class", []):
        said += following.get_text(" ")
    return len(SHORT.findall(said))


def quote_budget(data, cards: list[Tag]) -> int:
    """One for the list, and one per card whose own value varies: a held-back speaker's category. No card's kind
    carries a mark of its own (ADR 70, which ended ADR 61's mark on an editors' "Ordveksling")."""
    quotes = data.quotes.set_index("quote_id")
    held = [
        bool((quotes.loc[card["data-quotes"].split()]["shown_role"] != quotes.loc[card["data-quotes"].split()]["speaker_role"]).any())
        for card in cards
    ]
    return 1 + sum(held)


def initiative_budget(data, cards: list[Tag]) -> int:
    rows = data.initiatives.set_index("initiative_id").loc[[c["id"].removeprefix("indsats-") for c in cards]]
    inferred = int((rows["title_basis"] == "inferred").sum())
    # An organisation the report gives no name carries an editors' title's mark, (red.), by its name (ADR 81, words26b).
    unnamed = set(data.organisations.loc[data.organisations["name_in_report"] == "", "organisation_id"])
    named_by_editors = sum(len(unnamed & set(ids)) for ids in rows["organisation_ids"])
    # A status the editors read carries its own mark on its card, where the sentence before the cards said it (ADR 100).
    statuses = sum(1 for card in cards for dt in card.select("dt") if dt.get_text(strip=True) == "Status")
    return 1 + inferred + named_by_editors + statuses  # every editors' title keeps its mark (ADR 61)


@pytest.mark.build
def test_every_list_of_cards_says_whose_once_and_marks_only_what_varies_from_card_to_card(built_site: Path, data):
    over = []
    for page in each([p for p in sorted(built_site.rglob("*.html")) if not str(p.relative_to(built_site)).startswith(ANALYSTS)]):
        article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("article.bd-article")
        for gone in article.select("script, template, [popover]"):
            gone.decompose()
        for block in article.select("section.kr-quote-list, section.kr-initiative-list"):
            quote_cards, initiative_cards = block.select("article.kr-quote[data-quotes]"), block.select("article.kr-initiative[id]")
            if not quote_cards and not initiative_cards:
                continue
            budget = quote_budget(data, quote_cards) if quote_cards else initiative_budget(data, initiative_cards)
            if marks(block) > budget:
                over.append((str(page.relative_to(built_site)), marks(block), budget))
    assert not over, over
