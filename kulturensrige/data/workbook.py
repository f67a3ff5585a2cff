"""A data folder as an Excel workbook and back, for analysts who work in spreadsheets.

Export: one sheet per table (sheet name = table name), header row bold and frozen, list cells as
`a;b`, drop-down lists for every fixed-list column and every single reference, and the data
dictionary on the sheet "Dataordbog". Import: every sheet read into numbered records, validated by
the same code as a CSV folder (`reading.parse_rows` + `validation.validate_tables`), and written as
a data folder only if nothing is wrong. Columns are never declared here; all comes from `schema`.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import errno
import gc
import io
import os
import re
import sys
import traceback
import zipfile
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from xml.parsers import expat

import openpyxl
import pandas as pd
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.utils.cell import range_boundaries
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from kulturensrige.data import column_guide
from kulturensrige.data.archive import Unreadable
from kulturensrige.data.csv_reading import MAX_COLUMNS, MAX_ROWS, RawTable, not_regular, parse_rows, thousands
from kulturensrige.data.folder_writing import check_folder, csv_text, refuse_output, write_file, write_folder
from kulturensrige.data.problems import DataError, Problem
from kulturensrige.data.schema import BY_ANALYST, BY_REPORT, FOLDER_SOURCE, LIST_SEPARATOR, TABLES, Table
from kulturensrige.data.spreadsheet import (
    DAMAGED,
    HIDDEN_STATES,
    MAX_MERGED,
    MAX_UNPACKED_MB,
    RESAVE,
    Cell,
    MisplacedCell,
    StreamedWorkbook,
    TooLarge,
    TooManyCells,
    TooManySheets,
    escape,
)
from kulturensrige.data.validation import (
    MAX_FOLDER_BYTES,
    empty_table,
    misnamed,
    namesakes,
    read_folder,
    same_sheet_twice,
    split_list,
    too_much,
    trimmed_notices,
    unwritable_cells,
    validate_tables,
)
from kulturensrige.words import plain_csv_text, visible

UNDEFINED_ENTITY = expat.errors.codes[expat.errors.XML_ERROR_UNDEFINED_ENTITY]

GUIDANCE_SHEET = "Vejledning"
DICTIONARY_SHEET = "Dataordbog"
LAST_ROW = 1_048_576  # Excel's last row: drop-downs cover rows the analyst adds later
TEXT_FORMAT = "@"
MAX_WIDTH = 60
MAX_CELL_CHARACTERS = 32_767  # Excel's limit for the text of one cell
_INTEGER = re.compile(r"^-?[0-9]+$")


# -- export -------------------------------------------------------------------------------------


def build_workbook(raws: Mapping[str, RawTable] | None = None) -> Workbook:
    """The workbook for these tables (text cells as read from CSV); None gives the empty template."""
    book = Workbook()
    guidance = book.worksheets[0]  # a new workbook's one sheet
    guidance.title = GUIDANCE_SHEET
    _write_guidance(guidance)
    _write_dictionary(book.create_sheet(DICTIONARY_SHEET))
    for table in TABLES.values():
        raw = raws.get(table.name) if raws is not None else None
        _write_table(book.create_sheet(table.name), table, raw)
    book.active = 0
    return book


def export_folder(data_dir: Path, out: Path, *, overwrite: bool = False) -> tuple[list[Problem], list[Problem]]:
    """Write the data folder as a workbook; structural problems (missing or damaged files) stop it.

    Returns the validation problems of the data, if any: they are exported as they are, so that the
    analyst can mend them in the spreadsheet, and the import will check again. And the notices of the texts whose
    blank edges the reading took off: the workbook holds them without, which a round trip did unsaid (hostile
    round 20, #3).
    """
    raws, problems = read_folder(data_dir)
    if problems:
        raise DataError(problems)
    labels = {name: f"{data_dir.name}/{TABLES[name].file}" for name in raws}
    if problems := unwritable_cells(raws, labels) or too_long_for_a_cell(raws, labels):
        raise DataError(problems)
    _, problems = validate_tables(raws, labels)
    save_workbook(build_workbook(without_the_reports_source(raws)), out, overwrite=overwrite)
    return problems, trimmed_notices(raws, labels)


def too_long_for_a_cell(raws: Mapping[str, RawTable], labels: Mapping[str, str]) -> list[Problem]:
    """Every text longer than an Excel cell holds: openpyxl would write it and Excel cut it, without a word."""
    problems = []
    for name, raw in raws.items():
        for column in raw.frame.columns:
            for i, value in enumerate(raw.frame[column].astype(str)):
                if (length := excel_length(value)) > MAX_CELL_CHARACTERS:
                    problems.append(Problem(labels[name], raw.rows[i], str(column), value, _too_long(length, len(value))))
    return problems


def excel_length(text: str) -> int:
    """The text's length as Excel counts it, in UTF-16 units: a character beyond U+FFFF (an emoji) counts twice."""
    return len(text) + sum(1 for character in text if ord(character) > 0xFFFF)


def _too_long(length: int, characters: int) -> str:
    counted = (
        "" if length == characters else ", som Excel tæller dem (en emoji og andre tegn uden for det grundlæggende tegnsæt tæller for to)"
    )
    return (
        f"teksten har {thousands(length)} tegn{counted}; en celle i Excel kan højst rumme "
        f"{thousands(MAX_CELL_CHARACTERS)} tegn, så arbejdsbogen kan ikke skrives. Forkort teksten, eller arbejd i CSV-filen"
    )


def save_workbook(book: Workbook, out: Path, *, overwrite: bool = False) -> None:
    """Save through a temporary file in the same folder and rename it into place."""
    write_file(out, lambda temporary: _save(book, temporary), overwrite=overwrite)


def _save(book: Workbook, path: Path) -> None:
    """Workbook.save, with a failed write (a full disk) raised as the OSError it is, and nothing left to fail again.

    openpyxl leaves the zip open, whose __del__ then prints a second error as the process ends: the `with` closes
    it. A sheet is first streamed by lxml into a temporary file, and lxml reports a failed write there as
    SerialisationError("IO_ENOSPC"); its half-written sheet's generator fails once more when it is collected."""
    try:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
            ExcelWriter(book, archive).save()
    except Exception as exc:  # lxml's SerialisationError, named by its message: lxml is openpyxl's, not ours
        code = getattr(errno, str(exc).removeprefix("IO_"), None) if str(exc).startswith("IO_E") else None
        if not isinstance(code, int):
            raise
        hook, sys.unraisablehook = sys.unraisablehook, lambda unraisable: None
        try:  # the sheet's writer and its generator (a cycle) are collected here, the second report dropped
            traceback.clear_frames(exc.__traceback__)
            gc.collect()
        finally:
            sys.unraisablehook = hook
        raise OSError(code, os.strerror(code)) from None


def guidance_rows() -> list[tuple[str, str]]:
    """What the import does with a workbook, for the sheet "Vejledning": the rules an analyst meets as messages."""
    return [
        (
            "Ark og kolonner",
            (
                f"Hvert ark hedder som sin tabel, og første række er kolonnenavnene; arket „{DICTIONARY_SHEET}“ forklarer dem. "
                "Ud over tabellernes ark læser indlæsningen kun dette ark og dataordbogen, og den afviser en arbejdsbog "
                "med andre ark (fx en kopi som „quotes (2)“), så intet, du har skrevet, bliver sprunget over uden et ord."
            ),
        ),
        (
            "Formler",
            (
                "Indlæsningen læser ikke formler. En celle med en formel afvises med sin cellereference (fx C3), også når Excel "
                "viser en værdi, for den gemte værdi kan være forældet. Kopiér, og indsæt som værdi, før du gemmer."
            ),
        ),
        ("Fejlværdier", "Celler med en af Excels fejlværdier (fx #NAVN?, #I/T eller #DIVISION/0!) afvises med deres cellereference."),
        (
            "Datoer, SAND/FALSK og tal",
            (
                f"Kun {date_columns_said()} læser en dato-celle, som ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD. I alle andre "
                "kolonner afvises en dato, et klokkeslæt, en varighed og SAND/FALSK med cellereferencen, for Excel gemmer dem "
                "som noget andet, end du skrev (2-1 som 2026-01-02); formatér cellen som Tekst, og skriv teksten igen. "
                "En kolonne for hele tal læser tal vist som Standard, 0 eller 1.000; procent, valuta og decimaler afvises."
            ),
        ),
        (
            "Lange tekster",
            (
                f"En celle kan højst rumme {thousands(MAX_CELL_CHARACTERS)} tegn. Har en datamappe længere tekster, skriver "
                "eksporten ingen arbejdsbog, men nævner hver celle; arbejd så i CSV-filerne."
            ),
        ),
        (
            "Størrelse",
            (
                f"Et ark må have værdier i højst {thousands(MAX_ROWS)} rækker under overskriften og {MAX_COLUMNS} kolonner "
                f"(A-{get_column_letter(MAX_COLUMNS)}), "
                f"og arbejdsbogen må fylde højst {MAX_UNPACKED_MB} MB, når den pakkes ud, og have højst {MAX_OTHER_SHEETS} ark "
                "ud over tabellernes og sine egne to. Tomme celler uden for dataene tæller ikke med."
            ),
        ),
        (
            "Særlige tegn",
            (
                "Tegn, som Excel gemmer i formen _xHHHH_ (fx et linjeskift med vognretur), læses som de tegn, de står for. "
                "Styretegn kan ikke stå i en CSV-fil og afvises med cellereferencen."
            ),
        ),
        (
            "Meldinger",
            (
                "Finder indlæsningen et problem, skriver den én linje pr. problem med ark, række, kolonne, værdi og hvad der er "
                "tilladt, og den skriver ingen filer."
            ),
        ),
    ]


def date_columns_said() -> str:
    """The columns a date cell is read into (schema.date), as a sentence names them: 'datokolonnen (programme_events.date)'."""
    columns = [f"{table.name}.{name}" for table in TABLES.values() for name in table.columns if table.takes_dates(name)]
    return f"{'datokolonnen' if len(columns) == 1 else 'datokolonnerne'} ({', '.join(columns)})"


def _write_guidance(sheet: Worksheet) -> None:
    _write_header(sheet, ["Emne", "Sådan læses arbejdsbogen ind"])
    for r, (topic, text) in enumerate(guidance_rows(), start=2):
        _text_cell(sheet, r, 1, topic).alignment = Alignment(vertical="top")
        _text_cell(sheet, r, 2, text).alignment = Alignment(vertical="top", wrap_text=True)
    sheet.column_dimensions["A"].width = 18
    sheet.column_dimensions["B"].width = 100


def _write_dictionary(sheet: Worksheet) -> None:
    rows = [{"Ark": table.name, "Tabel": table.title, **row} for table in TABLES.values() for row in column_guide.column_rows(table)]
    header = list(rows[0])
    _write_header(sheet, header)
    for r, row in enumerate(rows, start=2):
        for c, name in enumerate(header, start=1):
            if row[name]:
                _text_cell(sheet, r, c, row[name])
    _fit_widths(sheet, [[str(row[h]) for h in header] for row in rows], header)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"


def _write_table(sheet: Worksheet, table: Table, raw: RawTable | None) -> None:
    columns = table.columns
    _write_header(sheet, columns)
    for c, name in enumerate(columns, start=1):
        description = table.schema.columns[name].description or ""
        sheet.cell(1, c).comment = Comment(f"{description}\nEksempel: {table.schema.columns[name].metadata['example']}", "Dataordbog")
    cells: list[list[str]] = []
    if raw is not None:
        frame = raw.frame.reindex(columns=columns, fill_value="")
        cells = frame.astype(str).values.tolist()
    integers = set(table.integer_columns)
    for r, row in enumerate(cells, start=2):
        for c, (name, value) in enumerate(zip(columns, row, strict=True), start=1):
            if not value:
                continue  # the column's text format covers empty cells
            if name in integers and _INTEGER.match(value):
                sheet.cell(r, c, int(value))
            else:
                _text_cell(sheet, r, c, value).number_format = TEXT_FORMAT
    for c, name in enumerate(columns, start=1):
        if name not in integers:
            # Typed into a text-formatted column, 259 stays "259" and 2021-11 stays "2021-11".
            sheet.column_dimensions[get_column_letter(c)].number_format = TEXT_FORMAT
    _add_validations(sheet, table)
    _fit_widths(sheet, cells, columns)


def _write_header(sheet: Worksheet, header: list[str]) -> None:
    bold = Font(bold=True)
    for c, name in enumerate(header, start=1):
        cell = _text_cell(sheet, 1, c, name)
        cell.font = bold
        cell.alignment = Alignment(vertical="top")
    sheet.freeze_panes = "A2"


def _text_cell(sheet: Worksheet, row: int, column: int, value: str):
    """Always a string: a quote beginning with '=' must never become a formula."""
    cell = sheet.cell(row, column)
    cell.value = escape(value)
    cell.data_type = "s"
    return cell


def _fit_widths(sheet: Worksheet, rows: list[list[str]], header: list[str]) -> None:
    for c, name in enumerate(header, start=1):
        longest = max([len(name) + 2, *(len(str(row[c - 1])) for row in rows[:200])])
        sheet.column_dimensions[get_column_letter(c)].width = min(MAX_WIDTH, max(10, longest + 1))


def _add_validations(sheet: Worksheet, table: Table) -> None:
    """Drop-downs from the schema: fixed lists inline, single references from the target sheet's key column."""
    for c, name in enumerate(table.columns, start=1):
        column = table.schema.columns[name]
        meta = column.metadata
        letter = get_column_letter(c)
        if "values" in meta:
            rule = DataValidation(type="list", formula1='"' + ",".join(meta["values"]) + '"', allow_blank=not meta["required"])
            rule.error = "Vælg en af: " + ", ".join(meta["values"])
        elif "references" in meta and meta["kind"] != "list":
            target = TABLES[meta["references"]]
            key = get_column_letter(target.columns.index(target.key) + 1)
            rule = DataValidation(
                type="list",
                formula1=f"{quote_sheetname(target.name)}!${key}$2:${key}${LAST_ROW}",
                allow_blank=not meta["required"],
            )
            rule.error = f"Vælg et {target.key} fra arket {target.name}; tilføj det først dér, hvis det er nyt."
        elif meta["kind"] == "integer":
            minimum = next(ch.statistics["min_value"] for ch in column.checks if "min_value" in (ch.statistics or {}))
            rule = DataValidation(type="whole", operator="greaterThanOrEqual", formula1=str(minimum), allow_blank=False)
            rule.error = f"Skriv et helt tal, mindst {minimum}."
        else:
            continue
        rule.errorTitle = "Ugyldig værdi"
        rule.showErrorMessage = True
        rule.errorStyle = "warning"  # the analyst may override; the import checks anyway
        rule.promptTitle = name[:32]
        rule.prompt = (column.description or "")[:255]
        rule.showInputMessage = True
        sheet.add_data_validation(rule)
        rule.add(f"{letter}2:{letter}{LAST_ROW}")


# -- import -------------------------------------------------------------------------------------


def sheet_label(path: Path, table_name: str) -> str:
    return f"{path.name}, ark {table_name}"


# The first bytes of an OLE compound file: Excel saves a workbook with a password (encrypted) so, under its .xlsx name,
# and an Excel 97-2003 workbook (.xls) too.
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
PASSWORD_PROTECTED = (
    "arbejdsbogen er beskyttet med en adgangskode (krypteret), så den kan ikke læses; åbn den i Excel, slet adgangskoden "
    "under Filer > Oplysninger > Beskyt projektmappe > Krypter med adgangskode, og gem den igen som .xlsx"
)
OLD_EXCEL = "filen er en Excel 97-2003-arbejdsbog (.xls), ikke en .xlsx; åbn den i Excel, og gem den som Excel-projektmappe (.xlsx)"


def _not_a_workbook(path: Path) -> str:
    """Why a file is no .xlsx, said of an encrypted one as what it is (review 18, #6: "kan ikke læses som en
    Excel-arbejdsbog" told the analyst nothing of the password)."""
    try:
        with path.open("rb") as stream:
            start = stream.read(len(_OLE_SIGNATURE))
    except OSError:
        start = b""
    if start != _OLE_SIGNATURE:
        return "filen kan ikke læses som en Excel-arbejdsbog (.xlsx)"
    return OLD_EXCEL if path.suffix.lower() == ".xls" else PASSWORD_PROTECTED


def read_workbook(path: Path) -> tuple[dict[str, RawTable], dict[str, str], list[Problem]]:
    """Every table's sheet as text cells with spreadsheet row numbers; other sheets are ignored.

    The file is streamed (see `spreadsheet`): a zip bomb is refused before it is unpacked, and blank cells far
    from the data cost nothing. Formulas and Excel's error values are refused with their cell, never guessed at.
    """
    labels = {name: sheet_label(path, name) for name in TABLES}
    if (special := not_regular(path, str(path))) is not None:
        return {}, labels, [special]
    # Asked before openpyxl is: it refuses a name without .xlsx before it looks, so a missing `ud` or `/proc/x` was
    # "kan ikke læses som en Excel-arbejdsbog" (issue 25's hostile round), and a folder was said the same.
    if not path.exists():
        return {}, labels, [Problem(path.name, None, None, None, "filen findes ikke")]
    if path.is_dir():
        return {}, labels, [Problem(path.name, None, None, None, "er en mappe, ikke en fil; angiv arbejdsbogen (.xlsx)")]
    try:
        book = StreamedWorkbook(path, max_sheets=MAX_SHEETS)
    except FileNotFoundError:  # gone since it was asked
        return {}, labels, [Problem(path.name, None, None, None, "filen findes ikke")]
    except TooManySheets as many:
        return {}, labels, [Problem(path.name, None, None, None, too_many_sheets(many.names))]
    except TooLarge as large:
        return {}, labels, [Problem(path.name, None, None, None, _too_large(large.megabytes))]
    except Unreadable as unreadable:
        return {}, labels, [Problem(path.name, None, None, None, line) for line in unreadable.lines]
    except (InvalidFileException, OSError, *DAMAGED):
        return {}, labels, [Problem(path.name, None, None, None, _not_a_workbook(path))]
    raws: dict[str, RawTable] = {}
    problems: list[Problem] = []
    with book:
        for table in TABLES.values():
            near = namesakes(table.name, book.sheetnames)
            if len(near) > 1 or (near and table.name in book.sheetnames):
                problems.append(Problem(labels[table.name], None, None, None, same_sheet_twice(table.name, near, book.sheetnames)))
                continue
            if table.name not in book.sheetnames and near:
                problems.append(Problem(labels[table.name], None, None, None, misnamed("arket", near[0], table.name)))
                continue
            if table.name not in book.sheetnames and table.optional:
                raws[table.name] = empty_table(table)
                continue
            if table.name not in book.sheetnames:
                problems.append(Problem(labels[table.name], None, None, None, "arket mangler; hver tabel i dataordbogen skal have sit ark"))
                continue
            if (part := book.missing_part(table.name)) is not None:
                why = f"arkets fil {visible(part)} mangler i arbejdsbogen, så arket kan ikke læses"
                problems.append(Problem(labels[table.name], None, None, None, f"{why}; {RESAVE}"))
                continue
            if (state := book.state(table.name)) in HIDDEN_STATES:
                problems.append(Problem(labels[table.name], None, None, None, hidden_sheet(state)))
                continue
            records, found = sheet_records(book, table, labels[table.name])
            if found:
                problems += found
                continue
            raw, found = parse_rows(records, labels[table.name])
            problems += found
            if raw is not None:
                raws[table.name] = raw
        problems += _unread_sheets(book, path)
    return raws, labels, problems


OWN_SHEETS = (GUIDANCE_SHEET, DICTIONARY_SHEET)
# Other sheets are refused one line each (_unread_sheets); beyond these few, the workbook is refused before its sheets
# are loaded, in one line (hostile review 22, #2: 5,000 empty sheets cost 21 s of CPU and 5,000 lines).
MAX_OTHER_SHEETS = 10
MAX_SHEETS = len(TABLES) + len(OWN_SHEETS) + MAX_OTHER_SHEETS
NAMED_SHEETS = 5  # the other sheets named in the line; the rest are counted


def too_many_sheets(names: list[str]) -> str:
    """The one line for a workbook with more than MAX_SHEETS sheets: how many, how many are no table's, the first few."""
    other = _other_sheets(names)
    shown = ", ".join(repr(visible(name)) for name in other[:NAMED_SHEETS])
    rest = f" og {thousands(len(other) - NAMED_SHEETS)} andre" if len(other) > NAMED_SHEETS else ""
    allowed = (
        f"arbejdsbogen har {thousands(len(names))} ark, og højst {MAX_SHEETS} er tilladt: tabellernes {len(TABLES)}, "
        f"»{GUIDANCE_SHEET}«, »{DICTIONARY_SHEET}« og {MAX_OTHER_SHEETS} andre"
    )
    if not other:  # all of them tables' namesakes
        return f"{allowed}; slet de ark, der ikke skal med"
    return (
        f"{allowed}. {thousands(len(other))} ark er ikke dataordbogens tabeller ({shown}{rest}); slet dem, og flyt det, "
        f"der skal med, over på tabellens ark"
    )


def _other_sheets(names: list[str]) -> list[str]:
    """The sheets that are neither a table's (nor a namesake, which is said on its own) nor the workbook's own."""
    named = {name for table in TABLES for name in [table, *namesakes(table, names)]}
    return [sheet for sheet in names if sheet not in named and sheet not in OWN_SHEETS]


def _unread_sheets(book: StreamedWorkbook, path: Path) -> list[Problem]:
    """One line per sheet that is neither a table's (nor a namesake, said above) nor the workbook's own: refused, not
    skipped, for the import cannot tell an analyst's notes from rows meant as data. Excel's copy `quotes (2)` holding
    an edited quote was read by no one, and the folder was written without the edit (hostile round 20, #5)."""
    return [
        Problem(sheet_label(path, sheet), None, None, None, _unread_sheet(book, sheet))
        if book.state(sheet) not in HIDDEN_STATES
        else Problem(sheet_label(path, sheet), None, None, None, hidden_sheet(book.state(sheet), table=False))
        for sheet in _other_sheets(book.sheetnames)
    ]


# Hidden rows, columns and sheets: an analyst who hid them did not mean them as data, nor to have them dropped without
# a word (hostile review of issue 25; docs/adr/0052-hidden-rows-columns-and-sheets-are-refused.md).
NAMED_SPANS = 10  # the hidden spans named in a sheet's line; the rest are counted


def hidden_sheet(state: str, *, table: bool = True) -> str:
    """The line for a sheet the workbook hides: 'hidden' (Excel's Skjul) or 'veryHidden' (no menu of Excel shows it),
    a table's (shown, it is read) or another (read by no one: deleted, or shown and its rows moved to the table's)."""
    how = (
        "i Visual Basic-editoren (arkets egenskab Visible; Excels menuer viser ikke et ark skjult som veryHidden) eller i LibreOffice"
        if state == "veryHidden"
        else "i regnearket (højreklik på en arkfane, og vælg Vis)"
    )
    if table:
        return f"arket er skjult, så det, der står på det, ville komme med i datamappen uden at være set; vis det {how}, eller slet det"
    return (
        "arket er skjult og er ikke en af dataordbogens tabeller, så det, der står på det, er hverken set eller kommer med; "
        f"slet det, eller vis det {how}, og flyt det, der skal med, over på tabellens ark"
    )


def hidden_spans(kind: str, spans: list[tuple[int, int]], count: int, letters: bool = False) -> str:
    """The line for a sheet's hidden rows (kind 'række') or columns ('kolonne') that hold values: each span as the
    analyst would select it ("rækkerne 12–14"), the first NAMED_SPANS of `count`, and what to do."""

    def shown(number: int) -> str:
        return get_column_letter(number) if letters else str(number)

    named = [shown(low) if low == high else f"{shown(low)}–{shown(high)}" for low, high in spans[:NAMED_SPANS]]
    if count > len(named):
        named.append(f"{thousands(count - len(named))} områder mere")
    several = len(named) > 1 or spans[0][0] != spans[0][1]
    listed = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} og {named[-1]}"
    plural = {"række": "rækkerne", "kolonne": "kolonnerne"}[kind]
    them = "dem" if several else "den"
    how = " (fx ved at fjerne et filter eller folde en gruppe ud)" if kind == "række" else ""
    return (
        f"{plural if several else kind} {listed} er {'skjulte' if several else 'skjult'} i arket, men har værdier, som ville "
        f"komme med i datamappen uden at være set; vis {them} i regnearket{how}, eller slet {them}"
    )


