"""The spreadsheet workflow: export data/ as a workbook, edit it, import it back, all or nothing."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import os
import shutil
import signal
import subprocess
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import quote_sheetname

from kulturensrige import load
from kulturensrige.data import folder_writing
from kulturensrige.data.column_guide import column_rows
from kulturensrige.data.csv_reading import read_csv
from kulturensrige.data.folder_writing import csv_text, write_folder
from kulturensrige.data.problems import DataError, Problem
from kulturensrige.data.schema import TABLES
from kulturensrige.data.workbook import DICTIONARY_SHEET, GUIDANCE_SHEET, cell_text, guidance_rows, import_workbook
from support.checks import each
from support.scripts import run_script

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
EXPORT = "export_workbook"  # scripts/export_workbook.py, run in this process (conftest.run_script)
IMPORT = "import_workbook"


def digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        h.update(str(path.relative_to(folder)).encode() + (path.read_bytes() if path.is_file() else b""))
    return h.hexdigest()


def canonical(path: Path) -> bytes:
    """The file as the csv module writes it (data/ may quote a field it need not)."""
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    return csv_text(rows[0], rows[1:]).encode()


def siblings(folder: Path) -> set[str]:
    return {p.name for p in folder.parent.iterdir()}


@pytest.fixture(scope="session")
def exported(data_workbook: Path) -> Path:
    """data/ as a workbook, exported once per run (conftest's `data_workbook`)."""
    return data_workbook


def edited(exported: Path, tmp_path: Path, edit) -> Path:
    book = openpyxl.load_workbook(exported)
    edit(book)
    path = tmp_path / "arbejdsbog.xlsx"
    book.save(path)
    return path


def column(sheet, name: str) -> int:
    return [c.value for c in sheet[1]].index(name) + 1


def run_import(workbook: Path, out: Path, *flags: str) -> subprocess.CompletedProcess:
    return run_script(IMPORT, str(workbook), "--out", str(out), *flags)


# -- export ---------------------------------------------------------------------------------------


def test_export_has_a_sheet_per_table_with_bold_frozen_header_and_the_dictionary(exported: Path):
    book = openpyxl.load_workbook(exported)
    assert book.sheetnames == [GUIDANCE_SHEET, DICTIONARY_SHEET, *TABLES]
    for table in TABLES.values():
        sheet = book[table.name]
        assert [c.value for c in sheet[1]] == table.columns
        assert all(c.font.bold for c in sheet[1])
        assert sheet.freeze_panes == "A2"
    rows = list(book[DICTIONARY_SHEET].iter_rows(values_only=True))
    expected = [(t.name, t.title, *(v or None for v in r.values())) for t in TABLES.values() for r in column_rows(t)]
    assert rows[1:] == expected


def test_the_guidance_sheet_says_how_formulas_error_values_and_limits_are_handled(exported: Path):
    rows = list(openpyxl.load_workbook(exported)[GUIDANCE_SHEET].iter_rows(values_only=True))
    assert rows[1:] == guidance_rows()
    text = " ".join(text for _, text in guidance_rows())
    for rule in ("formel afvises", "fejlværdier", "32.767 tegn", "100.000 rækker", "32 MB", "(programme_events.date) læser en dato"):
        assert rule in text, rule


def test_export_writes_list_cells_and_codes_as_text(exported: Path):
    book = openpyxl.load_workbook(exported)
    initiatives = book["initiatives"]
    art = initiatives.cell(2, column(initiatives, "art_form_ids")).value
    first = next(csv.DictReader((DATA / "initiatives.csv").open(encoding="utf-8")))
    assert art == first["art_form_ids"]
    code = initiatives.cell(2, column(initiatives, "kommunekode"))
    assert code.value == first["kommunekode"] and code.data_type == "s" and code.number_format == "@"


def test_every_choice_and_single_reference_column_has_a_drop_down(exported: Path):
    book = openpyxl.load_workbook(exported)
    for table in each(TABLES.values()):
        sheet = book[table.name]
        lists = {str(v.sqref).split(":")[0]: v for v in sheet.data_validations.dataValidation if v.type == "list"}
        for name in table.columns:
            meta = table.schema.columns[name].metadata
            letter = openpyxl.utils.get_column_letter(table.columns.index(name) + 1)
            rule = lists.get(f"{letter}2")
            if "values" in meta:
                assert rule is not None and rule.formula1 == '"' + ",".join(meta["values"]) + '"', (table.name, name)
            elif "references" in meta and meta["kind"] != "list":
                target = TABLES[meta["references"]]
                key = openpyxl.utils.get_column_letter(target.columns.index(target.key) + 1)
                assert rule is not None, (table.name, name)
                assert rule.formula1 == f"{quote_sheetname(target.name)}!${key}$2:${key}$1048576", (table.name, name)
            else:
                assert rule is None, (table.name, name)


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path):
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    path = folder / "quotes.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    rows[1][rows[0].index("text")] = '=HYPERLINK("http://example.com","klik")'
    path.write_text(csv_text(rows[0], rows[1:]), encoding="utf-8")
    out = tmp_path / "arbejdsbog.xlsx"
    assert run_script(EXPORT, "--data", str(folder), "--out", str(out)).returncode == 0
    cell = openpyxl.load_workbook(out)["quotes"].cell(2, 3)
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")
    assert run_import(out, tmp_path / "tilbage").returncode == 0
    assert (tmp_path / "tilbage" / "quotes.csv").read_bytes() == path.read_bytes()


