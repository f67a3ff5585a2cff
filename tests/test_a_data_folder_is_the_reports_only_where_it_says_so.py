"""A data folder is credited to the report only when it says so (ADR 86): the shipped data/ states `kilde` =
`rapporten`; a folder made from the CSV templates, or one without options.csv, is an analyst's (reading 26, #1: the
template had no `kilde` row, the default was the report, and an analyst's CSV folder read „Rapportens egne tal“)."""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kulturensrige import load
from kulturensrige.book import profiles
from kulturensrige.data import provenance
from kulturensrige.data.loading import Dataset
from kulturensrige.data.pages import profile_page
from kulturensrige.data.schema import BY_ANALYST, BY_REPORT, FOLDER_SOURCE, TABLES
from kulturensrige.data.workbook import template_files
from kulturensrige.render import dictionary, front_page
from support.checks import each

REPO = Path(__file__).resolve().parent.parent
# The words that credit the report with a folder's rows (test_provenance's REPORT_CREDITS and the front page's lead).
REPORT_CREDITS = ("Rapportens egne tal", "de indsatser, rapporten beskriver for kommunen", "angivet i rapporten", "rapportens afsnit")


def _text(html: object) -> str:
    return " ".join(BeautifulSoup(str(html), "html.parser").get_text(" ").split())


def _data_cells(folder: Path) -> list[str]:
    """The folder's own cells that speak of the report: in an analyst's folder those are the analyst's words."""
    cells = {
        " ".join(cell.split())
        for path in folder.glob("*.csv")
        for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline=""))
        for cell in row
        if "rapport" in cell.casefold()
    }
    return sorted(cells, key=len, reverse=True)


def _said(data: Dataset, folder: Path) -> list[str]:
    """The front page's figures and credit and each profile's parts, as the build renders them for this folder,
    without the folder's own cells."""
    holder = provenance.folder_words(data.options).holder
    said = [_text(front_page.key_figures(data)), _text(front_page.credit(data, "x.html"))]
    for row in data.municipalities.itertuples():
        with profiles.as_page(REPO / "book", profile_page(row.slug)):
            said += [_text(part) for part in profiles.profile_parts(data, row.name, row.kommunekode, holder)]
    cells = _data_cells(folder)
    for cell in cells:
        said = [text.replace(cell, " ") for text in said]
    return said


def _from_the_template(folder: Path) -> Path:
    """The report's tables filled into a copy of templates/data/: every table's rows, options.csv as the template has it."""
    shutil.copytree(REPO / "data", folder)
    options = TABLES["options"].file
    (folder / options).write_text((REPO / "templates" / "data" / options).read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def _without_options(folder: Path) -> Path:
    shutil.copytree(REPO / "data", folder)
    (folder / TABLES["options"].file).unlink()
    return folder


@pytest.mark.parametrize("made", [_from_the_template, _without_options], ids=["from-the-template", "without-options"])
def test_a_folder_that_does_not_say_it_is_the_reports_is_an_analysts_and_credits_nothing_to_the_report(tmp_path: Path, made):
    folder = made(tmp_path / "mine-data")
    data = load(folder)
    assert provenance.folder_source(data.options) == BY_ANALYST
    said = _said(data, folder)
    for text in each(said):
        assert not [c for c in REPORT_CREDITS if c.casefold() in text.casefold()], text[:300]
    assert "Tal fra analytikerens data" in said[0]


def test_the_reports_own_folder_and_only_it_states_the_report(data: Dataset):
    assert provenance.folder_source(data.options) == BY_REPORT
    assert dict(zip(data.options["option_id"], data.options["value"], strict=True))[FOLDER_SOURCE] == BY_REPORT
    assert "Rapportens egne tal" in _text(front_page.key_figures(data))
    template = template_files()[TABLES["options"].file]
    assert template.splitlines()[1].startswith(f"{FOLDER_SOURCE},{BY_ANALYST},"), template


def test_the_dictionary_and_the_data_chapter_say_the_default_is_the_analyst():
    said = " ".join(TABLES["options"].description.split())
    assert f"standard {BY_ANALYST}" in said and f"standard {BY_REPORT}" not in said
    assert re.search(rf"kun rapportens egen datamappe, data/, angiver `?{BY_REPORT}", dictionary.as_markdown(), re.IGNORECASE)
    chapter = (REPO / "book" / "om-data" / "genkoersel.ipynb").read_text(encoding="utf-8")
    assert f"`{FOLDER_SOURCE}` = `{BY_ANALYST}`" in chapter
