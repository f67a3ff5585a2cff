"""Data beyond what a book can be built from is refused up front, in one line that names the limit.

A data folder at the validator's caps builds within 2 GB and 10 minutes (BENCHMARKS.md, "At the validator's
caps"); one past them (a 50 MB quotes.csv once took a 4.8 GB build and made a 111 MB page) is refused before the
tables are parsed, and an overlong table stops the reader at its limit.
"""

from __future__ import annotations

import shutil
import tracemalloc
from pathlib import Path

import pandas as pd
import pytest

from kulturensrige.data import loading, validation
from kulturensrige.data.csv_reading import RawTable
from kulturensrige.data.problems import DataError
from kulturensrige.data.schema import TABLES
from kulturensrige.data.validation import BUILD_LIMIT, MAX_FOLDER_BYTES, max_rows, size_problems
from support.scripts import REPO, run_script


def copy_data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(REPO / "data", folder)
    return folder


def test_a_folder_over_the_byte_limit_is_refused_before_anything_is_parsed(tmp_path: Path):
    folder = copy_data(tmp_path)
    with (folder / "quotes.csv").open("a", encoding="utf-8") as stream:
        stream.write("x" * (MAX_FOLDER_BYTES + 1))  # not even valid CSV: the size alone decides
    result = run_script("validate_data", str(folder))
    assert result.returncode == 1
    first, last = result.stderr.splitlines()
    assert first.startswith(f"{folder} — datamappens CSV-filer fylder 7,") and first.endswith(f"højst 7,7 MB er tilladt, {BUILD_LIMIT}")
    assert last == "1 problem(er) fundet; intet er ændret."


def test_a_table_over_its_row_limit_stops_the_reader_at_the_limit(tmp_path: Path):
    folder = copy_data(tmp_path)
    columns = TABLES["quotes"].columns
    lines = [",".join(columns)] + [f"q{i}" + "," * (len(columns) - 1) for i in range(200_000)]
    (folder / "quotes.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert (folder / "quotes.csv").stat().st_size < MAX_FOLDER_BYTES
    tracemalloc.start()
    result = run_script("validate_data", str(folder))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert result.stderr.splitlines()[0] == "data/quotes.csv, række 10002 — filen har over 10.000 rækker; tabellen må højst have 10.000"
    assert peak < 200 * 2**20, f"{peak / 2**20:.0f} MB"


def test_a_workbook_table_over_its_limit_is_one_line_naming_it():
    rows = max_rows("municipalities") + 1
    raw = RawTable(frame=pd.DataFrame({"kommunekode": ["1"] * rows}, dtype=str), rows=list(range(2, rows + 2)))
    problems = size_problems({"municipalities": raw}, {"municipalities": "arbejdsbog.xlsx, ark municipalities"})
    expected = f"arbejdsbog.xlsx, ark municipalities — tabellen har 101 rækker; højst 100 er tilladt, {BUILD_LIMIT}"
    assert [str(p) for p in problems] == [expected]


def test_the_report_and_national_scale_are_within_the_limits():
    """The caps sit above national scale (98 municipalities, 10,000 quotes, 1,000 initiatives, 7.6 MB of CSV as a command writes it)."""
    assert max_rows("quotes") >= 10_000 and max_rows("initiatives") >= 1_000 and max_rows("municipalities") >= 98
    assert MAX_FOLDER_BYTES >= 7_547_362  # scripts/generate_synthetic.py --quotes 10000 --initiatives 1000 --seed 1


def _sparse(path: Path, size: int) -> None:
    """A file of `size` bytes that takes no disk: the hostile round's 5 GB quotes.csv, made smaller."""
    path.unlink()
    with path.open("wb") as stream:
        stream.truncate(size)


def test_an_oversized_file_is_refused_from_its_size_before_anything_reads_it(tmp_path: Path):
    """The fingerprint once read every table whole before the size was checked: 5 GB took 85 s and 5.3 GB."""
    folder = copy_data(tmp_path)
    _sparse(folder / "quotes.csv", 50 * MAX_FOLDER_BYTES)
    tracemalloc.start()
    result = run_script("validate_data", str(folder))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].startswith(f"{folder} — datamappens CSV-filer fylder 385,"), result.stderr
    assert peak < MAX_FOLDER_BYTES, f"{peak / 2**20:.0f} MB"


def test_a_file_that_grew_after_its_size_was_checked_is_read_no_further_than_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Between the stat and the read a file may grow (or be one whose stat says nothing): the read stops at the cap."""
    folder = copy_data(tmp_path)
    _sparse(folder / "quotes.csv", 50 * MAX_FOLDER_BYTES)
    monkeypatch.setattr(validation, "size_problem", lambda data_dir: None)
    monkeypatch.setattr(loading, "size_problem", lambda data_dir: None)
    tracemalloc.start()
    with pytest.raises(DataError) as raised:
        loading.load(folder)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [str(p) for p in raised.value.problems] == [
        f"data/quotes.csv — filen fylder over 7,7 MB; højst 7,7 MB er tilladt, {BUILD_LIMIT}"
    ]
    assert peak < 3 * MAX_FOLDER_BYTES, f"{peak / 2**20:.0f} MB"
