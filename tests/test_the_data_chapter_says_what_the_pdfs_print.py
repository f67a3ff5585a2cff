"""Issue 22 (marks22): the data chapter said "i PDF'erne står den fulde [ordlyd] efter værdien, fx „(redaktionens
titel)“", while the municipal editions printed "(red.)" after every title the editors gave. The chapter's sentence is
now one wording from the package (provenance.printed_marks), and the PDFs do what it says. Since ADR 81 (reader 25 r2,
#3: "… bænk (redaktionens titel)) er ingen målgrupper", sixty "redaktionens" in Køge's sixteen pages) the PDFs print
the page's short mark after an editors' title, and each PDF that prints one keys it once per chapter in its words
(provenance.mark_key, the same words the downloads' basis column gives: 'redaktionens titel')."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kulturensrige import load
from kulturensrige.data import provenance
from kulturensrige.render import cards
from support.checks import each
from test_pdf import REPO, pdf_text, squeeze
from test_pdf import report_site as report_site  # the fixture: the built book with its PDFs, printed once per run

# The short mark as a value's mark, not named in a sentence („(red.)“, »(red.)«).
SHORT = re.compile(r"(?<![»„])" + re.escape(squeeze(provenance.owner_mark(provenance.EDITORS_SHORT))))


def problems(site: Path) -> list[str]:
    """What the chapter says of the PDFs that they do not do, in the site's built chapter and printed PDFs."""
    data, found = load(REPO / "data"), []
    chapter = BeautifulSoup((site / "om-data" / "genkoersel.html").read_text(encoding="utf-8"), "html.parser")
    if provenance.printed_marks() not in " ".join(chapter.get_text(" ").split()):
        found.append("the chapter does not say provenance.printed_marks()")
    full = squeeze(provenance.owner_mark(provenance.value_label(data.options, cards.TITLE_VALUE)))
    short = squeeze(provenance.owner_mark(provenance.EDITORS_SHORT))
    # The chapter's key: „(red.)“ efter en titel: redaktionens titel; … (it may go on with a diagram's entry).
    key = squeeze(provenance.mark_key((provenance.TITLE_KEY, provenance.value_label(data.options, cards.TITLE_VALUE)))[:-1])
    whole = pdf_text(site / "pdf" / "kulturens-rige.pdf", "Kulturens Rige")
    for row in each(list(data.municipalities.itertuples())):
        text = pdf_text(site / "pdf" / f"kulturens-rige-{row.slug}.pdf", f"Kulturens Rige – {row.name}")
        mine = data.initiatives[(data.initiatives["kommunekode"] == row.kommunekode) & (data.initiatives["title_basis"] == "inferred")]
        found += [f"{row.name}: {title} without the short mark" for title in mine["title"] if squeeze(title) + short not in text]
        found += [f"{row.name}: the title key is not printed" for _ in mine["title"][:1] if key not in text]
        found += [f"{row.name}: a title spelled {full}" for _ in range(text.count(full))]
    found += [f"the whole book: a title spelled {full}" for _ in range(whole.count(full))]
    if SHORT.search(whole) and squeeze(provenance.page_key()) not in whole:
        found.append("the whole book prints (red.) without the key")
    return found


@pytest.mark.build
@pytest.mark.long
def test_the_data_chapter_says_what_the_pdfs_print_and_they_print_it(report_site: Path):
    assert not problems(report_site)
