"""A refusal names the problem the user must fix first, in its own words (hostile review s23, F3): an existing file
with the wrong ending was told to use --overwrite, and then that the name must end in .xlsx; an http address
holding quotes and angle brackets was called "not an http(s) address"."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from kulturensrige.edition.editions import book_address_problem
from support.scripts import run_script

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(("script", "ending"), [("export_workbook", ".xlsx"), ("export_qdpx", ".qdpx")])
def test_an_existing_file_with_the_wrong_ending_is_told_the_ending_not_to_overwrite(script: str, ending: str, tmp_path: Path):
    existing = tmp_path / "x.txt"
    existing.write_text("x\n", encoding="utf-8")
    result = run_script(script, "--data", str(REPO / "data"), "--out", str(existing))
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1, result.stderr
    assert f"navnet skal ende på {ending}" in result.stderr and "--overwrite" not in result.stderr
    assert existing.read_text(encoding="utf-8") == "x\n"


@pytest.mark.parametrize("address", ['http://x/"><script>', "https://x/a'b", "http://x/a\\b"])
def test_an_http_address_with_characters_no_address_may_hold_names_them(address: str):
    said = book_address_problem(address)
    assert said is not None and "ikke en http(s)-adresse" not in said
    assert all(c in said for c in address if c in "\"'<>\\")


def test_a_sheet_using_an_entity_no_dtd_declares_is_told_so_not_that_it_is_damaged(tmp_path: Path):
    """The reviewer's "DTD in a sheet" put the DTD nowhere (the sheet has no XML declaration to follow) and left
    `koege&yy;` in a cell: an undefined entity, said as damage "(fx et styretegn)". A real DTD is named already."""
    workbook, broken = tmp_path / "w.xlsx", tmp_path / "entitet.xlsx"
    assert run_script("export_workbook", "--data", str(REPO / "data"), "--out", str(workbook)).returncode == 0
    with zipfile.ZipFile(workbook) as archive:
        files = {info.filename: archive.read(info) for info in archive.infolist()}
    for sheet in [n for n, d in files.items() if n.startswith("xl/worksheets/") and b"<t>koege</t>" in d]:
        files[sheet] = files[sheet].replace(b"<t>koege</t>", b"<t>koege&yy;</t>", 1)  # the tables' sheets among them
    with zipfile.ZipFile(broken, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    result = run_script("import_workbook", str(broken), "--out", str(tmp_path / "ud"))
    assert result.returncode != 0 and "en entitet (&navn;), som ikke er defineret" in result.stderr, result.stderr
    assert "styretegn" not in result.stderr and not (tmp_path / "ud").exists()