def test_export_refuses_to_overwrite_a_workbook_without_the_flag(exported: Path):
    before = exported.read_bytes()
    result = run_script(EXPORT, "--template", "--out", str(exported))
    assert result.returncode == 2 and "--overwrite" in result.stderr
    assert exported.read_bytes() == before


@pytest.mark.parametrize(("table", "column", "character"), [("quotes", "text", "\ufffe"), ("municipalities", "summary", "\uffff")])
def test_export_refuses_a_character_xml_cannot_hold_in_the_validators_line(table: str, column: str, character: str, tmp_path: Path):
    """U+FFFE and U+FFFF: the validator, the QDA export and the build refuse them in one line; the workbook export
    ended in an lxml traceback (hostile round 21, #1)."""
    folder = tmp_path / "data"
    shutil.copytree(REPO / "data", folder)
    path = folder / TABLES[table].file
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    rows[0][column] = f"Kultur{character}"
    path.write_text(csv_text(TABLES[table].columns, [[r[c] for c in TABLES[table].columns] for r in rows]), encoding="utf-8")
    code = f"U+{ord(character):04X}"
    allowed = f"tegnet {code} kan ikke gemmes i en tekstfil eller et regneark; fjern det"
    line = f"data/{TABLES[table].file}, række 2, kolonne {column}: '{code}' — {allowed}"
    assert run_script("validate_data", str(folder)).stderr.splitlines()[0] == line
    result = run_script(EXPORT, "--data", str(folder), "--out", str(tmp_path / "bog.xlsx"))
    assert (result.returncode, result.stderr.splitlines()) == (1, [line, "Arbejdsbogen er ikke skrevet: 1 problem(er) i datamappen."])
    assert not (tmp_path / "bog.xlsx").exists()


# -- round trip -----------------------------------------------------------------------------------


def test_round_trip_reproduces_data_exactly(exported: Path, tmp_path: Path):
    """Byte-identical for every file the csv module would write the same way; cell-identical for all."""
    out = tmp_path / "tilbage"
    result = run_import(exported, out)
    assert result.returncode == 0, result.stderr
    for table in TABLES.values():
        original, back = DATA / table.file, (out / table.file).read_bytes()
        if table.name == "options":  # the import says whose data it is (data/provenance.py): the analyst's (ADR 86)
            *kept, added = back.decode().splitlines(keepends=True)
            *theirs, stated = canonical(original).decode().splitlines(keepends=True)
            assert added.startswith("kilde,analytiker,") and stated.startswith("kilde,rapporten,")
            assert "".join(kept) == "".join(theirs), table.file
            continue
        assert back == canonical(original), table.file
        if original.read_bytes() == canonical(original):
            assert back == original.read_bytes(), table.file
    assert sorted(p.name for p in out.iterdir()) == sorted(t.file for t in TABLES.values())


