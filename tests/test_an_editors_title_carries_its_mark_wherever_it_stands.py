"""Reading s23, F1: on three profiles (Egedal, Høje-Taastrup, Aarhus) every title is the editors', so the block's note
said it once and the cards stood bare, while Køge's and Rudersdal's carried "(red.)"; the whole-book PDF printed those
cards bare and "Indsatser (redaktionens titel)" over the side-by-side columns, which read as if the heading were the
editors'; the editions printed "(redaktionens titel)" after each. Three wordings for one thing: now one rule (ADR 61),
an editors' title carries its mark after it wherever it stands, "(red.)" on a page and its words in every PDF. Since ADR 81
the PDFs print the page's "(red.)" too (provenance.printed_mark), keyed once per chapter: spelled out, the words stood in
running sentences ("… bænk (redaktionens titel)) er ingen målgrupper", reader 25 r2, #3)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kulturensrige import load
from kulturensrige.data import provenance
from kulturensrige.edition import editions
from kulturensrige.render import cards, comparison
from kulturensrige.rules import filters
from support.checks import each
from test_pdf import REPO, pdf_text, squeeze
from test_pdf import report_site as report_site  # the fixture: the built book with its PDFs, printed once per run

SHORT = re.compile(r"(?<![»„])\(red\.\)")


def test_every_editors_title_carries_its_mark_on_its_card_and_side_by_side(data):
    columns = BeautifulSoup(str(comparison.compare_view(data)), "html.parser")
    assert not [h.get_text() for h in columns.select("h4") if SHORT.search(h.get_text())]
    for code in each(list(data.municipalities["kommunekode"])):
        soup = BeautifulSoup(str(cards.initiative_list(data, code)), "html.parser")
        for row in each(list(filters.initiatives(data, code).itertuples())):
            title = soup.select_one(f"#indsats-{row.initiative_id} .kr-card-title").get_text()
            assert len(SHORT.findall(title)) == (row.title_basis == "inferred"), (code, title)
            item = next(li for li in columns.select(f"[data-compare='{code}'] ul li") if row.title in li.get_text().replace("\u00ad", ""))
            assert bool(SHORT.search(item.get_text())) == (row.title_basis == "inferred"), item.get_text()
            printed = next(i["title"] for i in editions.initiative_items(data, code) if i["id"] == row.initiative_id)
            assert printed.endswith(")") == (row.title_basis == "inferred"), printed


def unmarked_titles(site: Path) -> list[str]:
    """Each editors' title the whole-book PDF or an edition prints without its mark after it, or a heading marked."""
    data, found = load(REPO / "data"), []
    # A heading never carries the title's words; a title carries the printed mark (provenance.printed_mark, ADR 81).
    words = squeeze(provenance.owner_mark(provenance.value_label(data.options, cards.TITLE_VALUE)))
    full = squeeze(provenance.printed_mark(data.options, cards.TITLE_VALUE))
    texts = {"kulturens-rige": pdf_text(site / "pdf" / "kulturens-rige.pdf", "Kulturens Rige")}
    for row in data.municipalities.itertuples():
        texts[row.slug] = pdf_text(site / "pdf" / f"kulturens-rige-{row.slug}.pdf", f"Kulturens Rige – {row.name}")
    for name, text in texts.items():
        found += [f"{name}: a heading marked" for _ in re.finditer("Indsatser" + re.escape(words), text)]
        for title in data.initiatives.loc[data.initiatives["title_basis"] == "inferred", "title"]:
            bare = text.count(squeeze(title)) - text.count(squeeze(title) + full)
            found += [f"{name}: {title} printed {bare}× without its mark"] if bare else []
    return found


@pytest.mark.build
@pytest.mark.long
def test_every_pdf_prints_an_editors_titles_words_after_it_each_time(report_site: Path):
    assert not unmarked_titles(report_site)
