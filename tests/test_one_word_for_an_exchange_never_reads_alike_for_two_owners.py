"""Reading s23, F4: "Ordveksling" is the report's own word at one exchange (Fælles fundamenter, »I følgende
ordveksling«) and the editors' label at the two in Gnist og flamme. ADR 61 marked each editors' card "Ordveksling
(red.)"; reading s24, F2 found that inline mark beside a bare, equally editorial "Interviewcitat", and ADR 70 made one
rule for every label: no card's kind carries a mark; the note after each list names the editors' words its own cards
carry. So the one word still never reads alike for two owners: Gnist og flamme's note names „Ordveksling“ as the
editors', Fælles fundamenter's does not, and a list that holds both names the editors' cards by their speakers
(this file's expectations changed with ADR 70: the note, not a mark on the card, says it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kulturensrige import load
from kulturensrige.data import provenance
from kulturensrige.render import cards
from support.checks import each
from test_pdf import REPO, pdf_text, squeeze
from test_pdf import report_site as report_site  # the fixture: the built book with its PDFs, printed once per run


def _shared_words(data) -> dict[str, set[str]]:
    """Each word that names a kind of the report's and a kind of the editors' -> the editors' kinds it names."""
    kinds = data.tables["quote_kinds"]
    report = set(kinds.loc[kinds["label_source"] == "", "label"])
    editors = kinds[(kinds["label_source"] == "redaktionen") & kinds["label"].isin(report)]
    return {word: set(group["quote_kind_id"]) for word, group in editors.groupby("label")}


def test_the_data_give_one_word_to_a_kind_of_each_owner(data):
    assert set(_shared_words(data)) == {"Ordveksling"}


def test_every_list_names_the_shared_word_as_the_editors_exactly_where_its_cards_are_the_editors(data):
    shared = _shared_words(data)
    for ingredient in each(list(data.ingredients["ingredient_id"])):
        quotes = data.quotes[data.quotes["ingredient_ids"].map(lambda ids, i=ingredient: i in ids)]
        soup = BeautifulSoup(str(cards.quote_list(data, quotes)), "html.parser")
        notes = " ".join(note.get_text(" ") for note in soup.select(".kr-whose-note"))
        for word, editors in shared.items():
            for card in soup.select(".kr-kind"):
                assert "(red.)" not in card.get_text(), (ingredient, card.get_text())
            editors_cards = [g for g in cards.group_records(quotes) if g[0]["kind"] in editors]
            assert (f"„{word}“" in notes) == bool(editors_cards), (ingredient, notes[:120])


def bare_words(site: Path) -> list[str]:
    """Each PDF where the shared word carries a mark on a card, or where an editors' card of the word stands in a
    list whose note does not name it (REPO's data)."""
    data, found = load(REPO / "data"), []
    shared = _shared_words(data)
    full = squeeze(provenance.owner_mark(provenance.value_label(data.options, "quote_kinds.label_source")))
    texts = {"kulturens-rige": pdf_text(site / "pdf" / "kulturens-rige.pdf", "Kulturens Rige")}
    for row in data.municipalities.itertuples():
        texts[row.slug] = pdf_text(site / "pdf" / f"kulturens-rige-{row.slug}.pdf", f"Kulturens Rige – {row.name}")
    for name, text in texts.items():
        for word in shared:
            if squeeze(word) + full in text:
                found.append(f"{name}: {word} marked on a card")
            if squeeze(f"„{word}“") not in text:
                found.append(f"{name}: no note names „{word}“ as the editors'")
    return found


@pytest.mark.build
@pytest.mark.long
def test_no_pdf_marks_the_shared_word_on_a_card_and_each_names_it_in_a_note(report_site: Path):
    assert not bare_words(report_site)