def test_an_edited_workbook_imports_and_validates(exported: Path, tmp_path: Path):
    """A new row typed as Excel stores it: numbers as numbers, a month as a date."""

    def edit(book):
        quotes = book["quotes"]
        row = {c.value: "" for c in quotes[1]}
        row.update(
            quote_id="q900",
            position=900.0,  # Excel stores every number as a float
            text="Et nyt citat fra opfølgningen.",
            speaker_role="Borger",
            speaker_category=quotes.cell(2, column(quotes, "speaker_category")).value,
            kind="interview",
            turn=1,
            section_id=quotes.cell(2, column(quotes, "section_id")).value,
            ingredient_ids="etablering-af-vi; faelles-fundamenter",
            kommunekode=259,  # typed into a column Excel did not know was text
            attribution="stated",
        )
        quotes.append([row[c.value] or None for c in quotes[1]])
        events = book["programme_events"]
        month = events.cell(2, column(events, "date"))
        month.value, month.number_format = dt.datetime(2021, 11, 1), "mmm-yy"
        day = events.cell(3, column(events, "date"))
        day.value, day.number_format = dt.datetime(2022, 3, 15), "dd-mm-yyyy"

    out = tmp_path / "nye-data"
    result = run_import(edited(exported, tmp_path, edit), out)
    assert result.returncode == 0, result.stderr
    data = load(out)
    new = data.quotes[data.quotes["quote_id"] == "q900"].iloc[0]
    assert (new.kommunekode, new.position, new.ingredient_ids) == ("259", 900, ("etablering-af-vi", "faelles-fundamenter"))
    assert "q900,900,Et nyt citat fra opfølgningen.," in (out / "quotes.csv").read_text(encoding="utf-8")
    # Quoted: a cell holding a semicolon is, in a written data folder as in a download (ADR 80).
    assert '"etablering-af-vi;faelles-fundamenter",,,259,stated' in (out / "quotes.csv").read_text(encoding="utf-8")
    assert list(data.programme_events["date"][:2]) == ["2021-11", "2022-03-15"]


HIDDEN = "som ikke viser både år og måned"


@pytest.mark.parametrize(
    ("value", "number_format", "said"),
    [
        (dt.datetime(2021, 1, 1), "yyyy", f"er en dato vist med formatet 'yyyy', {HIDDEN} (Excel gemmer 2021-01-01)"),
        (dt.datetime(2021, 11, 1), "mmmm", f"er en dato vist med formatet 'mmmm', {HIDDEN} (Excel gemmer 2021-11-01)"),
        (dt.datetime(2021, 11, 3), "h:mm", f"er en dato vist med formatet 'h:mm', {HIDDEN} (Excel gemmer 2021-11-03)"),
        (60, "dd-mm-yyyy", "er dato-tallet 60, som ingen kalender har"),
        (-5, "dd-mm-yyyy", "er dato-tallet -5, som ingen kalender har"),
    ],
    ids=["year-only", "month-name", "time-only", "serial-60", "serial-negative"],
)
def test_a_date_cell_whose_format_hides_the_month_or_whose_serial_no_calendar_has_is_refused(
    value, number_format: str, said: str, exported: Path, tmp_path: Path
):
    """Hostile round 14, #5: `2021` (yyyy) became 2021-01, `november` (mmmm) 2021-11, `0:00` (h:mm) 2021-11-03, serial
    60 (Excel's 29-02-1900) 1900-02-28 and -5 1899-12-25, all without a word."""

    def edit(book) -> None:
        events = book["programme_events"]
        cell = events.cell(2, column(events, "date"))
        cell.value, cell.number_format = value, number_format

    out = tmp_path / "ud"
    result = run_import(edited(exported, tmp_path, edit), out)
    assert result.returncode == 1 and not out.exists()
    [line] = [x for x in result.stderr.splitlines() if "programme_events" in x]
    assert line.startswith("arbejdsbog.xlsx, ark programme_events, række 2, kolonne date: ") and f"— celle F2 {said}" in line, line


ERRORS = {
    "unknown-kommunekode": (
        lambda book: _set(book, "initiatives", 2, "kommunekode", 998),
        [
            # The sheet the analyst has in front of them, not the CSV file it becomes.
            (
                "arbejdsbog.xlsx, ark initiatives, række 2, kolonne kommunekode: '998' — ukendt id; tilladt: en kommunekode fra "
                "arket municipalities ({codes})"
            )
        ],
    ),
    "empty-quote": (
        lambda book: _set(book, "quotes", 3, "text", None),
        ["arbejdsbog.xlsx, ark quotes, række 3, kolonne text: '' — skal være en tekst, ikke tom"],
    ),
    "duplicate-id": (
        lambda book: _set(book, "quotes", 4, "quote_id", book["quotes"].cell(2, 1).value),
        ["arbejdsbog.xlsx, ark quotes, række 4, kolonne quote_id: 'q001' — findes mere end én gang; quote_id skal være entydig"],
    ),
}


def _set(book, sheet: str, row: int, name: str, value) -> None:
    book[sheet].cell(row, column(book[sheet], name)).value = value


@pytest.mark.parametrize("case", sorted(ERRORS))
def test_a_workbook_with_errors_writes_nothing_and_says_where(case: str, exported: Path, tmp_path: Path):
    edit, expected = ERRORS[case]
    workbook = edited(exported, tmp_path, edit)
    out = tmp_path / "nye-data"
    before = siblings(out)
    result = run_import(workbook, out)
    codes = ", ".join(sorted(load(DATA).municipalities["kommunekode"]))
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1
    assert lines[:-1] == [e.format(codes=codes) for e in expected]
    assert lines[-1] == f"{len(expected)} problem(er) fundet i arbejdsbog.xlsx; intet er skrevet."
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert siblings(out) == before  # no folder, no temporary left behind


