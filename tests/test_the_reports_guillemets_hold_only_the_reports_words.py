"""»…« marks the report's words: every page's key says so (provenance.page_key). The book used them for its own terms
too (the s22 reading, #5: "kapitlet »Data og genkørsel«", "»Hvem siger det«", »ikke angivet«, »udledt af redaktionen«,
the invented example »bibloteket«); those now stand in „…“, as the key says. Every »…« passage a reader meets on a
built page or in a PDF is found in the report, an ellipsis standing for words left out."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kulturensrige.data import provenance
from report_source import collapse, repair_hyphenation
from support.checks import each
from test_pdf import report_site  # noqa: F401 (the fixture: the built book with its PDFs, made once per run)

GUILLEMETS = re.compile(r"»([^«]*)«")
LEFT_OUT = re.compile(r"\[?…\]?|\.\.\.")


def not_the_reports(text: str, report: str) -> list[str]:
    """The »…« passages in `text` whose words are not the report's (soft hyphens and line breaks repaired)."""
    wrong = []
    for passage in GUILLEMETS.findall(text.replace("\u00ad", "")):
        pieces = [collapse(p).strip(" ,.;:") for p in LEFT_OUT.split(passage)]
        if any(pieces) and not all(p in report for p in pieces if p):
            wrong.append(collapse(passage))
    return wrong


def page_texts(site: Path) -> dict[str, str]:
    texts = {}
    for page in sorted(site.rglob("*.html")):
        if {"_static", "_sources", "pdf"} & set(page.relative_to(site).parts):
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for hidden in soup(["script", "template", "style"]):
            hidden.decompose()
        texts[str(page.relative_to(site))] = soup.get_text(" ")
    return texts


def test_the_key_says_which_marks_are_the_reports_and_which_the_books():
    assert "»…« er rapportens egne; bogens egne betegnelser står i „…“" in provenance.page_key()


@pytest.mark.build
def test_every_guillemet_passage_on_the_pages_and_in_the_pdfs_is_the_reports_words(report_site: Path, report_text: str):  # noqa: F811
    report = collapse(repair_hyphenation(report_text))
    texts = page_texts(report_site)
    assert "index.html" in texts and any(name.startswith("om-data/") for name in texts)
    pdfs = sorted((report_site / "pdf").glob("*.pdf"))
    assert len(pdfs) >= 8
    for pdf in pdfs:
        printed = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        # A page's running footer ('Kulturens Rige Side 65 af 66') is no part of a passage a page break cuts in two.
        printed = re.sub(r"^[^\n]*Side \d+ af \d+\n\f?", "", printed, flags=re.M)
        texts[pdf.name] = repair_hyphenation(printed)
    for name, text in each(list(texts.items())):
        assert not not_the_reports(text, report), (name, not_the_reports(text, report))
