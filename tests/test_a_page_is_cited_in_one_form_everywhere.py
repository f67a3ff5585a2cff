"""The s23 reading, #4: "(Jensen 2022, s. 24)" in the text of Værdiskabelser, "Jensen 2022: 24" under the same
quotation's card, in the PDFs and in quotes.csv. One form everywhere, the report's ("(Jensen 2022: 24)"): the data's
captions as the report prints them, and the in-text citations' style puts the same separator (words.PAGE_SEP)
between a work and its page, so a notebook gives the page bare: {cite:p}`jensen2022{24}`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from support.checks import each

REPO = Path(__file__).resolve().parent.parent
# The report's form: "(Jensen 2022: 24)" (its text and its caption of the quotation).
PAGE_SEP = ": "
# A citation's text after its key, in braces: {cite:p}`key{post}` (sphinxcontrib-bibtex).
POST_TEXT = re.compile(r"\{cite:[pt]\}`[^`]*?\{([^}]*)\}`")
# A page cited the other way: "2022, s. 24", "2022, p. 24".
OTHER_FORM = re.compile(r"\d{4}, (?:s|p)\. ?\d")


def _sources() -> dict[str, str]:
    texts = {}
    for notebook in sorted((REPO / "book").rglob("*.ipynb")):
        if "_build" not in notebook.parts:
            cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
            texts[notebook.name] = "".join("".join(c["source"]) for c in cells)
    return texts


def test_a_citation_in_the_books_text_gives_its_page_bare_and_the_style_writes_the_reports_form():
    from kulturensrige import words
    from kulturensrige.book.bibliography import DanishAuthorYearStyle

    assert DanishAuthorYearStyle().post_text_sep == getattr(words, "PAGE_SEP", None) == PAGE_SEP
    posts = [(name, post) for name, text in _sources().items() for post in POST_TEXT.findall(text)]
    for name, post in each(posts):
        assert post.isdigit(), (name, post)


def test_the_data_cite_a_page_in_the_reports_form(data, report_text: str):
    works = dict(zip(data.references["reference_key"], data.references["citation"], strict=True))
    literature = data.quotes[data.quotes["reference_key"] != ""]
    paged = [q for q in literature.itertuples() if q.caption != works[q.reference_key]]
    for quote in each(paged):
        work, sep, page = quote.caption.partition(PAGE_SEP)
        assert (work, sep) == (works[quote.reference_key], PAGE_SEP) and page.isdigit(), quote.caption
        assert f"({quote.caption})" in report_text, quote.caption


@pytest.mark.build
def test_no_page_of_the_built_book_cites_a_page_another_way(built_site: Path):
    pages = [p for p in sorted(built_site.rglob("*.html")) if not {"_static", "_sources"} & set(p.relative_to(built_site).parts)]
    for page in each(pages):
        text = " ".join(BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").get_text(" ").split())
        assert not OTHER_FORM.search(text), (page.name, OTHER_FORM.findall(text))
    shown = " ".join(BeautifulSoup((built_site / "vaerdiskabelser.html").read_text(encoding="utf-8"), "html.parser").get_text().split())
    assert "projekt« (Jensen 2022: 24)" in shown