def test_several_errors_are_all_reported_in_one_go(exported: Path, tmp_path: Path):
    def edit(book):
        _set(book, "quotes", 3, "text", "   ")
        _set(book, "quotes", 4, "quote_id", "q001")
        _set(book, "municipalities", 2, "slug", "Køge By")

    result = run_import(edited(exported, tmp_path, edit), tmp_path / "nye-data")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 4
    assert "ark municipalities, række 2, kolonne slug: 'Køge By' — skal være et id af små bogstaver" in result.stderr


def _four_independent_errors(book) -> None:
    """A wrong date, an empty required cell, an unknown code and an unknown ingredient, in four rows of four sheets."""
    _set(book, "programme_events", 2, "date", "2021-13")
    _set(book, "initiatives", 3, "title", None)
    _set(book, "initiatives", 4, "kommunekode", 998)
    _set(book, "quotes", 5, "ingredient_ids", "mod-og-mening")


FOUR_ERRORS = [
    ("ark initiatives, række 3, kolonne title", "skal være en tekst, ikke tom"),
    ("ark initiatives, række 4, kolonne kommunekode: '998'", "ukendt id; tilladt: en kommunekode fra arket municipalities"),
    ("ark programme_events, række 2, kolonne date: '2021-13'", "skal være"),
    ("ark quotes, række 5, kolonne ingredient_ids: 'mod-og-mening'", "ukendt id; tilladt: et ingredient_id fra arket ingredients"),
]


def test_four_independent_errors_come_out_in_one_run(exported: Path, tmp_path: Path):
    result = run_import(edited(exported, tmp_path, _four_independent_errors), tmp_path / "nye-data")
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1
    assert len(lines) == len(FOUR_ERRORS) + 1, result.stderr
    for line, (where, what) in zip(lines, FOUR_ERRORS, strict=False):
        assert line.startswith(f"arbejdsbog.xlsx, {where}") and what in line, line
    assert lines[-1] == "4 problem(er) fundet i arbejdsbog.xlsx; intet er skrevet."


def test_bad_input_with_an_existing_out_reports_the_problems_first(exported: Path, tmp_path: Path):
    out = tmp_path / "mine-data"
    shutil.copytree(DATA, out)
    before = digest(out)
    result = run_import(edited(exported, tmp_path, _four_independent_errors), out)
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1
    assert [line.startswith(f"arbejdsbog.xlsx, {where}") for line, (where, _) in zip(lines, FOUR_ERRORS, strict=False)] == [True] * 4
    assert "findes allerede" in lines[4] and "--overwrite" in lines[4]
    assert digest(out) == before


def test_an_existing_folder_is_not_overwritten_without_the_flag(exported: Path, tmp_path: Path):
    out = tmp_path / "mine-data"
    shutil.copytree(DATA, out)
    (out / "quotes.csv").write_text("mit eget arbejde\n", encoding="utf-8")
    before, around = digest(out), siblings(out)
    result = run_import(exported, out)
    assert result.returncode == 2
    assert "findes allerede" in result.stderr and "--overwrite" in result.stderr
    assert digest(out) == before and siblings(out) == around


def test_with_the_flag_an_invalid_workbook_leaves_the_old_folder_untouched(exported: Path, tmp_path: Path):
    out = tmp_path / "mine-data"
    shutil.copytree(DATA, out)
    workbook = edited(exported, tmp_path, lambda book: _set(book, "quotes", 3, "text", None))
    before, around = digest(out), siblings(out)
    result = run_import(workbook, out, "--overwrite")
    assert result.returncode == 1 and "intet er skrevet" in result.stderr
    assert digest(out) == before and siblings(out) == around


def test_with_the_flag_a_valid_workbook_replaces_the_tables_and_keeps_other_files(exported: Path, tmp_path: Path):
    out = tmp_path / "mine-data"
    shutil.copytree(DATA, out)
    (out / "quotes.csv").write_text("forældet\n", encoding="utf-8")
    (out / "NOTER.md").write_text("mine noter\n", encoding="utf-8")
    around = siblings(out)
    result = run_import(exported, out, "--overwrite")
    assert result.returncode == 0, result.stderr
    assert (out / "quotes.csv").read_bytes() == canonical(DATA / "quotes.csv")
    assert (out / "NOTER.md").read_text(encoding="utf-8") == "mine noter\n"
    assert siblings(out) == around