class _HiddenSpans:
    """The spans of consecutive hidden rows of a sheet that hold a value, gathered as the rows stream: the first
    NAMED_SPANS kept, the rest counted (a hostile sheet may hide every other of a million rows)."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []
        self.count = 0
        self._open: tuple[int, int, bool] | None = None  # the span being read: first row, last row, holds a value

    def see(self, number: int, hidden: bool, valued: bool) -> None:
        if self._open is not None and hidden and number == self._open[1] + 1:
            self._open = (self._open[0], number, self._open[2] or valued)
            return
        self._close()
        self._open = (number, number, valued) if hidden else None

    def _close(self) -> None:
        if self._open is not None and self._open[2]:
            self.count += 1
            if len(self.spans) < NAMED_SPANS:
                self.spans.append(self._open[:2])
        self._open = None

    def problems(self, label: str) -> list[Problem]:
        self._close()
        return [Problem(label, None, None, None, hidden_spans("række", self.spans, self.count))] if self.count else []


def _hidden_columns(columns: set[int], label: str) -> list[Problem]:
    """One line for the hidden columns that hold a value (the header's name included), as spans of letters."""
    spans: list[tuple[int, int]] = []
    for column in sorted(columns):
        if spans and column == spans[-1][1] + 1:
            spans[-1] = (spans[-1][0], column)
        else:
            spans.append((column, column))
    return [Problem(label, None, None, None, hidden_spans("kolonne", spans, len(spans), letters=True))] if spans else []


def _unread_sheet(book: StreamedWorkbook, sheet: str) -> str:
    """The line for a sheet the import does not read, naming the table whose columns its header has (a copy)."""
    copied = next((table for table in TABLES.values() if sorted(table.columns) == sorted(_header(book, sheet))), None)
    if copied is not None:
        return (
            f"arket har samme kolonner som arket {copied.name!r}, men kun {copied.name!r} bliver læst, så det, der står "
            f"på dette ark, kommer ikke med; flyt rettelserne over på {copied.name!r}, og slet dette ark"
        )
    sheets = "tabellernes ark" + "".join(f", „{own}“" for own in OWN_SHEETS[:-1]) + f" og „{OWN_SHEETS[-1]}“"
    return (
        f"arket er ikke en af dataordbogens tabeller, så det, der står på det, kommer ikke med; en arbejdsbog må kun have "
        f"{sheets}, så flyt det, der skal med, over på tabellens ark, og slet dette ark (noter kan stå i en anden fil)"
    )


def _header(book: StreamedWorkbook, sheet: str) -> list[str]:
    """The names in the sheet's first row with a value, or none if the sheet cannot be read that far."""
    if book.missing_part(sheet) is not None:
        return []
    try:
        for _, cells, _ in book.rows(sheet, MAX_COLUMNS):
            if names := [_header_text(c.value).strip() for c in cells if not _blank(c.value)]:
                return names
    except (TooManyCells, MisplacedCell, *DAMAGED):
        pass
    return []


def _too_large(megabytes: int | None) -> str:
    size = f"{megabytes} MB" if megabytes is not None else f"mere end {MAX_UNPACKED_MB} MB"
    return (
        f"arbejdsbogen fylder {size}, når den pakkes ud; højst {MAX_UNPACKED_MB} MB er tilladt. "
        "Slet tomme rækker og kolonner med formatering, eller del data op"
    )


def sheet_records(book: StreamedWorkbook, table: Table, label: str) -> tuple[list[tuple[int, list[str]]], list[Problem]]:
    """(row number, cells as text) for every row with a value, and the cells that cannot be read as data.

    The header is the first row with a value. Blank cells and rows are skipped wherever they are; a value
    beyond MAX_ROWS or MAX_COLUMNS stops the sheet with one line naming its cell.
    """
    records: list[tuple[int, list[str]]] = []
    problems: list[Problem] = []
    names: list[str] = []
    kinds: list[str | None] = []
    dated: list[bool] = []
    last = 0
    previous = 0  # the XML's last row number, blank rows included
    # The sheet's text so far: one shared string can stand in every cell, so a small file can hold gigabytes of text
    # (hostile round 19: 1.2 MB, 87 s of CPU before the folder's limit was checked after the last sheet).
    text = 0
    headings: list[Problem] = []  # header cells without a name, and values under them (_blank_headings, _without_heading)
    hidden_rows = _HiddenSpans()
    valued_columns: set[int] = set()  # the columns that hold a value: one of them hidden is said (_hidden_columns)
    longest = csv.field_size_limit()  # the longest cell the written folder's CSV is read back with
    try:
        for number, cells, hidden in book.rows(table.name, MAX_COLUMNS):
            if number <= previous:
                problems.append(Problem(label, number, None, None, _row_out_of_place(number, previous)))
                continue
            previous = number
            present = [c for c in cells if not _blank(c.value)]
            hidden_rows.see(number, hidden, bool(present))
            if not present:
                continue
            if names:  # below the header: a hidden column holding a name alone adds no value unseen
                valued_columns.update(c.column for c in present)
            far = next((c for c in present if c.row > MAX_ROWS + 1 or c.column > MAX_COLUMNS), None)  # + the header
            if far is not None:
                problems.append(Problem(label, far.row, _column_name(names, far.column), _shown(far.value), _far_away(far)))
                break
            for c in present:
                kind = kinds[c.column - 1] if c.column <= len(kinds) else None
                dates = c.column <= len(kinds) and dated[c.column - 1]
                if message := _unreadable(c) or _number_as_text(c, kind) or _not_text(c, kind, dates):
                    shown = cell_text(c.value, c.number_format, kind) if c.kind in ("b", "d") else _shown(c.value)
                    problems.append(Problem(label, c.row, _column_name(names, c.column), shown, message))
            problems += _repeated_cells(cells, names, label)
            width = max(len(names), *(c.column for c in present))
            texts = [""] * width
            for c in present:
                kind = kinds[c.column - 1] if c.column <= len(kinds) else None
                texts[c.column - 1] = _header_text(c.value) if not names else cell_text(c.value, c.number_format, kind)
                if len(texts[c.column - 1]) > longest:
                    problems.append(Problem(label, c.row, _column_name(names, c.column), None, _too_long_to_read(c, texts, longest)))
                    texts[c.column - 1] = ""  # said: its megabytes are not carried on into the folder's checks
            if not names:
                names = [h.strip() for h in texts]
                kinds = [table.kind_of(n) if n in table.schema.columns else None for n in names]
                dated = [n in table.schema.columns and table.takes_dates(n) for n in names]
                headings += _blank_headings(names, number, label)
            else:
                headings += [_without_heading(c, names, label) for c in present if c.column > len(names) or not names[c.column - 1]]
            records.append((number, texts))
            last = number
            text += sum(map(len, texts))
            if text > MAX_FOLDER_BYTES:
                problems.append(too_much(label, f"arkets tekster fylder allerede ved række {number} mere end hele datamappen må"))
                break
        else:
            # A merged range in the header leaves cells empty as Excel stores it: the range's line says why, alone.
            problems += _merged_ranges(book, table.name, names, label) or headings
    except TooManyCells as wide:
        problems.append(
            Problem(
                label,
                wide.row,
                None,
                None,
                f"rækken har flere end {wide.cap} celler i arkets XML, og et ark må højst have {wide.cap} kolonner "
                f"(A-{get_column_letter(wide.cap)}); slet de tomme celler til højre, eller gem arbejdsbogen igen fra "
                "Excel eller LibreOffice",
            )
        )
    except MisplacedCell as misplaced:
        problems.append(
            Problem(
                label,
                misplaced.row,
                None,
                misplaced.reference,
                f"cellen står i række {misplaced.row} i arkets XML, men dens adresse nævner en anden række, så det er uklart, "
                f"hvilken række værdien hører til; {RESAVE}",
            )
        )
    except DAMAGED as damage:
        after = f"efter række {last}" if last else "før første række"
        # An entity no DTD declares (a cell's `koege&yy;`) is named as what it is, as the DTD itself is (spreadsheet
        # _doctype_parts), not as damage "fx et styretegn" (hostile review s23, F3).
        said = (
            f"arkets XML henviser {after} til en entitet (&navn;), som ikke er defineret; Excel skriver kun de faste "
            "(&amp; &lt; &gt; &quot; &apos;)"
            if getattr(damage, "code", None) == UNDEFINED_ENTITY
            else f"arkets XML er beskadiget {after} (fx et styretegn)"
        )
        problems.append(
            Problem(label, None, None, None, f"{said}, så arket kan ikke læses; gem arbejdsbogen igen fra Excel eller LibreOffice")
        )
    return records, problems + hidden_rows.problems(label) + _hidden_columns(valued_columns & book.hidden_columns(table.name), label)


def _too_long_to_read(cell: Cell, texts: list[str], longest: int) -> str:
    """A cell longer than the data folder's CSV may hold: said of its cell, with the cap, as a CSV folder's field is
    (it was said of the folder's quotes.csv, a file never written: hostile review of issue 25)."""
    return (
        f"celle {cell.reference} har {thousands(len(texts[cell.column - 1]))} tegn; en celle må højst have {thousands(longest)} tegn, "
        "det længste en datamappes CSV-fil kan læses med; del teksten op"
    )


def _merged_ranges(book: StreamedWorkbook, sheet: str, names: list[str], label: str) -> list[Problem]:
    """One line per merged range of the sheet, refused rather than read: Excel shows the first cell's value across
    the whole range but stores it in that cell alone, so the others were read as empty without a word, and which of
    the two the analyst meant (the value in every row, or in one) would be a guess."""
    named, count = book.merged(sheet)
    problems = []
    for index, shown in enumerate(named):
        try:
            first_column, first_row, _, _ = range_boundaries(shown)
        except (ValueError, TypeError):
            first_column = first_row = None
        if first_column is None or first_row is None:
            where = f"arkets XML fletter celler med et område, der ikke er en celleadresse ({visible(shown)!r})"
            problems.append(Problem(label, None, None, None, f"{where}; {RESAVE}"))
            continue
        first = f"{get_column_letter(first_column)}{first_row}"
        column = _column_name(names, first_column)
        if index == MAX_MERGED:  # counted from here, as the validation counts wrong cells in a column
            rest = thousands(count - MAX_MERGED - 1)
            said = f"cellerne {shown} og {rest} områder mere er flettet; ophæv fletningen af dem alle, og skriv værdien i hver celle"
            problems.append(Problem(label, first_row, column, None, said))
            break
        problems.append(
            Problem(
                label,
                first_row,
                column,
                None,
                f"cellerne {shown} er flettet; Excel viser {first}s værdi i dem alle, men gemmer den kun i {first}, så de "
                "andre ville blive læst som tomme. Ophæv fletningen, og skriv værdien i hver celle, den gælder for",
            )
        )
    return problems


def _repeated_cells(cells: list[Cell], names: list[str], label: str) -> list[Problem]:
    """A cell the row's XML holds twice: Excel never writes one, and which of the two is meant would be a guess."""
    counts = Counter(c.column for c in cells)
    return [
        Problem(
            label,
            c.row,
            _column_name(names, c.column),
            None,
            f"celle {c.reference} står mere end én gang i arkets XML, så det er uklart, hvilken værdi der gælder; "
            "gem arbejdsbogen igen fra Excel eller LibreOffice",
        )
        for c in {c.column: c for c in cells if counts[c.column] > 1}.values()
    ]


def _row_out_of_place(number: int, previous: int) -> str:
    """A row the sheet's XML holds twice, or after a later row: Excel writes each row once, in order, and which of two
    rows numbered alike is meant would be a guess (both were once kept)."""
    where = "mere end én gang" if number == previous else f"efter række {previous}"
    return (
        f"række {number} står {where} i arkets XML, så det er uklart, hvilke værdier der gælder; "
        "gem arbejdsbogen igen fra Excel eller LibreOffice"
    )


def _blank_headings(names: list[str], row: int, label: str) -> list[Problem]:
    """One line for each empty cell among the header's names: it was said to be a column named twice (two empty
    names), naming no cell (hostile round 19, #3)."""
    problems = []
    for column, name in enumerate(names, start=1):
        if not name:
            cell, right = f"{get_column_letter(column)}{row}", f"{get_column_letter(len(names))}{row}"
            why = f"celle {cell} i overskriften er tom, men der står et kolonnenavn til højre for den ({right})"
            fix = "skriv kolonnens navn i cellen, eller slet kolonnen"
            problems.append(Problem(label, row, get_column_letter(column), None, f"{why}; {fix}"))
    return problems


def _without_heading(cell: Cell, names: list[str], label: str) -> Problem:
    """A value in a column whose header cell is empty: it was told in the CSV reader's words ("'20 felter'")."""
    why = f"celle {cell.reference} har en værdi, men kolonnen har intet navn i overskriften"
    fix = "skriv kolonnens navn i overskriften, eller slet værdien"
    return Problem(label, cell.row, get_column_letter(cell.column), _shown(cell.value), f"{why}; {fix}")


def _column_name(names: list[str], column: int) -> str:
    """The header's name for a column, or its letter where the header has none."""
    return names[column - 1] if column <= len(names) and names[column - 1] else get_column_letter(column)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _shown(value: object) -> str:
    return value if isinstance(value, str) else str(value)


def _far_away(cell: Cell) -> str:
    return (
        f"celle {cell.reference} ligger uden for det tilladte område; et ark må højst have "
        f"{thousands(MAX_ROWS)} rækker under overskriften og {MAX_COLUMNS} kolonner (A-{get_column_letter(MAX_COLUMNS)})"
    )


# Characters a CSV file cannot hold (the reader refuses them): C0 controls but tab, line feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _unreadable(cell: Cell) -> str | None:
    """Why a cell with a value cannot become data, or None: formulas and error values are refused, not guessed at."""
    if cell.kind == "f":
        return f"celle {cell.reference} er en formel; indlæsningen læser ikke formler, så skriv selve værdien (kopiér, og indsæt som værdi)"
    if cell.kind == "e":
        return f"celle {cell.reference} har en fejlværdi fra Excel; ret formlen, eller skriv værdien"
    if cell.kind == "u":
        return (
            f"celle {cell.reference} er dato-tallet {cell_text(cell.value)}, som ingen kalender har (Excel viser 60 som "
            "29-02-1900, en dag der ikke fandtes, og 0 eller et negativt tal er ingen dato); skriv datoen som ÅÅÅÅ-MM-DD"
        )
    if cell.kind == "x":
        return (
            f"celle {cell.reference} henviser til en delt tekst (nr.\u00a0{cell.value}), som arbejdsbogen ikke har; filen er beskadiget, "
            "så gem den igen fra Excel eller LibreOffice"
        )
    if isinstance(cell.value, str) and (control := _CONTROL.search(cell.value)):
        return f"celle {cell.reference} indeholder styretegnet U+{ord(control.group()):04X}, som ikke kan stå i en CSV-fil; slet det"
    return None


# Excel keeps 15 significant digits of a number: a longer one typed in was changed as it was typed, and one above
# 2^53 (a file written by another program) is not even held exactly by a double.
MAX_NUMBER_DIGITS = 15
# The number formats that show a whole number as its digits, whatever the locale: General, Text, 0 and a zero-padded
# 0000 (cell_text pads to the zeros' count).
_DIGITS_FORMAT = re.compile(r"General|@|0+", re.IGNORECASE)
# The formats an integer column reads a number through: each shows a whole number as its digits, grouped or not.
_INTEGER_FORMAT = re.compile(r"General|@|0+|#,##0", re.IGNORECASE)


def _number_as_text(cell: Cell, kind: str | None) -> str | None:
    """Why a number cell cannot be read as the text a text column holds, or None.

    A text column (an id, a code, a name) takes a number only as a whole number shown as its digits: any other
    display ('1.234,50', '10 %', '1,2E+19') depends on the reader's locale, so reading it would be a guess, and its
    stored value ('1234.5', '0.1') is not what the analyst sees. Any column refuses a number of more than 15 digits."""
    if cell.kind != "n" or isinstance(cell.value, bool) or not isinstance(cell.value, (int, float)):
        return None
    value = cell.value
    if abs(value) >= 10**MAX_NUMBER_DIGITS:
        return (
            f"celle {cell.reference} er et tal med mere end {MAX_NUMBER_DIGITS} cifre; Excel gemmer kun {MAX_NUMBER_DIGITS} "
            "betydende cifre, så tallet kan være ændret; formatér cellen som Tekst, og skriv værdien igen, som den skal stå"
        )
    if kind is None:
        return None
    if kind == "integer":
        if _INTEGER_FORMAT.fullmatch(cell.number_format or "General"):
            return None
        return (
            f"celle {cell.reference} er et tal vist med formatet {cell.number_format!r} i en kolonne for hele tal; Excel har gemt "
            f"{cell_text(value)}, som ikke er det, du ser (100 % gemmes som 1); formatér cellen som Standard, og skriv det hele "
            "tal med cifre"
        )
    whole = isinstance(value, int) or value.is_integer()
    if whole and _DIGITS_FORMAT.fullmatch(cell.number_format or "General"):
        return None
    shown = "" if cell.number_format in ("", "General") else f" vist med formatet {cell.number_format!r}"
    return (
        f"celle {cell.reference} er et tal{shown} i en tekstkolonne; her læses kun hele tal uden andet format end 0 eller "
        "0000, for andre tal vises forskelligt fra regneark til regneark (1.234,50 eller 1,234.50); formatér cellen som Tekst, "
        "og skriv værdien, som den skal stå"
    )


# What Excel stores a typed value as, when it is not text or a number: a reader of a text column would get other text
# than the analyst sees ('2-1' as 2026-01-02, 'SAND' as TRUE, '1:30' as 1:30:00).
_MOMENTS = ((dt.datetime, "en dato med klokkeslæt"), (dt.date, "en dato"), (dt.time, "et klokkeslæt"), (dt.timedelta, "en varighed"))


def _not_text(cell: Cell, kind: str | None, dates: bool) -> str | None:
    """Why a true/false, date, time or duration cell cannot be read into its column, or None. A date is read only into
    a column the schema says takes dates (schema.date), as ÅÅÅÅ-MM(-DD); in any other it is refused, not turned into
    text the analyst never typed. No column takes a true/false cell."""
    if kind is None:
        return None  # the header, or a column the schema does not know (refused as such)
    allowed = (
        "et helt tal, så formatér cellen som Standard, og skriv tallet med cifre"
        if kind == "integer"
        else "tekst (kun en datokolonne læser en dato), så formatér cellen som Tekst, og skriv teksten som tekst"
    )
    if cell.kind == "b":
        stored = cell_text(cell.value)
        return f"celle {cell.reference} er en sandhedsværdi (SAND eller FALSK), som Excel gemmer som {stored}; kolonnen tager {allowed}"
    if cell.kind != "d":
        return None
    if dates:
        return _date_not_shown(cell)
    midnight = isinstance(cell.value, dt.datetime) and cell.value.time() == dt.time(0, 0)
    what = "en dato" if midnight else next(name for moment, name in _MOMENTS if isinstance(cell.value, moment))
    shown = "" if cell.number_format in ("", "General") else f" vist med formatet {cell.number_format!r}"
    stored = cell_text(cell.value, cell.number_format)
    return f"celle {cell.reference} er {what}{shown}, som Excel gemmer som {stored}; kolonnen tager {allowed}"


def _date_not_shown(cell: Cell) -> str | None:
    """Why a date cell in a date column cannot be read as what the analyst sees, or None. A date column takes a month
    or a day (ÅÅÅÅ-MM or ÅÅÅÅ-MM-DD); a cell shown as only a year (`yyyy`), a month's name (`mmmm`) or a time (`h:mm`)
    was read as the year-and-month or day Excel stores behind it, which the analyst never saw (hostile round 14, #5:
    `2021` became 2021-01). It is refused, not read as the year it shows: no date column takes a year alone."""
    plain = _plain_format(cell.number_format)
    if plain in ("", "general"):
        return None
    # 'm' right after an hour or before seconds is minutes, not the month.
    months = re.sub(r"m+(?=[^a-z]*s)", "", re.sub(r"(h+[^a-z]*)m+", r"\1", plain))
    if "y" in plain and "m" in months:
        return None
    stored = cell_text(cell.value, "yyyy-mm-dd h:mm")
    return (
        f"celle {cell.reference} er en dato vist med formatet {cell.number_format!r}, som ikke viser både år og måned (Excel "
        f"gemmer {stored}); kolonnen tager en dato som ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD, så formatér cellen som åååå-mm-dd, eller "
        "skriv datoen som tekst"
    )


def _header_text(value: object) -> str:
    return "" if value is None else str(value)


def cell_text(value: object, number_format: str = "General", kind: str | None = None) -> str:
    """A cell as the text the CSV would hold: undo what Excel does to numbers and dates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        if re.fullmatch("0+", number_format) and kind != "integer":  # '0000' shows 1 as 0001
            return ("-" if value < 0 else "") + f"{abs(value):0{len(number_format)}d}"
        return f"{value:03d}" if kind == "code" and 0 <= value < 1000 else str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, dt.datetime):
        if value.time() != dt.time(0, 0):
            return value.isoformat(sep=" ", timespec=_timespec(value))
        value = value.date()
    if isinstance(value, dt.date):
        # A cell shown without a day ("nov-21") was typed as a month, and Excel stored its first day: keep it a month.
        # Any other day was typed, and is kept whatever the format hides.
        return value.strftime("%Y-%m-%d" if _shows_day(number_format) or value.day != 1 else "%Y-%m")
    if isinstance(value, dt.time):
        return value.isoformat(timespec=_timespec(value))
    if isinstance(value, dt.timedelta):  # as Excel shows a duration ([t]:mm:ss), not Python's '2 days, 0:00:00'
        seconds = round(value.total_seconds())
        sign, seconds = ("-" if seconds < 0 else ""), abs(seconds)
        return f"{sign}{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    return str(value)


def _timespec(moment: dt.datetime | dt.time) -> str:
    """As much of the time as the cell holds: minutes, or seconds, or milliseconds (Excel keeps no finer)."""
    if moment.microsecond:
        return "milliseconds"
    return "seconds" if moment.second else "minutes"


def _shows_day(number_format: str) -> bool:
    plain = _plain_format(number_format)
    return "d" in plain or plain in ("", "general")


def _plain_format(number_format: str) -> str:
    """A number format's codes without its quoted text, [bracketed] parts and escaped characters, in lower case."""
    return re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", number_format or "").lower()


def folder_files(raws: Mapping[str, RawTable]) -> dict[str, str]:
    """The CSV text of every table, columns in the schema's order, list cells as `a;b`."""
    files = {}
    for name, raw in raws.items():
        table = TABLES[name]
        frame = raw.frame.reindex(columns=table.columns, fill_value="").astype(str)
        for column in table.list_columns:
            frame[column] = frame[column].map(lambda cell: LIST_SEPARATOR.join(split_list(cell)))
        files[table.file] = csv_text(table.columns, frame.values.tolist())
    return files


def import_workbook(path: Path, dest: Path, *, overwrite: bool = False) -> list[Problem]:
    """Validate the workbook and, only if nothing is wrong, write it as the data folder `dest`.

    Returns the problems (and writes nothing) if there are any. Raises FileExistsError, once the workbook is
    valid, if `dest` exists and `overwrite` is not given: the analyst first learns what is wrong with the data.
    """
    raws, problems = checked_workbook(path)
    if problems:
        return problems
    write_imported(raws, dest, overwrite=overwrite, workbook=path)
    return []


def checked_workbook(path: Path) -> tuple[dict[str, RawTable], list[Problem]]:
    """The workbook's tables and every problem in them, in one run: a sheet that cannot be read does not keep
    the other sheets from being checked."""
    raws, labels, problems = read_workbook(path)
    if not raws:
        return raws, problems
    return raws, problems + validate_tables(raws, labels)[1]


def write_imported(raws: Mapping[str, RawTable], dest: Path, *, overwrite: bool = False, workbook: Path | None = None) -> None:
    """Write valid tables as the data folder `dest`, all or nothing (folder_writing.write_folder). The folder is read
    back before it takes `dest`'s place; anything that reading finds is named by the `workbook`'s sheet and row."""
    dest = Path(os.path.abspath(dest))
    refuse_output(dest, folder=True, overwrite=overwrite)
    tables = with_folder_source(raws)

    def check(folder: Path) -> list[Problem]:
        found = check_folder(folder)
        return found if workbook is None else as_the_workbooks(found, tables, workbook)

    write_folder(folder_files(tables), dest, overwrite=overwrite, check=check)


def as_the_workbooks(problems: list[Problem], raws: Mapping[str, RawTable], workbook: Path) -> list[Problem]:
    """The read-back's problems of a folder written from `workbook`, each named by the sheet and row it came from: the
    analyst knows the workbook, not the folder's files (a 5 MB cell was said of "out/quotes.csv, række 2", a file never
    written: hostile review of issue 25). A row the sheet does not hold (the header, the added source) is left out."""
    tables = {TABLES[name].file: name for name in raws}
    named = []
    for problem in problems:
        name = tables.get(problem.file.rpartition("/")[2])
        if name is None:
            named.append(problem)
            continue
        rows = raws[name].rows
        row = rows[problem.row - 2] if problem.row is not None and 2 <= problem.row < len(rows) + 2 else None
        named.append(dataclasses.replace(problem, file=sheet_label(workbook, name), row=row))
    return named


# The `kilde` row of a folder made from a spreadsheet, and of the CSV template (ADR 86): said, not left to the default,
# so an analyst who reads options.csv sees whose the folder is.
IMPORTED_SOURCE_NOTE = "Datamappen er lavet af importen af et regneark: dens værdier er analytikerens, ikke rapportens."
TEMPLATE_SOURCE_NOTE = "Datamappen er en analytikers: dens værdier er analytikerens, ikke rapportens."


def without_the_reports_source(raws: Mapping[str, RawTable]) -> dict[str, RawTable]:
    """The tables without the `kilde` = `rapporten` row data/ states (ADR 86): a workbook is written to be edited, and
    the import of an edited one must not credit the report with it, so it writes `analytiker` (with_folder_source)."""
    if "options" not in raws:
        return dict(raws)
    options = raws["options"]
    kept = ~((options.frame["option_id"] == FOLDER_SOURCE) & (options.frame["value"] == BY_REPORT)).to_numpy()
    rows = [row for row, keep in zip(options.rows, kept, strict=True) if keep]
    return {**raws, "options": dataclasses.replace(options, frame=options.frame[kept].reset_index(drop=True), rows=rows)}


def with_folder_source(raws: Mapping[str, RawTable]) -> dict[str, RawTable]:
    """The tables with `kilde` = `analytiker` in options unless the workbook names the source itself: a folder made
    from a spreadsheet is the analyst's, so the book it builds never credits the report (data/provenance.py)."""
    options = raws["options"].frame if "options" in raws else pd.DataFrame(columns=TABLES["options"].columns)
    if (options["option_id"] == FOLDER_SOURCE).any():
        return dict(raws)
    row = {"option_id": FOLDER_SOURCE, "value": BY_ANALYST, "note": IMPORTED_SOURCE_NOTE}
    frame = pd.concat([options, pd.DataFrame([row])], ignore_index=True).fillna("")
    rows = raws["options"].rows if "options" in raws else []
    return {**raws, "options": RawTable(frame, [*rows, (rows[-1] if rows else 1) + 1])}


# -- templates ----------------------------------------------------------------------------------


def template_files() -> dict[str, str]:
    """An empty data folder: one CSV per table with the header only, as data/ has it, but options.csv says the folder
    is an analyst's (`kilde` = `analytiker`, ADR 86). Without the formula guard's mark (ADR 80): the one row holds no
    sign to guard, and an analyst who fills the template in a text editor keeps a cell's own apostrophe, which the mark
    would take off."""
    files = {table.file: ",".join(table.columns) + "\n" for table in TABLES.values()}
    options = TABLES["options"]
    files[options.file] = plain_csv_text(options.columns, [[FOLDER_SOURCE, BY_ANALYST, TEMPLATE_SOURCE_NOTE]])
    return files


def workbook_summary(source: Workbook | Path) -> dict:
    """What matters in a workbook, without timestamps: to tell whether a committed template is current."""
    readable: Path | io.BytesIO
    if isinstance(source, Workbook):
        readable = io.BytesIO()
        source.save(readable)
        readable.seek(0)
    else:
        readable = source
    book = openpyxl.load_workbook(readable)
    summary = {}
    for sheet in book.worksheets:
        summary[sheet.title] = {
            "cells": [[cell.value for cell in row] for row in sheet.iter_rows()],
            "bold": [cell.font.bold for cell in sheet[1]],
            "frozen": sheet.freeze_panes,
            "validations": sorted(
                (str(v.sqref), v.type, v.formula1, v.allow_blank, v.error, v.prompt) for v in sheet.data_validations.dataValidation
            ),
            "formats": {k: d.number_format for k, d in sorted(sheet.column_dimensions.items())},
        }
    return summary


# -- the chapter on re-running the book ----------------------------------------------------------
