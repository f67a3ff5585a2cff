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
RUNNING_FOOT = re.compile(r"(?m)^.*\bSide \d+ af \d+\n")


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
    # ADR 110 (reader30 #4): the key names the third mark too, a name as the report writes it.
    key = provenance.page_key()
    assert "»…« er rapportens egne" in key and "bogens egne betegnelser står i „…“" in key
    assert "Navne i ”…” står, som rapporten skriver dem" in key


@pytest.mark.build
def test_every_guillemet_passage_on_the_pages_and_in_the_pdfs_is_the_reports_words(report_site: Path, report_text: str):  # noqa: F811
    report = collapse(repair_hyphenation(report_text))
    texts = page_texts(report_site)
    assert "index.html" in texts and any(name.startswith("om-data/") for name in texts)
    pdfs = sorted((report_site / "pdf").glob("*.pdf"))
    assert len(pdfs) >= 8
    for pdf in pdfs:
        printed = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        # A page's running foot ('Kulturens Rige Side 66 af 67') is no part of a passage a page break splits.
        texts[pdf.name] = repair_hyphenation(RUNNING_FOOT.sub("", printed))
    for name, text in each(list(texts.items())):
        assert not not_the_reports(text, report), (name, not_the_reports(text, report))
