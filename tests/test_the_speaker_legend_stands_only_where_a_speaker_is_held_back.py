"""'„(red.)“ efter en taler: redaktionens inddeling; rapporten nævner rollen, som bogen udelader' stood in the key of
nine pages and in the whole-book PDF, though no card in the report's data shows a category in place of a role (the
s22 reading, #8). The line stands only where a card on the page holds its speaker back."""

from __future__ import annotations

import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

from kulturensrige.book import extension
from kulturensrige.data import provenance
from kulturensrige.render import cards
from support.checks import each
from test_pdf import report_site  # noqa: F401 (the fixture: the built book with its PDFs, made once per run)

SPEAKER_LINE = "efter en taler:"


def test_the_speaker_key_is_given_only_for_a_page_whose_cards_hold_a_speaker_back(data, tied_data):
    shown = cards.quote_list(data, data.quotes).markup
    assert 'class="kr-speaker"' in shown
    assert extension._speaker_key(SimpleNamespace(kr_data=data), shown) == ""
    held = tied_data.quotes[tied_data.quotes["shown_role"] != tied_data.quotes["speaker_role"]]
    assert len(held)
    app = SimpleNamespace(kr_data=tied_data)
    assert extension._speaker_key(app, cards.quote_list(tied_data, held).markup) == provenance.category_key(tied_data.options)
    kept = tied_data.quotes[tied_data.quotes["shown_role"] == tied_data.quotes["speaker_role"]].head(3)
    assert extension._speaker_key(app, cards.quote_list(tied_data, kept).markup) == ""


@pytest.mark.build
def test_no_page_or_pdf_of_the_reports_book_explains_a_held_back_speaker(report_site: Path, data):  # noqa: F811
    assert not (data.quotes["shown_role"] != data.quotes["speaker_role"]).any()
    pages = [p for p in report_site.rglob("*.html") if not {"_static", "_sources"} & set(p.relative_to(report_site).parts)]
    keyed = 0
    for page in each(pages):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        key = soup.select_one("#kr-noegle")
        keyed += key is not None
        assert key is None or SPEAKER_LINE not in key.get_text(), page.relative_to(report_site)
    assert keyed  # the pages still have their key for the other marks
    whole = subprocess.run(["pdftotext", str(report_site / "pdf" / "kulturens-rige.pdf"), "-"], capture_output=True, text=True, check=True)
    assert SPEAKER_LINE not in " ".join(whole.stdout.split())
