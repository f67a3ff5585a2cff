"""Reading s23, F4: "Ordveksling" is the report's own word at one exchange (Fælles fundamenter, »I følgende
ordveksling«) and the editors' label at the two in Gnist og flamme. Gnist og flamme's list said once, after its cards,
that its „Ordveksling“ was the editors', so its cards, on the page and in the whole-book PDF, looked exactly like the
report's; only the editions marked them. A kind whose word the data also give a kind of the report's keeps its mark
on every card, wherever it stands: "(red.)" on a page, "(redaktionens betegnelse)" in every PDF."""

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


def test_every_list_marks_each_editors_card_of_a_shared_word_and_never_says_it_once(data):
    shared, marked = _shared_words(data), 0
    for ingredient in each(list(data.ingredients["ingredient_id"])):
        quotes = data.quotes[data.quotes["ingredient_ids"].map(lambda ids, i=ingredient: i in ids)]
        soup = BeautifulSoup(str(cards.quote_list(data, quotes)), "html.parser")
        for word, editors in shared.items():
            for note in soup.select(".kr-whose-note"):
                assert f"„{word}“" not in note.get_text(), (ingredient, note.get_text()[:100])
            for group in cards.group_records(quotes):
                card = soup.select_one(f"[data-quotes='{' '.join(r['quote_id'] for r in group)}']")
                said = card.get_text(" ", strip=True) if card is not None else ""
                if word in said:
                    assert (f"{word} (red.)" in said) == (group[0]["kind"] in editors), (ingredient, said[-120:])
                    marked += group[0]["kind"] in editors
    editors_cards = [g for g in cards.group_records(data.quotes) if any(g[0]["kind"] in e for e in shared.values())]
    assert marked >= len(editors_cards) > 0


def bare_words(site: Path) -> list[str]:
    """Each printed card whose shared word stands bare though its kind is the editors' (REPO's data)."""
    data, found = load(REPO / "data"), []
    shared = _shared_words(data)
    full = squeeze(provenance.owner_mark(provenance.value_label(data.options, "quote_kinds.label_source")))
    # The speaker line of each exchange of the report's kind, as a card prints it: the only bare use of the word.
    reports = [
        squeeze(" · ".join(cards.speaker_line(data, g)[:2]))
        for g in cards.group_records(data.quotes)
        if g[0]["kind"] in set(data.tables["quote_kinds"].loc[data.tables["quote_kinds"]["label_source"] == "", "quote_kind_id"])
    ]
    texts = {"kulturens-rige": pdf_text(site / "pdf" / "kulturens-rige.pdf", "Kulturens Rige")}
    for row in data.municipalities.itertuples():
        texts[row.slug] = pdf_text(site / "pdf" / f"kulturens-rige-{row.slug}.pdf", f"Kulturens Rige – {row.name}")
    for name, text in texts.items():
        for word in shared:
            if name == "kulturens-rige" and squeeze(word) + full not in text:
                found.append(f"{name}: no {word} with its mark spelled out")
            at = 0
            while (at := text.find(squeeze(word), at) + 1) > 0:
                after = text[at - 1 :]
                if after.startswith(squeeze(word) + "·") and not any(after.startswith(r) for r in reports):
                    found.append(f"{name}: …{after[:60]}")
                if after.startswith(squeeze(f"„{word}“")) or text[at - 2] == "„":
                    found.append(f"{name}: said once …{text[at - 40 : at + 40]}")
    return found


@pytest.mark.build
@pytest.mark.long
def test_every_pdf_marks_each_editors_card_of_a_shared_word(report_site: Path):
    assert not bare_words(report_site)
