"""The s23 reading, #2: kilder.csv (and the data dictionary it shares its reasons with) marked evaluation_questions'
kinds the wrong way round: the report's own »det guidende spørgsmål« stood in „…“ and the editors' label
„tværgående“ in »…«, and the editors' name „foreningen af mænd bag genbrugsværkstedet“ stood in »…« as if the report
said it. The report's words stand in »…«, the book's terms in „…“ (ADR 48)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from kulturensrige.data.publishing import SOURCES_FILE, published_files
from report_source import collapse, repair_hyphenation
from support.checks import each

REPO = Path(__file__).resolve().parent.parent
REPORTS = re.compile(r"»([^«]*)«")
BOOKS = re.compile(r"„([^“]*)“")
LEFT_OUT = re.compile(r"\[?…\]?|\.\.\.")


def _texts(data) -> dict[str, str]:
    rows = csv.DictReader(io.StringIO(published_files(data)[SOURCES_FILE], newline=""))
    texts = {f"{SOURCES_FILE}: {r['fil']} {r['kolonne']}": f"{r['hvis_ord']} {r['begrundelse']}" for r in rows}
    texts["DATAORDBOG.md"] = (REPO / "data" / "DATAORDBOG.md").read_text(encoding="utf-8")
    return texts


def test_every_guillemet_passage_in_kilder_and_the_dictionary_is_the_reports_words(data, report_text: str):
    report = collapse(repair_hyphenation(report_text))
    for where, text in each(list(_texts(data).items())):
        for passage in REPORTS.findall(text):
            pieces = [collapse(p).strip(" ,.;:") for p in LEFT_OUT.split(passage)]
            assert all(p in report for p in pieces if p), (where, passage)


def test_no_phrase_of_the_reports_stands_in_the_books_marks_in_kilder_or_the_dictionary(data, report_text: str):
    """A „…“ passage of two words or more found as it stands in the report is the report's words, not a book's term."""
    report = collapse(repair_hyphenation(report_text)).casefold()
    for where, text in each(list(_texts(data).items())):
        for passage in BOOKS.findall(text):
            words = collapse(passage).strip(" ,.;:")
            assert len(words.split()) < 2 or words.casefold() not in report, (where, passage)


def test_the_question_kinds_are_the_editors_terms_beside_the_reports_words(data):
    said = _texts(data)[f"{SOURCES_FILE}: evaluation_questions.csv kind"]
    assert "»guidende spørgsmål«" in said and "„overordnet“ og „tværgående“" in said, said
    assert "»tværgående«" not in said and "„det guidende spørgsmål“" not in said, said
