"""The s26 line-by-line reading (reading26), findings 5, 6 and 10: one thing the report says stood in two wordings,
one of them not the report's: Aarhus' courses were to »udvikle« the children's empathy (the summary said „styrke“);
Egedal's workshop was »udviklet og etableret … sammen med en gruppe mænd« (the outcome said „sat i gang“, the card
„nogle mænd“); the orchestra is Danmarks Underholdningsorkester (the book's own words said „Underholdningsorkestret“,
a participant's word in a quotation). Every text of the data folder the book shows is read, outside the quotations."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from bs4 import BeautifulSoup

from kulturensrige.data import provenance
from kulturensrige.data.schema import NOT_STATED
from kulturensrige.edition import editions
from kulturensrige.render import cards, comparison
from kulturensrige.rules import filters
from report_source import collapse, repair_hyphenation
from support.checks import each

# Each: the report's words (found in its text by the test), and a pattern for every telling of the same thing in the
# book's own words, which must keep the report's word.
RETOLD = {
    "aarhus-purpose": ("formål at arbejde med at udvikle børnenes empati", r"\w+ børnenes empati", "udvikle børnenes empati"),
    "egedal-workshop-made": ("er udviklet og etableret i et kulturhus", r"udviklet og \w+", "udviklet og etableret"),
    "egedal-workshop-with": ("sammen med en gruppe mænd, der nyligt", r"sammen med \w+( \w+)? mænd", "sammen med en gruppe mænd"),
}


def _own_words(data) -> Iterator[tuple[str, str, str]]:
    """(table, column, cell) for every text the book tells in its own words: all but the quotations' verbatim text."""
    for name, frame in data.tables.items():
        for column in frame.columns:
            if (name, column) == ("quotes", "text"):
                continue
            for cell in frame[column]:
                if isinstance(cell, str):
                    yield name, column, cell


@pytest.mark.parametrize("thing", list(RETOLD))
def test_a_thing_the_report_says_keeps_the_reports_word_in_every_retelling(data, report_text: str, thing: str):
    reports_words, telling, kept = RETOLD[thing]
    assert reports_words in collapse(repair_hyphenation(report_text))
    told = [(name, column, m.group(0)) for name, column, cell in _own_words(data) for m in re.finditer(telling, cell)]
    assert told, thing
    assert [t for t in told if t[2] != kept] == []


def test_the_books_own_words_name_the_orchestra_as_the_report_does(data, report_text: str):
    report = collapse(repair_hyphenation(report_text))
    assert "musikalske og kreative indspark ved Danmarks Underholdningsorkester" in report
    # A participant's own word, quoted in »…« beside the book's name for the orchestra (reading26r2 #13), is the
    # report's, not the book's: only the words outside guillemets are the book's own.
    named = [
        (name, column, m.group(0))
        for name, column, cell in _own_words(data)
        for m in re.finditer(r"(\w+ )?Underholdningsorkest\w*", re.sub(r"»[^«]*«", "", cell))
    ]
    assert named
    assert [n for n in named if n[2] != "Danmarks Underholdningsorkester"] == []


def test_an_initiatives_fact_the_report_leaves_out_reads_alike_on_its_card_and_in_its_edition(data):
    """Reading26, #3 (in part): a card's facts the report leaves out read „Ikke angivet i rapporten: målgrupper.“ on
    the page, but „Målgrupper ikke angivet“ in the municipality's PDF edition, as if the data were missing. The
    edition says it in the card's words (provenance.Words.not_stated), and no fact of it stands as a bare 'ikke angivet'."""
    said = provenance.folder_words(data.options).not_stated
    checked = 0
    for code in each(list(data.municipalities["kommunekode"])):
        printed = {item["id"]: dict(item["facts"]) for item in editions.initiative_items(data, code)}
        for row in filters.initiatives(data, code).itertuples():
            card = cards.initiative_card(data, row)
            unstated = card.get("unstated", [])
            if unstated:
                assert card["unstated_line"].startswith(f"{said[0].upper()}{said[1:]}: "), row.initiative_id
            for label in unstated:
                checked += 1
                # Gang i gården goes on with the purpose its description gives (cards.purpose_instead_of_groups).
                assert str(printed[row.initiative_id][label]).startswith(said), (row.initiative_id, label)
            assert NOT_STATED not in [str(v) for v in printed[row.initiative_id].values()], row.initiative_id
    assert checked


def test_the_side_by_side_view_says_a_list_the_report_leaves_out_in_the_cards_words(data):
    """Reading26, #3 (in part): side by side, Guldborgsund's target groups, art forms and places read a bare „ikke
    angivet“ where its cards say „Ikke angivet i rapporten: …“."""
    said = provenance.folder_words(data.options).not_stated
    shown = BeautifulSoup(str(comparison.compare_view(data)), "html.parser")
    items = [li.get_text(" ", strip=True).replace("\xad", "") for li in shown.select("li")]
    assert said in items
    assert NOT_STATED not in items
