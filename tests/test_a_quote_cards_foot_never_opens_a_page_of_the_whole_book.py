"""Reader32, #7: the whole book's p. 29 opened with a Værdiskabelser quote card's „Koblingen til ingrediensen …“ box,
its quote on p. 28. A card that breaks keeps its foot (speaker, ingredients and their tie) with the quote's last lines
(edition.css, .kr-card-breaks): no page opens with a card's foot."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from kulturensrige.edition import editions
from test_pdf import report_site  # noqa: F401 (the fixture: the built book with its PDFs, made once per run)

# The first line of a quote card's foot: its tie to an ingredient (cards' summary line).
FOOT = "Koblingen til ingrediens"


def pages_opening_with_a_cards_foot(path: Path) -> list[int]:
    """The pages of a PDF whose first line of text is a quote card's tie line."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout
    firsts = [next((line.strip() for line in page.splitlines() if line.strip()), "") for page in text.split("\f")]
    return [n for n, first in enumerate(firsts, start=1) if first.startswith(FOOT)]


@pytest.mark.build
def test_no_page_of_the_whole_book_opens_with_a_quote_cards_foot(report_site: Path):  # noqa: F811
    assert pages_opening_with_a_cards_foot(report_site / "pdf" / editions.file_name()) == []