def test_a_file_that_is_not_a_workbook_is_one_clear_line(tmp_path: Path):
    bad = tmp_path / "arbejdsbog.xlsx"
    bad.write_text("ikke en arbejdsbog", encoding="utf-8")
    result = run_import(bad, tmp_path / "ud")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == "arbejdsbog.xlsx — filen kan ikke læses som en Excel-arbejdsbog (.xlsx)"


@pytest.mark.parametrize(
    ("name", "said"),
    [("arbejdsbog.xlsx", "er beskyttet med en adgangskode (krypteret)"), ("gammel.xls", "Excel 97-2003-arbejdsbog (.xls)")],
)
def test_an_encrypted_workbook_is_said_to_have_a_password_and_an_old_xls_to_be_one(name: str, said: str, tmp_path: Path):
    """Hostile review 18, #6: Excel saves a workbook with a password as an OLE compound file under its .xlsx name, and
    the import said only that it was no workbook; the analyst is told to remove the password (or save as .xlsx)."""
    ole = tmp_path / name
    ole.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4088))  # the header of a compound file, as the review's
    result = run_import(ole, tmp_path / "ud")
    assert result.returncode == 1
    first, count = result.stderr.splitlines()
    assert first.startswith(f"{name} — ") and said in first and " gem den " in first, first
    assert count == f"1 problem(er) fundet i {name}; intet er skrevet."
    assert not (tmp_path / "ud").exists()


def test_a_missing_sheet_is_reported(exported: Path, tmp_path: Path):
    workbook = edited(exported, tmp_path, lambda book: book.remove(book["figures"]))
    result = run_import(workbook, tmp_path / "ud")
    assert result.returncode == 1
    assert "arbejdsbog.xlsx, ark figures — arket mangler" in result.stderr


def _numbers_in(column_name: str, cells: list[tuple[object, str]]):
    """An edit that types each (number, display format) into the quotes' column, one row each, as numbers."""

    def edit(book) -> None:
        sheet = book["quotes"]
        for row, (value, number_format) in enumerate(cells, start=2):
            cell = sheet.cell(row, column(sheet, column_name))
            cell.value, cell.number_format = value, number_format

    return edit


def test_a_number_in_a_text_column_shown_other_than_as_its_digits_is_refused_naming_its_cell(exported: Path, tmp_path: Path):
    """'1.234,50', '10 %' or a number Excel cannot hold whole (more than 15 digits; 2^53 and above not even as a
    double) would be read as 1234.5, 0.1 or other digits, not what the analyst sees (hostile round 10, #10)."""
    cells = [(1234.5, "#,##0.00"), (0.1, "0%"), (12345678901234567890, "General"), (2**53 + 1, "0"), (2.5, "General")]
    workbook = edited(exported, tmp_path, _numbers_in("speaker_role", cells))
    result = run_import(workbook, tmp_path / "ud")
    assert result.returncode == 1 and not (tmp_path / "ud").exists()
    lines = result.stderr.splitlines()
    for row, (value, number_format) in each(enumerate(cells, start=2)):
        line = next((x for x in lines if x.startswith(f"arbejdsbog.xlsx, ark quotes, række {row}, kolonne speaker_role: ")), "")
        assert f"celle D{row} er et tal" in line and "formatér cellen som Tekst" in line, (value, number_format)
    assert "mere end 15 cifre" in lines[2] and "mere end 15 cifre" in lines[3]
    assert "'#,##0.00'" in lines[0] and "Traceback" not in result.stderr


def test_a_whole_number_in_a_text_column_is_read_as_the_digits_it_shows(exported: Path, tmp_path: Path):
    """A municipality's code or an id typed as a number: General shows its digits, '0000' pads them with zeros."""
    cells = [(42, "General"), (1, "0000"), (-7, "000"), (259.0, "0")]
    workbook = edited(exported, tmp_path, _numbers_in("speaker_role", cells))
    result = run_import(workbook, tmp_path / "ud")
    assert result.returncode == 0, result.stderr
    raw, problems = read_csv(tmp_path / "ud" / "quotes.csv", "quotes.csv")  # the stored '-007 carries the guard (ADR 80)
    roles = list(raw.frame["speaker_role"]) if raw is not None and not problems else []
    assert roles[:4] == ["42", "0001", "-007", "259"]


