"""A CSV file in a data folder that no table reads is refused by name, as a workbook's extra sheet is (hostile review
s23, F4: `quotes-ny.csv` beside the tables was ignored without a word, and the folder kept its fingerprint)."""

from __future__ import annotations

import shutil
from pathlib import Path

from support.scripts import run_script

REPO = Path(__file__).resolve().parent.parent


def test_an_extra_csv_is_one_line_naming_it_and_the_files_allowed(tmp_path: Path):
    folder = shutil.copytree(REPO / "data", tmp_path / "data")
    shutil.copyfile(folder / "quotes.csv", folder / "quotes-ny.csv")
    result = run_script("validate_data", str(folder))
    problems = [line for line in result.stderr.splitlines() if "quotes-ny.csv" in line]
    assert result.returncode != 0 and len(problems) == 1, result.stderr
    assert problems[0].startswith("data/quotes-ny.csv") and "er ikke en af datamappens tabeller" in problems[0]
    assert "quotes.csv" in problems[0].split("tilladt er", 1)[1] and "Traceback" not in result.stderr


def test_a_readme_the_books_kilder_csv_and_a_hidden_file_are_no_table_and_are_let_be(tmp_path: Path):
    folder = shutil.copytree(REPO / "data", tmp_path / "data")
    (folder / "README.md").write_text("Noter om mappen.\n", encoding="utf-8")
    (folder / "kilder.csv").write_text('"fil","kolonne","hvis_ord","begrundelse"\n', encoding="utf-8")
    (folder / "._quotes.csv").write_bytes(b"\0\5\26\7")
    result = run_script("validate_data", str(folder))
    assert result.returncode == 0, result.stderr
