"""Issue 21, left by session 25: a workshop's form, date or place the report leaves out read „rapporten angiver ikke
formen“ under Figure 1 on the page and in the PDF, but „ikke angivet“ in the published programme_events.csv; the form
the editors read for workshops 4 and 5 must read alike too. One wording (provenance.given_or_not, value_label) in all
three, and the download read back as a data folder gives the schema's 'ikke angivet' again."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kulturensrige import load
from kulturensrige.book.extension import write_downloads
from kulturensrige.data import provenance
from kulturensrige.data.publishing import published_files
from kulturensrige.data.schema import NOT_STATED
from support.checks import each
from support.folders import with_option
from test_pdf import REPO, pdf_text, squeeze
from test_pdf import report_site as report_site  # the fixture: the built book with its PDFs, printed once per run

COLUMNS = ("mode", "date", "place")


def _said(data, event) -> dict[str, str]:
    """What the book says for each of an event's form, date and place the report leaves out or the editors read."""
    said = {}
    for column in COLUMNS:
        value = getattr(event, column)
        if value == NOT_STATED:
            said[column] = provenance.folder_words(data.options).not_stated  # ADR 109: the one form of an absence
    if event.mode_basis == "inferred":
        said["mode"] = provenance.marked(event.mode, provenance.value_label(data.options, "programme_events.mode_basis"))
    return said


def _downloaded(row: dict[str, str], column: str) -> str:
    """A download's cell as a sentence reads it: a form with its basis in the next column reads „fysisk (redaktionens
    læsning)“, as the page and the PDF print it after the value."""
    if column == "mode" and row["mode_basis"] and row["mode"] != NOT_STATED:
        return provenance.marked(row["mode"], row["mode_basis"])
    return row[column]


@pytest.mark.build
def test_a_workshops_unstated_or_read_form_date_and_place_read_alike_on_the_page_in_the_pdf_and_in_the_download(
    built_site: Path, report_site: Path
):
    data = load(REPO / "data")
    page = BeautifulSoup((built_site / "kulturens-rige.html").read_text(encoding="utf-8"), "html.parser")
    table = page.select_one("#figur-forloeb table.kr-table")
    assert table is not None
    shown = {tr.th.get_text(" ", strip=True): [td.get_text(" ", strip=True) for td in tr.select("td")] for tr in table.select("tbody tr")}
    with (built_site / "_static" / "data" / "programme_events.csv").open(encoding="utf-8-sig", newline="") as f:
        downloaded = {row["event_id"]: row for row in csv.DictReader(f)}
    printed = pdf_text(report_site / "pdf" / "kulturens-rige.pdf", "Kulturens Rige")
    workshops = data.programme_events[data.programme_events["kind"] == "workshop"]
    checked = 0
    for event in each(list(workshops.itertuples())):
        said = _said(data, event)
        for column, words in said.items():
            checked += 1
            assert shown[event.title][COLUMNS.index(column)] == words, (event.title, column)
            assert _downloaded(downloaded[event.event_id], column) == words, (event.event_id, column)
        # The PDF prints the table's row as the page shows it: the title, then each of its cells in order.
        assert squeeze(" ".join([event.title, *shown[event.title]])) in printed, event.title
        if event.mode_basis == "inferred":
            assert squeeze(event.mode_rationale) in printed and downloaded[event.event_id]["mode_rationale"] == event.mode_rationale
    assert checked >= len(workshops) * 2


@pytest.mark.parametrize("source", ["rapporten", "analytiker"])
def test_the_programme_download_says_whose_absence_and_reads_back_as_ikke_angivet(data, tmp_path: Path, source: str):
    """The download's words for an absence read back as a data folder as the schema's 'ikke angivet', whoever's folder
    it was written from; an analyst's download never says the report leaves a value out."""
    folder = tmp_path / "mappe"
    shutil.copytree(REPO / "data", folder)
    if source != "rapporten":  # ADR 86: data/ states its kilde, so the row is replaced, not appended
        with_option(folder, "kilde", source)
    shown = load(folder)
    published = published_files(shown)
    rows = {r["event_id"]: r for r in csv.DictReader(io.StringIO(published["programme_events.csv"].lstrip("\ufeff")))}
    # ADR 109 (reading 30, #2): the one form of every cell where the source says nothing, whose it is in its words.
    absent = provenance.folder_words(shown.options).not_stated
    for event in each(list(shown.programme_events.itertuples())):
        for column in COLUMNS:
            if getattr(event, column) == NOT_STATED:
                assert rows[event.event_id][column] == absent
    assert NOT_STATED not in {rows[e][c] for e in rows for c in COLUMNS}
    if source != "rapporten":
        assert not any("rapporten" in rows[e][c] for e in rows for c in COLUMNS)
    write_downloads(published, tmp_path / "hentet")
    back = load(tmp_path / "hentet").programme_events
    for column in COLUMNS:
        assert list(back[column]) == list(shown.programme_events[column]), column