def test_a_date_time_duration_or_true_false_cell_outside_a_date_column_is_refused_with_what_excel_stored(exported: Path, tmp_path: Path):
    """Hostile round 12, #2: '2-1' typed into a text column was imported as 2026-01-02, 'SAND' as TRUE and '1:30' as
    1:30:00, and '100 %' in an integer column as 1, without a word. Only the events' date column (schema.date) reads a
    date cell; every other column refuses one in a line that names the cell, what Excel stored and what to do."""
    text_cells = [
        (dt.datetime(2026, 1, 2), "d-m", "en dato vist med formatet 'd-m', som Excel gemmer som 2026-01-02"),
        (True, "General", "en sandhedsværdi (SAND eller FALSK), som Excel gemmer som TRUE"),
        (dt.time(1, 30), "h:mm", "et klokkeslæt vist med formatet 'h:mm', som Excel gemmer som 01:30"),
        (dt.timedelta(hours=1, minutes=30), "[h]:mm", "en varighed vist med formatet '[h]:mm', som Excel gemmer som 1:30:00"),
        (dt.datetime(2021, 11, 5, 10, 30), "yyyy-mm-dd h:mm", "en dato med klokkeslæt"),
        # Hostile round 13, #14: a duration of two days was said as Python's '2 days, 0:00:00' in a Danish line.
        (dt.timedelta(days=2), "[h]:mm:ss", "en varighed vist med formatet '[h]:mm:ss', som Excel gemmer som 48:00:00"),
    ]
    integer_cells = [
        (1, "0%", "er et tal vist med formatet '0%' i en kolonne for hele tal; Excel har gemt 1"),
        (3, '0 "kr."', "'0 \"kr.\"'"),
    ]

    def edit(book) -> None:
        _numbers_in("speaker_role", [(value, number_format) for value, number_format, _ in text_cells])(book)
        _numbers_in("position", [(value, number_format) for value, number_format, _ in integer_cells])(book)
        events = book["programme_events"]
        date = events.cell(2, column(events, "date"))
        date.value, date.number_format = dt.datetime(2021, 11, 1), "mmm-yy"

    result = run_import(edited(exported, tmp_path, edit), tmp_path / "ud")
    assert result.returncode == 1 and not (tmp_path / "ud").exists() and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    for row, (_, _, said) in each(enumerate(text_cells, start=2)):
        prefix = f"arbejdsbog.xlsx, ark quotes, række {row}, kolonne speaker_role: "
        line = next((x for x in lines if x.startswith(prefix)), "")
        assert f"celle D{row} er {said}" in line and line.endswith("så formatér cellen som Tekst, og skriv teksten som tekst"), line
    for row, (_, _, said) in each(enumerate(integer_cells, start=2)):
        line = next((x for x in lines if x.startswith(f"arbejdsbog.xlsx, ark quotes, række {row}, kolonne position: ")), "")
        assert said in line and "formatér cellen som Standard, og skriv det hele tal med cifre" in line, line
    assert not [x for x in lines if "programme_events" in x]
    assert len(lines) == len(text_cells) + len(integer_cells) + 1  # and the count


def test_a_whole_number_in_an_integer_column_is_read_through_a_plain_or_grouped_format(exported: Path, tmp_path: Path):
    workbook = edited(exported, tmp_path, _numbers_in("position", [(7, "General"), (8, "0"), (9, "#,##0"), (10, "@")]))
    result = run_import(workbook, tmp_path / "ud")
    assert result.returncode == 0, result.stderr
    positions = [row["position"] for row in csv.DictReader(io.StringIO((tmp_path / "ud" / "quotes.csv").read_text(encoding="utf-8")))]
    assert positions[:4] == ["7", "8", "9", "10"]


def test_only_a_column_the_schema_makes_with_date_takes_a_date_cell():
    taking = [f"{table.name}.{name}" for table in TABLES.values() for name in table.columns if table.takes_dates(name)]
    assert taking == ["programme_events.date"]


# -- units --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "number_format", "kind", "text"),
    [
        (259, "General", "code", "259"),
        (259.0, "General", "code", "259"),
        (70, "General", "code", "070"),
        (1.0, "General", "integer", "1"),
        (1.0, "General", "text", "1"),
        (2.5, "General", "integer", "2.5"),
        (1, "0000", "text", "0001"),
        (1, "0000", "integer", "1"),
        (dt.datetime(2021, 11, 1), "mmm-yy", "text", "2021-11"),
        (dt.datetime(2021, 11, 1), "[$-406]mmmm\\ yyyy;@", "text", "2021-11"),
        (dt.datetime(2021, 11, 5), "yyyy-mm-dd", "text", "2021-11-05"),
        (dt.datetime(2021, 11, 5), "dd/mm/yyyy", "text", "2021-11-05"),
        (dt.time(13, 45, 59), "h:mm", "text", "13:45:59"),
        (dt.time(13, 45), "h:mm:ss", "text", "13:45"),
        (dt.datetime(2021, 11, 15, 10, 30, 45), "yyyy-mm-dd h:mm", "text", "2021-11-15 10:30:45"),
        (dt.datetime(2021, 11, 15, 10, 30, 45, 500_000), "General", "text", "2021-11-15 10:30:45.500"),
        (dt.datetime(2021, 12, 15), "mmm-yy", "text", "2021-12-15"),
        (None, "General", "text", ""),
        ("2021-11", "@", "text", "2021-11"),
    ],
)
def test_cell_text_undoes_what_excel_does_to_numbers_and_dates(value, number_format, kind, text):
    assert cell_text(value, number_format, kind) == text


