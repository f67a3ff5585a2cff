"""Validation: the real data passes; every class of bad input gets its one clear line and changes nothing."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from kulturensrige import DataError, load
from kulturensrige.data.schema import TABLES
from support.scripts import run_script

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "bad_input"
VALIDATE = "validate_data"


def overlay(case: Path, tmp_path: Path) -> Path:
    """A copy of data/ with the fixture's small files laid over it (and any listed file removed)."""
    folder = tmp_path / "data"
    shutil.copytree(REPO / "data", folder)
    for csv_file in case.glob("*.csv"):
        shutil.copyfile(csv_file, folder / csv_file.name)
    for name in (case / "remove.txt").read_text().split() if (case / "remove.txt").exists() else []:
        (folder / name).unlink()
    return folder


def digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        h.update(path.name.encode() + (path.read_bytes() if path.is_file() else b""))
    return h.hexdigest()


def test_the_shipped_data_is_valid_and_prints_counts():
    result = run_script(VALIDATE)
    assert result.returncode == 0, result.stderr
    for table in TABLES.values():
        assert table.file in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("case", sorted(p for p in FIXTURES.iterdir() if p.is_dir()), ids=lambda p: p.name)
def test_bad_input_gets_one_clear_line_and_changes_nothing(case: Path, tmp_path: Path):
    folder = overlay(case, tmp_path)
    before = digest(folder)
    result = run_script(VALIDATE, str(folder))
    problems = result.stderr.strip().splitlines()[:-1]
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert problems == (case / "expected.txt").read_text(encoding="utf-8").strip().splitlines()
    assert digest(folder) == before


def _rewrite(folder: Path, name: str, encoding: str, delimiter: str, bom: bool = False) -> None:
    text = (folder / name).read_text(encoding="utf-8")
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text)))
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    raw = out.getvalue().encode(encoding)
    (folder / name).write_bytes((b"\xef\xbb\xbf" if bom else b"") + raw)


@pytest.mark.parametrize(
    ("encoding", "delimiter", "bom"),
    [("cp1252", ";", False), ("utf-8", ";", True), ("utf-8", ",", True)],
    ids=["danish-excel-csv", "excel-csv-utf8", "utf8-with-bom"],
)
def test_files_saved_by_danish_excel_are_read_correctly(tmp_path: Path, encoding: str, delimiter: str, bom: bool):
    folder = tmp_path / "data"
    shutil.copytree(REPO / "data", folder)
    for name in ("municipalities.csv", "initiatives.csv", "ingredients.csv"):
        _rewrite(folder, name, encoding, delimiter, bom)
    shipped, resaved = load(REPO / "data"), load(folder)
    for name in ("municipalities", "initiatives", "ingredients"):
        assert resaved.tables[name].equals(shipped.tables[name]), name


def test_a_reference_cycle_in_sections_is_reported(tmp_path: Path):
    folder = tmp_path / "data"
    shutil.copytree(REPO / "data", folder)
    path = folder / "sections.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("baggrund,Baggrund,,", "baggrund,Baggrund,kulturens-rige,")
    lines[2] = lines[2].replace("kulturens-rige,Kulturens Rige,,", "kulturens-rige,Kulturens Rige,baggrund,")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load(folder)
    ring = "afsnittene danner en ring; et afsnit kan ikke ligge under sig selv"
    assert [str(p) for p in caught.value.problems] == [
        f"data/sections.csv, række 2, kolonne parent_id: 'kulturens-rige' — {ring}",
        f"data/sections.csv, række 3, kolonne parent_id: 'baggrund' — {ring}",
    ]


def test_every_problem_is_reported_not_just_the_first(tmp_path: Path):
    folder = overlay(FIXTURES / "empty_quote", tmp_path)
    (folder / "figures.csv").unlink()
    with pytest.raises(DataError) as caught:
        load(folder)
    assert len(caught.value.problems) == 2


def test_load_returns_typed_tables():
    data = load()
    assert data.quotes["position"].dtype.kind == "i"
    assert isinstance(data.quotes["ingredient_ids"].iloc[0], tuple)
    assert data.municipalities["kommunekode"].str.fullmatch(r"\d{3}").all()


def test_the_data_folder_comes_from_the_environment(monkeypatch, tmp_path: Path):
    shutil.copytree(REPO / "data", tmp_path / "andre-data")
    monkeypatch.setenv("KR_DATA_DIR", str(tmp_path / "andre-data"))
    assert load().folder == tmp_path / "andre-data"
