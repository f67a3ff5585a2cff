"""Every line of a workbook import names the workbook's sheet, row, column and cell, never a CSV file of the folder
it would write (hostile review of issue 25: a 5 MB cell was said of "out-huge2/quotes.csv, række 2", a file that was
never written)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kulturensrige.data import workbook as workbook_module
from kulturensrige.data.csv_reading import thousands
from kulturensrige.data.problems import Problem
from test_malformed_input import PLACEHOLDER, assert_refused, edited_workbook, rezipped, run_import, set_cell

LONG = 5_000_000


def test_a_cell_longer_than_a_folder_may_hold_is_named_by_its_sheet_and_cell_with_the_cap(data_workbook: Path, tmp_path: Path):
    workbook = edited_workbook(data_workbook, tmp_path, set_cell("quotes", 2, "text", PLACEHOLDER))

    def five_megabytes(name: str, data: bytes) -> bytes | None:
        return data.replace(PLACEHOLDER.encode(), b"x" * LONG) if PLACEHOLDER.encode() in data else None

    cap = thousands(csv.field_size_limit())
    expected = (
        f"arbejdsbog.xlsx, ark quotes, række 2, kolonne text — celle C2 har {thousands(LONG)} tegn; en celle må højst have "
        f"{cap} tegn, det længste en datamappes CSV-fil kan læses med; del teksten op"
    )
    assert_refused(run_import(rezipped(workbook, five_megabytes), tmp_path / "ud"), [expected], tmp_path / "ud")


def test_what_the_written_folders_read_back_finds_is_named_by_the_workbooks_sheet_and_row(
    data_workbook: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """The last check reads the written folder back as CSV: anything it alone finds (a limit of the CSV reader the
    workbook's checks do not share) is said of the sheet and row the analyst knows, not of the hidden staging folder."""

    def read_back(folder: Path) -> list[Problem]:
        return [Problem(f"{folder.name}/quotes.csv", 3, "text", None, "noget kun CSV-læseren finder")]

    monkeypatch.setattr(workbook_module, "check_folder", read_back)
    out = tmp_path / "ud"
    assert_refused(
        run_import(data_workbook, out), ["arbejdsbog.xlsx, ark quotes, række 3, kolonne text — noget kun CSV-læseren finder"], out
    )