def test_a_crash_during_the_swap_leaves_the_old_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    dest = tmp_path / "data"
    dest.mkdir()
    (dest / "a.csv").write_text("gammel\n", encoding="utf-8")
    real_rename = folder_writing.os.rename
    calls = []

    def failing_rename(src, dst):
        calls.append((src, dst))
        if len(calls) == 2:  # the new folder into place
            raise OSError("disken er fuld")
        real_rename(src, dst)

    monkeypatch.setattr(folder_writing.os, "rename", failing_rename)
    with pytest.raises(OSError):
        write_folder({"a.csv": "ny\n"}, dest, overwrite=True)
    assert (dest / "a.csv").read_text(encoding="utf-8") == "gammel\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_an_import_beaten_to_a_new_folder_is_refused_not_put_in_its_place(exported: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Two imports into one new folder without --overwrite both said "skrevet", the second replacing the first:
    here the other import's folder appears between the first check and the rename, and this one is refused."""
    from kulturensrige.data import workbook

    out = tmp_path / "ud"
    real_check = workbook.check_folder

    def other_import_finishes_first(staging: Path) -> list[Problem]:
        out.mkdir()
        (out / "quotes.csv").write_text("den andens\n", encoding="utf-8")
        return real_check(staging)

    monkeypatch.setattr(workbook, "check_folder", other_import_finishes_first)
    result = run_import(exported, out)
    assert (result.returncode, result.stdout) == (2, ""), result.stdout + result.stderr
    assert result.stderr.splitlines() == [f"{out} — findes allerede; intet er skrevet. Brug --overwrite for at erstatte mappen"]
    assert [p.name for p in out.iterdir()] == ["quotes.csv"]
    assert (out / "quotes.csv").read_text(encoding="utf-8") == "den andens\n"
    assert siblings(out) == {"ud"}


def test_a_new_folder_is_not_renamed_onto_an_empty_folder_made_since_the_check(tmp_path: Path):
    """A plain rename replaces an empty folder without a word: the rename without --overwrite refuses any name."""
    dest = tmp_path / "data"

    def someone_makes_it(_staging: Path) -> list[Problem]:
        dest.mkdir()
        return []

    with pytest.raises(folder_writing.OutputTaken):
        write_folder({"a.csv": "x\n"}, dest, check=someone_makes_it)
    assert list(dest.iterdir()) == []
    assert siblings(dest) == {"data"}


