"""Malformed input beyond the fixtures in tests/fixtures/bad_input/: one clear line each, nothing written.

Every case is made from a fresh copy of data/ (so it follows data/ as it changes): one cell, one file
or one header is damaged, then scripts/validate_data.py runs on the copy. Each case must give exactly
the expected lines (file, row, column, value, what is allowed), exit code 1, no traceback, and leave
every file as it was. One wrong value of every column kind the schema declares (id, code, integer,
choice, ref, list, text and the date pattern) is among them.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import io
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from kulturensrige.schema import TABLES
from kulturensrige.writing import csv_text

REPO = Path(__file__).resolve().parent.parent
VALIDATE = REPO / "scripts" / "validate_data.py"
ID_RULE = "skal være et id af små bogstaver a-z, tal og bindestreger, fx 'leg-mod'"
CODE_RULE = "skal være en officiel kommunekode med tre cifre, fx 259"
DATE_RULE = "skal være en dato som ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD, eller 'ikke angivet'"
NOT_TEXT = "filen indeholder binære data eller styretegn; den skal være CSV-tekst"


def _validator():
    spec = importlib.util.spec_from_file_location("validate_data", VALIDATE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def cell(table: str, row: int, column: str, value: str) -> Callable[[Path], None]:
    """Set one cell (row 0 is the first record, spreadsheet row 2)."""

    def change(folder: Path) -> None:
        path = folder / TABLES[table].file
        rows = _rows(path)
        rows[row][column] = value
        path.write_text(csv_text(TABLES[table].columns, [[r[c] for c in TABLES[table].columns] for r in rows]), encoding="utf-8")

    return change


def cell_where(table: str, key: str, column: str, value: str) -> Callable[[Path], None]:
    """Set one cell in the row with the given key; the expected row number is looked up by `row_of`."""

    def change(folder: Path) -> None:
        rows = _rows(folder / TABLES[table].file)
        cell(table, [r[TABLES[table].key] for r in rows].index(key), column, value)(folder)

    return change


def file_bytes(table: str, content: bytes | Callable[[bytes], bytes]) -> Callable[[Path], None]:
    def change(folder: Path) -> None:
        path = folder / TABLES[table].file
        path.write_bytes(content(path.read_bytes()) if callable(content) else content)

    return change


def header_only(raw: bytes) -> bytes:
    return raw.split(b"\n", 1)[0] + b"\n"


def duplicate_column(name: str) -> Callable[[bytes], bytes]:
    """Append a second copy of column `name` (with other values) to every line."""

    def change(raw: bytes) -> bytes:
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
        out = io.StringIO(newline="")
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([*rows[0], name])
        writer.writerows([*r, f"anden {i}"] for i, r in enumerate(rows[1:]))
        return out.getvalue().encode("utf-8")

    return change


def nul_in_third_line(raw: bytes) -> bytes:
    lines = raw.split(b"\n")
    lines[2] = lines[2][:10] + b"\x00" + lines[2][10:]
    return b"\n".join(lines)


def row_of(table: str, key: str) -> int:
    """The spreadsheet row of a record in data/ (header = row 1)."""
    return [r[TABLES[table].key] for r in _rows(REPO / "data" / TABLES[table].file)].index(key) + 2


def _ingredient_ids() -> str:
    return ", ".join(sorted(r["ingredient_id"] for r in _rows(REPO / "data" / "ingredients.csv")))


def _status_ids() -> str:
    return ", ".join(sorted(r["status_id"] for r in _rows(REPO / "data" / "statuses.csv")))


CASES: dict[str, tuple[Callable[[Path], None], Callable[[], list[str]]]] = {
    # id: a space, capitals, a Danish letter
    "id_with_space": (cell("quotes", 0, "quote_id", "q 001"), lambda: [f"data/quotes.csv, række 2, kolonne quote_id: 'q 001' — {ID_RULE}"]),
    "id_with_capitals": (
        cell("attention_points", 1, "attention_point_id", "Faelles-Sprog"),
        lambda: [f"data/attention_points.csv, række 3, kolonne attention_point_id: 'Faelles-Sprog' — {ID_RULE}"],
    ),
    "id_with_danish_letter": (
        cell("statuses", 0, "status_id", "gennemført"),
        lambda: [f"data/statuses.csv, række 2, kolonne status_id: 'gennemført' — {ID_RULE}"],
    ),
    # kommunekode: letters, four digits, letters where empty is allowed
    "kommunekode_with_letters": (
        cell("municipalities", 0, "kommunekode", "25a"),
        lambda: [f"data/municipalities.csv, række 2, kolonne kommunekode: '25a' — {CODE_RULE}"],
    ),
    "kommunekode_with_four_digits": (
        cell("municipalities", 1, "kommunekode", "0169"),
        lambda: [f"data/municipalities.csv, række 3, kolonne kommunekode: '0169' — {CODE_RULE}"],
    ),
    "optional_kommunekode_with_letters": (
        cell("organisations", 0, "kommunekode", "Køge"),
        lambda: [f"data/organisations.csv, række 2, kolonne kommunekode: 'Køge' — {CODE_RULE}, eller tom"],
    ),
    # integer: text, a decimal, below the minimum, empty
    "integer_as_text": (
        cell("six_ps", 0, "position", "første"),
        lambda: ["data/six_ps.csv, række 2, kolonne position: 'første' — skal være et helt tal"],
    ),
    "integer_with_decimals": (
        cell("figures", 0, "number", "1,5"),
        lambda: ["data/figures.csv, række 2, kolonne number: '1,5' — skal være et helt tal"],
    ),
    "integer_below_minimum": (
        cell("group_composition", 0, "min_count", "-1"),
        lambda: ["data/group_composition.csv, række 2, kolonne min_count: '-1' — skal være et helt tal, mindst 0"],
    ),
    "integer_empty": (
        cell("ingredients", 0, "number", ""),
        lambda: ["data/ingredients.csv, række 2, kolonne number: '' — skal være et helt tal"],
    ),
    # choice: a value outside the list, a capitalised one
    "choice_outside_the_list": (
        cell_where("programme_events", "workshop-1", "kind", "seminar"),
        lambda: [
            f"data/programme_events.csv, række {row_of('programme_events', 'workshop-1')}, kolonne kind: 'seminar' — "
            "skal være en af: workshop, pitstop, periode-start, periode-slut"
        ],
    ),
    "choice_with_capital": (
        cell("art_forms", 0, "kind", "Kunstform"),
        lambda: ["data/art_forms.csv, række 2, kolonne kind: 'Kunstform' — skal være en af: kunstform, aktivitet"],
    ),
    # ref and list: an unknown id
    "ref_unknown_id": (
        cell("initiatives", 0, "status", "faerdig"),
        lambda: [
            "data/initiatives.csv, række 2, kolonne status: 'faerdig' — ukendt id; tilladt: et status_id fra statuses.csv "
            f"({_status_ids()})"
        ],
    ),
    "list_with_one_unknown_id": (
        cell("guide_recommendations", 0, "ingredient_ids", "etablering-af-vi; gnisten"),
        lambda: [
            "data/guide_recommendations.csv, række 2, kolonne ingredient_ids: 'gnisten' — ukendt id; tilladt: et ingredient_id "
            f"fra ingredients.csv ({_ingredient_ids()})"
        ],
    ),
    "required_list_empty": (
        cell("guide_recommendations", 0, "ingredient_ids", ""),
        lambda: [
            "data/guide_recommendations.csv, række 2, kolonne ingredient_ids: '' — må ikke være tom; tilladt: et ingredient_id "
            "fra ingredients.csv"
        ],
    ),
    # text: only spaces; the one spelling of 'ikke angivet'
    "text_only_spaces": (
        cell("figures", 0, "caption", "   "),
        lambda: ["data/figures.csv, række 2, kolonne caption: '' — skal være en tekst, ikke tom"],
    ),
    "not_stated_spelled_otherwise": (
        cell("municipalities", 0, "outcome", "Ikke angivet"),
        lambda: ["data/municipalities.csv, række 2, kolonne outcome: 'Ikke angivet' — skriv præcis 'ikke angivet'"],
    ),
    # the date pattern in programme_events.date
    "date_in_danish_words": (
        cell_where("programme_events", "periode-start", "date", "november 2021"),
        lambda: [
            f"data/programme_events.csv, række {row_of('programme_events', 'periode-start')}, kolonne date: 'november 2021' — {DATE_RULE}"
        ],
    ),
    "date_day_first": (
        cell_where("programme_events", "periode-slut", "date", "31-05-2023"),
        lambda: [
            f"data/programme_events.csv, række {row_of('programme_events', 'periode-slut')}, kolonne date: '31-05-2023' — {DATE_RULE}"
        ],
    ),
    "date_month_13": (
        cell_where("programme_events", "periode-start", "date", "2021-13"),
        lambda: [f"data/programme_events.csv, række {row_of('programme_events', 'periode-start')}, kolonne date: '2021-13' — {DATE_RULE}"],
    ),
    "date_month_00": (
        cell_where("programme_events", "periode-start", "date", "2021-00"),
        lambda: [f"data/programme_events.csv, række {row_of('programme_events', 'periode-start')}, kolonne date: '2021-00' — {DATE_RULE}"],
    ),
    # rules across columns
    "kommunekode_with_not_stated": (
        cell_where("quotes", "q002", "kommunekode", "259"),
        lambda: [
            f"data/quotes.csv, række {row_of('quotes', 'q002')}, kolonne kommunekode: '259' — "
            "skal være tom, når attribution er 'not stated'"
        ],
    ),
    # whole files
    "empty_file_0_bytes": (file_bytes("six_ps", b""), lambda: ["data/six_ps.csv — filen er tom; første række skal være kolonnenavnene"]),
    "only_blank_lines": (
        file_bytes("six_ps", b"\n  \n\r\n"),
        lambda: ["data/six_ps.csv — filen er tom; første række skal være kolonnenavnene"],
    ),
    "header_only": (file_bytes("figures", header_only), lambda: ["data/figures.csv — tabellen er tom; den skal have mindst 1 række"]),
    "binary_garbage": (file_bytes("quotes", bytes(range(256)) * 16), lambda: [f"data/quotes.csv, række 1: 'byte 0x00' — {NOT_TEXT}"]),
    "nul_byte_in_a_row": (file_bytes("six_ps", nul_in_third_line), lambda: [f"data/six_ps.csv, række 3: 'byte 0x00' — {NOT_TEXT}"]),
    "spreadsheet_saved_as_csv": (
        file_bytes("quotes", b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256))),
        lambda: ["data/quotes.csv — filen er et regneark (xlsx/zip), ikke CSV; gem tabellen som CSV (UTF-8)"],
    ),
    "utf16_text_export": (
        file_bytes("six_ps", lambda raw: raw.decode("utf-8").encode("utf-16")),
        lambda: ["data/six_ps.csv — filen er gemt som UTF-16 (Unicode-tekst); gem tabellen som CSV (UTF-8)"],
    ),
    "required_column_twice": (
        file_bytes("six_ps", duplicate_column("name")),
        lambda: ["data/six_ps.csv, kolonne name — kolonnen står mere end én gang i overskriften; hver kolonne må kun stå én gang"],
    ),
    "key_column_twice": (
        file_bytes("statuses", duplicate_column("status_id")),
        lambda: ["data/statuses.csv, kolonne status_id — kolonnen står mere end én gang i overskriften; hver kolonne må kun stå én gang"],
    ),
}


def digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        h.update(path.name.encode() + (path.read_bytes() if path.is_file() else b""))
    return h.hexdigest()


@pytest.mark.parametrize("name", sorted(CASES))
def test_malformed_input_gets_its_line_exit_1_and_changes_nothing(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    change, expected = CASES[name]
    folder = tmp_path / "data"
    shutil.copytree(REPO / "data", folder)
    change(folder)
    before = digest(folder)
    code = _validator().main(["validate_data.py", str(folder)])
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert code == 1
    assert lines[:-1] == expected(), captured.err
    assert lines[-1] == f"{len(expected())} problem(er) fundet; intet er ændret."
    assert "Traceback" not in captured.out + captured.err
    assert digest(folder) == before


def test_every_column_kind_has_a_malformed_case():
    """A new column kind in the schema needs a case above."""
    kinds = {table.kind_of(c) for table in TABLES.values() for c in table.columns}
    covered = {"id", "code", "integer", "choice", "ref", "list", "text"}
    assert kinds <= covered, kinds - covered


def test_the_command_line_reports_binary_input_without_a_traceback(tmp_path: Path):
    """The same through a real process: exit code 1, the line on stderr, nothing on stdout."""
    folder = tmp_path / "data"
    shutil.copytree(REPO / "data", folder)
    (folder / "quotes.csv").write_bytes(bytes(range(256)) * 16)
    result = subprocess.run([sys.executable, str(VALIDATE), str(folder)], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [f"data/quotes.csv, række 1: 'byte 0x00' — {NOT_TEXT}", "1 problem(er) fundet; intet er ændret."]
