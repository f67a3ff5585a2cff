"""Køge's summary gave the report's sentence »Formålet var at sætte fokus på fællesskaber, bibliotekets tilbud til
særligt seniorer og den lokale seniorklub.« with two words added ("…, på bibliotekets tilbud … og på den lokale …")
and no »…«: a consultant quoting the summary quoted a changed sentence as if it were the report's (reading 25 r2,
finding 4). The eight-word check (test_the_reports_wording_in_the_books_prose_stands_in_guillemets) misses a copy with
a word slipped in every few words; a sentence of the data's own texts that opens with the first six words of one of the
report's sentences is that sentence copied, so it stands in »…«, or the book says it in its own words."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from report_source import collapse, repair_hyphenation
from support.checks import each
from test_the_reports_wording_in_the_books_prose_stands_in_guillemets import REPORTS_WORDING

REPO = Path(__file__).resolve().parent.parent
OPENING = 6
QUOTED = re.compile(r"»[^«]*«")
SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+")


def _words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[\wæøå]+", text.lower()))


def _report_openings(report_text: str) -> set[tuple[str, ...]]:
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])", collapse(repair_hyphenation(report_text)))
    return {words[:OPENING] for words in map(_words, sentences) if len(words) >= OPENING + 2}


def _openings_outside_guillemets(text: str) -> list[tuple[str, ...]]:
    """The first words of each sentence outside »…«; a name or a label of a few words is not a sentence."""
    sentences = [_words(s) for part in QUOTED.split(text) for s in SENTENCE_END.split(part)]
    return [words[:OPENING] for words in sentences if len(words) >= OPENING + 2]


def _data_texts() -> list[tuple[str, str]]:
    """The data's own texts: every column but those that are the report's wording by design."""
    texts = []
    for path in sorted((REPO / "data").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            texts += [
                (f"{path.name}:{c}", v)
                for row in csv.DictReader(f)
                for c, v in row.items()
                if (path.stem, c) not in REPORTS_WORDING and " " in v.strip()
            ]
    return texts


def test_no_sentence_of_the_data_texts_opens_as_one_of_the_reports_outside_guillemets(report_text: str):
    openings = _report_openings(report_text)
    for where, text in each(_data_texts()):
        copied = [" ".join(o) for o in _openings_outside_guillemets(text) if o in openings]
        assert copied == [], (where, text[:120])


def test_the_check_finds_a_report_sentence_with_a_word_slipped_in_and_passes_it_in_guillemets(report_text: str):
    openings = _report_openings(report_text)
    changed = "Formålet var at sætte fokus på fællesskaber, på bibliotekets tilbud og på den lokale seniorklub."
    assert any(o in openings for o in _openings_outside_guillemets(changed))
    quoted = f"Rapporten skriver: »{changed}«"
    assert not any(o in openings for o in _openings_outside_guillemets(quoted))