def test_an_export_beaten_to_a_new_file_is_refused_not_put_in_its_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Two exports to one new .xlsx without --overwrite: the file the other wrote meanwhile stays, this one is refused."""
    from kulturensrige.data import workbook

    out = tmp_path / "arbejdsbog.xlsx"
    real_save = workbook._save

    def other_export_finishes_first(book, temporary: Path) -> None:
        real_save(book, temporary)
        out.write_bytes(b"den andens")

    monkeypatch.setattr(workbook, "_save", other_export_finishes_first)
    result = run_script(EXPORT, "--data", str(DATA), "--out", str(out))
    assert (result.returncode, result.stdout) == (2, ""), result.stdout + result.stderr
    assert result.stderr.splitlines() == [f"{out} — findes allerede; intet er skrevet. Brug --overwrite for at erstatte filen"]
    assert out.read_bytes() == b"den andens"
    assert siblings(out) == {"arbejdsbog.xlsx"}


def test_a_failing_check_writes_nothing(tmp_path: Path):
    dest = tmp_path / "data"
    with pytest.raises(DataError):
        write_folder({"a.csv": "x\n"}, dest, check=lambda folder: [Problem("a.csv", 2, None, None, "forkert")])
    assert list(tmp_path.iterdir()) == []


def test_import_as_a_function_returns_problems(exported: Path, tmp_path: Path):
    workbook = edited(exported, tmp_path, lambda book: _set(book, "quotes", 3, "text", None))
    problems = import_workbook(workbook, tmp_path / "ud")
    assert [(p.file, p.row, p.column) for p in problems] == [("arbejdsbog.xlsx, ark quotes", 3, "text")]
    assert import_workbook(workbook, tmp_path) == problems  # the data's problems first, even where the folder exists
    with pytest.raises(FileExistsError):
        import_workbook(exported, tmp_path)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP], ids=["ctrl-c", "sigterm", "sighup"])
def test_an_interrupted_import_leaves_the_target_byte_identical_and_no_staging_folder(
    signum: int, exported: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """The signal arrives while the new folder is being written (after its first file), as Ctrl+C would."""
    from kulturensrige.data import folder_writing

    out = tmp_path / "mine-data"
    shutil.copytree(DATA, out)
    before, around = digest(out), siblings(out)
    write_file = folder_writing._write_file
    written = []

    def write_then_signal(path: Path, text: str) -> None:
        write_file(path, text)
        written.append(path)
        if len(written) == 1:
            os.kill(os.getpid(), signum)

    monkeypatch.setattr(folder_writing, "_write_file", write_then_signal)
    handlers = [signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)]
    result = run_import(exported, out, "--overwrite")
    assert written, "the import must have begun to write"
    assert result.returncode == 130
    assert result.stderr.strip().splitlines() == [f"Afbrudt: {out} er ikke skrevet; intet er ændret, og ingen halve filer er efterladt."]
    assert digest(out) == before and siblings(out) == around
    assert [signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)] == handlers  # given back


def test_an_interrupt_while_the_old_folder_is_removed_finishes_the_removal_and_says_the_folder_is_written(
    exported: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """SIGTERM once the new folder is in place, while the old one (`.NAME.gammel-*`) is deleted: the old message said
    "intet er ændret" beside the new data and a half-deleted old folder."""
    out = tmp_path / "mine-data"
    shutil.copytree(DATA, out)
    (out / "quotes.csv").write_text("gammel\n", encoding="utf-8")
    remove = folder_writing._remove
    removed = []

    def signal_then_remove(entry: Path) -> None:
        if ".gammel-" in entry.name:
            os.kill(os.getpid(), signal.SIGTERM)
            removed.append(entry)
        remove(entry)

    monkeypatch.setattr(folder_writing, "_remove", signal_then_remove)
    result = run_import(exported, out, "--overwrite")
    assert removed, "the signal must have come while the old folder was removed"
    assert result.returncode == 130
    assert result.stderr.strip().splitlines() == [
        (f"Afbrudt til sidst: datamappen {out} er skrevet og er gyldig; oprydningen efter det blev gjort færdig, før kommandoen stoppede.")
    ]
    assert (out / "quotes.csv").read_text(encoding="utf-8").startswith('\ufeff"quote_id",')  # the new data, whole
    assert siblings(out) == {"mine-data"}


def test_a_workbook_cell_escaping_a_lone_surrogate_gets_one_line_and_no_folder(exported: Path, tmp_path: Path):
    """Hostile round 15, #1: a cell holding Excel's escape `_xD800_` (a lone surrogate, no character) passed the checks
    and the import ended in a UnicodeEncodeError while writing the folder; it is refused with the cell named."""

    def surrogate(book) -> None:
        sheet = book["quotes"]
        sheet.cell(2, column(sheet, "text")).value = "WHO_xD800_"

    out = tmp_path / "ud"
    result = run_import(edited(exported, tmp_path, surrogate), out)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "U+D800" in result.stderr, result.stderr
    assert not out.exists()


def test_a_workbook_text_trimmed_at_its_edges_is_said_and_a_code_with_blank_space_is_refused(exported: Path, tmp_path: Path):
    """A spreadsheet cell's edges were trimmed without a word (hostile review 20, #3): a text says it, a code is refused."""

    def spaced_text(book) -> None:
        sheet = book["quotes"]
        cell = sheet.cell(2, column(sheet, "text"))
        cell.value = "  " + cell.value

    def spaced_code(book) -> None:
        sheet = book["municipalities"]
        sheet.cell(2, column(sheet, "kommunekode")).value = "259 "

    result = run_import(edited(exported, tmp_path, spaced_text), tmp_path / "kept")
    assert result.returncode == 0, result.stderr
    assert "ark quotes, række 2, kolonne text: '  A state" in result.stderr and "advarsel: teksten har blanktegn" in result.stderr
    result = run_import(edited(exported, tmp_path, spaced_code), tmp_path / "refused")
    assert result.returncode == 1 and not (tmp_path / "refused").exists()
    assert "ark municipalities, række 2, kolonne kommunekode: '259 ' — værdien har blanktegn" in result.stderr
