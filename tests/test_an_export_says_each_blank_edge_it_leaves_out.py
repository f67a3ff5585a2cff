"""An export holds a text as the check reads it, without blank space at its edges, and says so, cell by cell.

Hostile round 20, #3: a role, a caption and a rationale that ended in a line break came back from a QDA round trip
(export_qdpx, then import_qdpx) without it, exit status 0 and not a word; the workbook export did the same. The
check keeps such a text trimmed with a notice (docs/adr/0035); an export now prints that notice too, so the only
values a round trip changes are the ones it named.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import openpyxl

from support.scripts import run_script

REPO = Path(__file__).resolve().parent.parent
# quote_id -> column -> what is added at the value's end (each column a text, which the check keeps trimmed)
ENDINGS = {"q001": {"speaker_role": "\n", "caption": "\n"}, "q005": {"ingredient_rationale": " \n"}}


def _spaced_folder(tmp_path: Path) -> tuple[Path, list[tuple[int, str, str]]]:
    """data/ with ENDINGS written into quotes.csv; each changed cell as (row, column, the value it now holds)."""
    folder = tmp_path / "data"
    shutil.copytree(REPO / "data", folder)
    path = folder / "quotes.csv"
    with path.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    for row in rows:
        for column, ending in ENDINGS.get(row["quote_id"], {}).items():
            assert row[column], (row["quote_id"], column)  # a value to end in blank space
            row[column] += ending
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    changed = []
    with path.open(encoding="utf-8", newline="") as file:
        reader = csv.reader(file)
        header = next(reader)
        for line, cells in enumerate(reader, start=2):  # a row is named as a spreadsheet shows it, the header row 1
            row = dict(zip(header, cells, strict=True))
            changed += [(line, column, row[column]) for column in ENDINGS.get(row["quote_id"], {})]
    return folder, changed


def _said(stderr: str, changed: list[tuple[int, str, str]]) -> None:
    for row, column, value in changed:
        line = f"data/quotes.csv, række {row}, kolonne {column}: {repr(value)[:40]}"  # a long value is shown cut short
        assert any(said.startswith(line) and "taget af" in said for said in stderr.splitlines()), (line, stderr)


def test_a_qda_round_trip_changes_only_the_blank_edges_the_export_named(tmp_path: Path):
    folder, changed = _spaced_folder(tmp_path)
    project = tmp_path / "projekt.qdpx"
    exported = run_script("export_qdpx", "--data", str(folder), "--out", str(project))
    assert exported.returncode == 0, exported.stderr
    _said(exported.stderr, changed)
    back = tmp_path / "tilbage"
    imported = run_script(
        "import_qdpx", str(project), "--codes", str(tmp_path / "projekt-koder.csv"), "--base", str(folder), "--out", str(back)
    )
    assert imported.returncode == 0, imported.stderr
    with (folder / "quotes.csv").open(encoding="utf-8", newline="") as file:
        before = {row["quote_id"]: row for row in csv.DictReader(file)}
    with (back / "quotes.csv").open(encoding="utf-8-sig", newline="") as file:  # written with the guard's mark (ADR 80)
        after = {row["quote_id"]: row for row in csv.DictReader(file)}
    differing = {(q, c) for q, row in before.items() for c in ("speaker_role", "caption", "ingredient_rationale") if after[q][c] != row[c]}
    assert differing == {(q, c) for q, columns in ENDINGS.items() for c in columns}
    assert all(after[q][c] == before[q][c].strip() for q, c in differing)


def test_a_workbook_export_names_each_blank_edge_it_leaves_out(tmp_path: Path):
    folder, changed = _spaced_folder(tmp_path)
    workbook = tmp_path / "arbejdsbog.xlsx"
    exported = run_script("export_workbook", "--data", str(folder), "--out", str(workbook))
    assert exported.returncode == 0, exported.stderr
    _said(exported.stderr, changed)
    sheet = openpyxl.load_workbook(workbook, read_only=True)["quotes"]
    header, *rows = [[cell or "" for cell in row] for row in sheet.iter_rows(values_only=True)]
    quotes = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    for quote_id, columns in ENDINGS.items():
        for column in columns:
            assert quotes[quote_id][column] and not quotes[quote_id][column][-1].isspace(), (quote_id, column)
