"""An .xlsx workbook read as a stream of cells, within limits, so that a hostile file costs seconds, not gigabytes.

openpyxl's read-only mode streams a sheet but pads every row out to the sheet's stated dimension (one space in
O1048576 becomes a million padded rows), builds an object per string, unescapes `_xHHHH_` only partly, and
reports a damaged file as a traceback. Here the archive's unpacked size is checked before anything is unpacked;
openpyxl reads the small parts (the content types, the workbook and its relationships, the styles), each counted
first so that it is small, and the sheets and shared strings are parsed here, element by element, with each row
dropped once read, yielding only the cells a sheet holds. The OOXML escapes are decoded
once, for shared and inline strings alike. What a cell means for the data is decided in `workbook`.
"""

from __future__ import annotations

import heapq
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element
from xml.parsers import expat

from defusedxml.ElementTree import iterparse
from openpyxl.packaging.relationship import get_rels_path
from openpyxl.reader.excel import ExcelReader, _find_workbook_part  # type: ignore[attr-defined]  # openpyxl's own choice
from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE
from openpyxl.styles.stylesheet import apply_stylesheet
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import coordinate_to_tuple, range_boundaries
from openpyxl.utils.datetime import WINDOWS_EPOCH, from_excel, from_ISO8601
from openpyxl.xml.constants import ARC_CONTENT_TYPES, ARC_STYLE, SHARED_STRINGS, SHEET_MAIN_NS

from kulturensrige.data.archive import OverBudget, Unreadable, chunks, expanded_size, member_problems
from kulturensrige.data.csv_reading import thousands
from kulturensrige.words import visible

MAX_UNPACKED_MB = 32  # the national-scale export (10,000 quotes) unpacks to 14 MB; see BENCHMARKS.md
DAMAGED = (SyntaxError, ValueError, KeyError, IndexError, TypeError, OverflowError, zipfile.BadZipFile, EOFError)
"""What a damaged archive or XML part raises while it is read (expat, zipfile, openpyxl, number parsing: a row
numbered `inf` or `1e400` is a float no integer can hold; defusedxml's DTDForbidden is a ValueError). SyntaxError
is expat's ParseError and lxml's XMLSyntaxError alike: openpyxl parses its parts with lxml where it is installed,
and a truncated xl/styles.xml ended in lxml's traceback."""

# The parts openpyxl reads whole, each into an object per element (xl/styles.xml: 5,000,000 empty <xf/>, 25 MB
# unpacked, took 2.8 GB and minutes). Their elements and attributes are counted as they stream, before openpyxl
# reads them. Excel allows at most 65,490 cell formats, three elements and nine attributes each in the largest
# styles it writes: such a styles part (196,470 elements) is read in about 230 MB; see BENCHMARKS.md.
MAX_PART_ELEMENTS = 250_000
MAX_PART_ATTRIBUTES = 1_000_000
MAX_PART_DEPTH = 100  # libxml2 (lxml, under openpyxl) stops at 256 levels; Excel nests its parts a few deep

_ROW_NUMBER = re.compile(r"[0-9]{1,7}")  # a row as Excel numbers it, 1 to 1,048,576: ASCII digits only
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
# A number as a worksheet stores it (xsd:double without INF and NaN): digits, a point, an exponent.
_NUMBER = re.compile(r"-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
_ROW, _CELL, _VALUE, _FORMULA, _INLINE, _TEXT, _RUN, _STRING, _SHEET_DATA, _STRINGS, _MERGE_CELLS, _MERGE_CELL = (
    f"{{{SHEET_MAIN_NS}}}{tag}" for tag in ("row", "c", "v", "f", "is", "t", "r", "si", "sheetData", "sst", "mergeCells", "mergeCell")
)
_SHEET = f"{{{SHEET_MAIN_NS}}}sheet"  # an entry of the workbook's sheet list
_COLS, _COL = f"{{{SHEET_MAIN_NS}}}cols", f"{{{SHEET_MAIN_NS}}}col"  # a sheet's column widths, and whether each is hidden
# An attribute of a row or column that hides it (xsd:boolean), and the sheet states that hide a sheet.
_TRUE = ("1", "true")
HIDDEN_STATES = ("hidden", "veryHidden")
# What a string item (CT_Rst) and a rich-text run (CT_RElt) may hold.
_STRING_PARTS = {f"{{{SHEET_MAIN_NS}}}{tag}" for tag in ("t", "r", "rPh", "phoneticPr")}
_RUN_PARTS = {f"{{{SHEET_MAIN_NS}}}{tag}" for tag in ("rPr", "t")}
# Excel's "Strict Open XML" form of a workbook: the same elements in another namespace, which openpyxl does not read.
STRICT_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main"
# The parts whose elements are read by their SpreadsheetML names: in any other namespace they read as nothing.
_READ_BY_NAME = {"workbook", "worksheet", "sst"}
STRICT = (
    "arbejdsbogen er gemt som Strict Open XML, som indlæsningen ikke læser; gem den igen som Excel-projektmappe (.xlsx) "
    "(Filer > Gem som), og indlæs den igen"
)
MAX_MERGED = 20  # merged ranges named one by one; the rest are counted (as csv_reading.MAX_CELL_LINES)


def _range_start(reference: str) -> tuple[int, int]:
    """(row, column) of a merged range's first cell; (0, 0) for a reference that is no range."""
    try:
        column, row, _, _ = range_boundaries(reference)
    except (ValueError, TypeError):
        return 0, 0
    return (row or 0, column or 0)


class TooLarge(Exception):
    """The archive unpacks to more than MAX_UNPACKED_MB: as its headers say (`megabytes`), or as counted (None)."""

    def __init__(self, megabytes: int | None):
        self.megabytes = megabytes
        super().__init__(f"{megabytes} MB")


class TooManySheets(Exception):
    """The workbook lists more sheets than the reader takes (`max_sheets`): all their names, in the list's order, read
    from the sheet list alone. 5,000 empty sheets (1.3 MB) cost 21 s of CPU and 5,000 lines (hostile review 22, #2)."""

    def __init__(self, names: list[str]):
        self.names = names
        super().__init__(f"{len(names)} ark")


class TooManyCells(Exception):
    """A row of the sheet's XML holds more cells than a sheet may have columns: read no further."""

    def __init__(self, row: int, cap: int):
        self.row, self.cap = row, cap
        super().__init__(f"række {row}: over {cap} celler")


class MisplacedCell(Exception):
    """A cell whose reference names another row than the row of the sheet's XML that holds it (`<c r="D3">` inside
    `<row r="2">`): Excel never writes one, and which row the value belongs to would be a guess (it was read as row 2)."""

    def __init__(self, row: int, reference: str):
        self.row, self.reference = row, reference
        super().__init__(f"række {row}: celle {reference}")


@dataclass(frozen=True)
class Cell:
    """One cell as stored: `kind` is openpyxl's data type ('s', 'n', 'd', 'b', 'f' for a formula, 'e' for an error),
    or 'x' for a shared-string cell whose index (`value`) names no string the workbook holds, or 'u' for a date whose
    serial number (`value`) no calendar has: 0 or less, or 60, Excel's 29 February 1900 (openpyxl read 60 as the 28th
    and -5 as 1899-12-25, without a word)."""

    row: int
    column: int
    value: object
    kind: str
    number_format: str

    @property
    def reference(self) -> str:
        return f"{get_column_letter(self.column)}{self.row}"


def unescape(text: str) -> str:
    """Decode OOXML's `_xHHHH_` escapes left to right, so `_x005F_x0041_` is the literal text `_x0041_`."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


# The underscore that begins an `_xHHHH_` in a text, each one, also where two share it: in `_x005F_x0041_` both the
# first underscore and the one between the two escape it.
_ESCAPE_START = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")


def escape(text: str) -> str:
    """What Excel reads back as `text` (OOXML's ST_Xstring): the underscore that begins a literal `_xHHHH_` is written
    `_x005F_`, and a carriage return (which XML turns into a line feed) `_x000D_`, as Excel itself does. Every such
    underscore, not only those a left-to-right search finds: `a _x005F_x0041_ b` came back as `a _x005FA b` (hostile
    round 19, #2), as its second underscore was left bare."""
    return _ESCAPE_START.sub("_x005F_", text).replace("\r", "_x000D_")


class StreamedWorkbook:
    """The sheets of one .xlsx file, each read row by row on demand; use as a context manager."""

    def __init__(self, path: Path, max_sheets: int | None = None):
        # Opens the archive and reads its directory, nothing more. keep_links=False: a link to another workbook
        # holds a cached copy of its sheets, which openpyxl would read whole; the import never uses it.
        reader = ExcelReader(path, read_only=True, keep_links=False)
        self._archive = reader.archive
        try:
            unpacked = sum(info.file_size for info in self._archive.infolist())
            if unpacked > MAX_UNPACKED_MB * 2**20:
                raise TooLarge(round(unpacked / 2**20))
            if problems := member_problems(self._archive):
                raise Unreadable(problems)
            # The stated sizes can lie, and openpyxl reads a part in one call: count what really comes out first.
            try:
                expanded_size(self._archive, MAX_UNPACKED_MB * 2**20)
            except OverBudget:
                raise TooLarge(None) from None
            if declared := _doctype_parts(self._archive):
                raise Unreadable(declared)
            if foreign := _foreign_parts(self._archive):
                raise Unreadable(foreign)
            if crowded := whole_part_problems(self._archive, {ARC_CONTENT_TYPES: "listen over arbejdsbogens dele"}):
                raise Unreadable(crowded)
            reader.read_manifest()
            workbook = _find_workbook_part(reader.package).PartName[1:]
            whole = {
                workbook: "arbejdsbogens liste over ark",
                get_rels_path(workbook): "arbejdsbogens henvisninger til sine dele",
                ARC_STYLE: "arbejdsbogens typografier",
            }
            if crowded := whole_part_problems(self._archive, whole):
                raise Unreadable(crowded)
            listed = _sheet_list(self._archive, workbook)
            if max_sheets is not None and len(listed) > max_sheets:
                raise TooManySheets([name for name, _ in listed])  # before openpyxl makes an object for each
            # Read here, by the project's own defusedxml reader, as the sheet list is: openpyxl's state is not asked.
            self._states = dict(listed)
            reader.read_workbook()
            apply_stylesheet(self._archive, reader.wb)
            book = reader.wb
            sheets = [(sheet.name, rel.target) for sheet, rel in reader.parser.find_sheets()]
            if twice := _same_names([name for name, _ in sheets]):
                raise Unreadable(twice)
            self._parts = dict(sheets)
            self._merged: dict[str, tuple[list[str], int]] = {}
            self._hidden_columns: dict[str, set[int]] = {}
            self._epoch = book.epoch
            # The reader's date and duration styles: private fields of openpyxl's Workbook that types-openpyxl omits.
            self._dates = book._date_formats  # type: ignore[attr-defined]
            self._durations = book._timedelta_formats  # type: ignore[attr-defined]
            # Every style's number format: a number's display decides how a text column may read it (workbook).
            self._formats = _number_formats(book)
            strings = reader.package.find(SHARED_STRINGS)
            self._strings = self._shared_strings(strings.PartName[1:]) if strings is not None else []
        except BaseException:
            self.close()
            raise

    @property
    def sheetnames(self) -> list[str]:
        return list(self._parts)

    def state(self, name: str) -> str:
        """The sheet's state as the workbook's sheet list gives it: 'visible', 'hidden' (Excel's Skjul) or 'veryHidden'
        (hidden so that Excel's menus cannot show it)."""
        return self._states.get(name) or "visible"

    def hidden_columns(self, name: str) -> set[int]:
        """The columns (1 = A) the sheet hides, up to the `max_cells` its `rows` was read with, as far as `rows(name)`
        has read it (a sheet's column list stands before its rows)."""
        return self._hidden_columns.get(name, set())

    def missing_part(self, name: str) -> str | None:
        """The part (file in the zip) that holds the sheet's cells, if the workbook lists the sheet but lacks its file."""
        part = self._parts[name]
        return None if part in self._archive.namelist() else part

    def rows(self, name: str, max_cells: int) -> Iterator[tuple[int, list[Cell], bool]]:
        """(row number, the cells the sheet's XML holds in it, whether the row is hidden), only for rows the XML holds;
        strings unescaped. The sheet's merged ranges, which its XML holds after the rows, are kept for `merged` as they
        pass, and its hidden columns, which it holds before them, for `hidden_columns`. A row or column is hidden by
        `hidden="1"` (Excel's Skjul, a filter, a collapsed group) or by a height or width of 0.

        Cell by cell, each dropped from the tree once read: a row of 6,500,000 empty `<c/>` (25 MB unpacked, under
        the cap) was built whole before it was read, 1.7 GB and minutes. A row holding more than `max_cells` cells
        stops the sheet (TooManyCells) at the first cell too many."""
        number = 0
        first: list[tuple[tuple[int, int], str]] = []  # a heap of the ranges that come first, the last of them on top
        count = 0
        data: Element | None = None
        ranges: Element | None = None
        columns: Element | None = None
        hidden_columns = self._hidden_columns.setdefault(name, set())
        row: Element | None = None
        hidden = False
        cells: list[Cell] = []
        column = 0
        with self._archive.open(self._parts[name]) as source:
            for event, element in iterparse(source, events=("start", "end"), forbid_dtd=True):
                if event == "start":
                    if element.tag == _SHEET_DATA:
                        data = element
                    elif element.tag == _MERGE_CELLS:
                        ranges = element
                    elif element.tag == _COLS:
                        columns = element
                    elif element.tag == _ROW and data is not None and row is None:
                        row, number, column, cells = element, _row_number(element.get("r"), number), 0, []
                        hidden = _hides(element, "ht")
                    continue
                if element.tag == _CELL and row is not None:
                    reference = element.get("r")
                    if reference:
                        named_row, column = coordinate_to_tuple(reference)
                        if named_row != number:
                            raise MisplacedCell(number, reference)
                    else:
                        column += 1
                    cells.append(self._cell(element, number, column))
                    row.remove(element)
                    if len(cells) > max_cells:
                        raise TooManyCells(number, max_cells)
                elif row is not None and element is row and data is not None:
                    yield number, cells, hidden
                    data.remove(row)
                    row = None
                elif element.tag == _MERGE_CELL and ranges is not None:
                    count += 1
                    reference = element.get("ref") or ""
                    start_row, start_column = _range_start(reference)
                    heapq.heappush(first, ((-start_row, -start_column), reference))
                    if len(first) > MAX_MERGED + 1:  # one more than is named: where the line counting the rest stands
                        heapq.heappop(first)
                    self._merged[name] = ([reference for _, reference in sorted(first, reverse=True)], count)
                    ranges.remove(element)
                elif element.tag == _COL and columns is not None:
                    if _hides(element, "width"):
                        low, high = _column_span(element, max_cells + 1)
                        hidden_columns.update(range(low, high + 1))
                    columns.remove(element)

    def merged(self, name: str) -> tuple[list[str], int]:
        """The first MAX_MERGED + 1 merged ranges of the sheet in row and column order, as its XML names them ('A2:A4')
        (one that is no range first), and how many it has, as far as `rows(name)` has read it. Excel writes them in any
        order, and a hostile sheet may hold a million: only these few are kept."""
        return self._merged.get(name, ([], 0))

    def _cell(self, element, row: int, column: int) -> Cell:
        """One `<c>` element as openpyxl's parser would read it, without its per-cell objects."""
        kind = element.get("t", "n")
        style = int(element.get("s", 0))
        formula = element.find(_FORMULA)
        if formula is not None:
            return Cell(row, column, "=" + (formula.text or ""), "f", "General")
        if kind == "inlineStr":
            inline = element.find(_INLINE)
            return Cell(row, column, None if inline is None else unescape(_string_text(inline)), "s", "General")
        value = element.findtext(_VALUE)
        if value is None:
            return Cell(row, column, None, kind, "General")
        if kind == "n":
            if not _NUMBER.fullmatch(value):  # int() and float() take ' 1_0 ' and 'nan', which Excel never writes
                raise ValueError(value)
            number = float(value) if "." in value or "e" in value.lower() else int(value)
            if style in self._dates:
                duration = style in self._durations
                if not duration and self._epoch == WINDOWS_EPOCH and (number <= 0 or 60 <= number < 61):
                    return Cell(row, column, number, "u", self._formats.get(style, "General"))
                try:
                    moment = from_excel(number, self._epoch, timedelta=duration)
                except (OverflowError, ValueError):
                    return Cell(row, column, "#VALUE!", "e", "General")  # a date Excel cannot show
                return Cell(row, column, moment, "d", self._formats.get(style, "General"))
            return Cell(row, column, number, "n", self._formats.get(style, "General"))
        if kind == "s":
            index = int(value)  # a negative index would quietly read from the end of the list
            if not 0 <= index < len(self._strings):
                return Cell(row, column, value, "x", "General")
            return Cell(row, column, self._strings[index], "s", "General")
        if kind == "b":
            return Cell(row, column, bool(int(value)), "b", "General")
        if kind == "d":
            return Cell(row, column, from_ISO8601(value), "d", self._formats.get(style, "yyyy-mm-dd"))
        if kind == "e":
            return Cell(row, column, value, "e", "General")
        return Cell(row, column, unescape(value), "s", "General")  # 'str': a formula's text, kept as text

    def _shared_strings(self, part: str) -> list[str]:
        with self._archive.open(part) as source:
            return [unescape(_string_text(node)) for node in _children(source, {_STRINGS: _STRING})]

    def close(self) -> None:
        self._archive.close()

    def __enter__(self) -> StreamedWorkbook:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _hides(element: Element, size: str) -> bool:
    """Whether a `<row>` or `<col>` is hidden: `hidden` true, or its height or width (`size`) set to 0."""
    if element.get("hidden") in _TRUE:
        return True
    try:
        return float(element.get(size) or "1") == 0
    except ValueError:
        return False


def _column_span(element: Element, cap: int) -> tuple[int, int]:
    """The columns a `<col>` covers (min and max, 1 = A), kept within 1..cap: a hostile `max` costs nothing."""
    try:
        low, high = int(element.get("min") or 0), int(element.get("max") or 0)
    except ValueError:
        return 1, 0
    return max(low, 1), min(high, cap)


def _row_number(given: str | None, previous: int) -> int:
    """A row's number as its `r` names it (the one after `previous` without it): digits only. float() read '2.5' as row
    2; a number that is no row is damage (ValueError), as a cell reference that is no cell is."""
    if given is None:
        return previous + 1
    if not _ROW_NUMBER.fullmatch(given):
        raise ValueError(f"rækkenummer {given!r}")
    return int(given)


def _same_names(names: list[str]) -> list[str]:
    """One line for each sheet whose exact name another sheet has too: reading either would be a guess, and the later
    one silently won. Names that differ only by case or blank space are the import's to name, by the table whose
    sheet they are (workbook.read_workbook, validation.same_sheet_twice)."""
    seen: set[str] = set()
    lines = []
    for name in names:
        if name in seen:
            lines.append(
                f"arbejdsbogen har to ark, der begge hedder {name!r}, så det er uklart, hvilket ark der gælder; slet eller omdøb det ene"
            )
        seen.add(name)
    return lines


class _Crowded(Exception):
    """A part holds more than a limit allows; `what` says what, in Danish."""

    def __init__(self, what: str):
        self.what = what


def _sheet_list(archive: zipfile.ZipFile, part: str) -> list[tuple[str, str]]:
    """The sheets' names and states ('visible' where none is given) as the workbook's sheet list holds them, streamed
    (the part's size is capped already): nothing of any sheet is read. A list the archive lacks is left to openpyxl,
    which says so."""
    if part not in archive.namelist():
        return []
    sheets = []
    with archive.open(part) as source:
        for _, element in iterparse(source, forbid_dtd=True):
            if element.tag == _SHEET:
                sheets.append((element.get("name") or "", element.get("state") or "visible"))
            element.clear()
    return sheets


def whole_part_problems(archive: zipfile.ZipFile, parts: dict[str, str]) -> list[str]:
    """One line for each of these parts (name -> what it is, in Danish) that is damaged XML, is nested deeper than
    MAX_PART_DEPTH, or holds more than MAX_PART_ELEMENTS elements or MAX_PART_ATTRIBUTES attributes: counted as the
    part streams (expat, nothing kept), before openpyxl reads it whole. A part the archive lacks is left to openpyxl."""
    present = set(archive.namelist())
    lines = []
    for part, role in parts.items():
        if part in present and (what := _crowded(archive, part)):
            lines.append(f"{visible(part)} i zip-filen ({role}) {what}; {RESAVE}")
    return lines


RESAVE = "gem arbejdsbogen igen fra Excel eller LibreOffice"


def _crowded(archive: zipfile.ZipFile, part: str) -> str:
    """What is wrong with one part openpyxl reads whole, or ''."""
    elements = attributes = depth = 0

    def start(_name: str, attrs: list[str]) -> None:
        nonlocal elements, attributes, depth
        elements, attributes, depth = elements + 1, attributes + len(attrs) // 2, depth + 1
        if elements > MAX_PART_ELEMENTS:
            raise _Crowded(_over(MAX_PART_ELEMENTS, "XML-elementer"))
        if attributes > MAX_PART_ATTRIBUTES:
            raise _Crowded(_over(MAX_PART_ATTRIBUTES, "XML-attributter"))
        if depth > MAX_PART_DEPTH:
            raise _Crowded(_over(MAX_PART_DEPTH, "niveauer af elementer inden i hinanden"))

    def end(_name: str) -> None:
        nonlocal depth
        depth -= 1

    parser = expat.ParserCreate()
    parser.ordered_attributes = True  # a flat list, name and value by turns: no dict per element
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        for piece in chunks(archive, archive.getinfo(part), MAX_UNPACKED_MB * 2**20):
            parser.Parse(piece, False)
        parser.Parse(b"", True)
    except _Crowded as crowded:
        return crowded.what
    except expat.ExpatError as error:
        return f"er beskadiget: XML'en brydes i linje {error.lineno}, tegn {error.offset + 1}"
    return ""


def _over(limit: int, what: str) -> str:
    return f"har over {thousands(limit)} {what}, og en arbejdsbog må højst have {thousands(limit)} dér (Excel skriver langt færre)"


class _PrologRead(Exception):
    """The first element has started: the prolog, where a DOCTYPE must stand, is behind."""


class _Declared(Exception):
    """The part declares a DOCTYPE, named `name`."""

    def __init__(self, name: str):
        self.name = name


def _doctype_parts(archive: zipfile.ZipFile) -> list[str]:
    """One line for each part that declares a DOCTYPE, found in its prolog before anything reads it, naming what is
    refused: it is not damage, and "beskadiget" sent the analyst to look for a broken file (issue 25).

    Excel never writes one; an internal DTD's entities are what a billion-laughs bomb is made of, and openpyxl parses
    the workbook, styles and relationship parts with the standard library, which expands them. Every member is
    looked at, whatever its name: a sheet may be named anything in the relationships (a sheet named .bin with a DTD
    was refused by defusedxml as "arkets XML er beskadiget … (fx et styretegn)"). Only the prolog is read (expat
    stops at the first element, or at once on bytes that are no XML); other damage is left to the parser that reads it."""
    lines = []
    for info in archive.infolist():
        parser = expat.ParserCreate()
        parser.StartDoctypeDeclHandler = _declared
        parser.StartElementHandler = _prolog_read
        try:
            for piece in chunks(archive, info, MAX_UNPACKED_MB * 2**20):
                parser.Parse(piece, False)
            parser.Parse(b"", True)
        except _Declared as declared:
            lines.append(
                f"{visible(info.filename)} i zip-filen indeholder en DTD-erklæring (<!DOCTYPE {visible(declared.name)}>), som ikke "
                "er tilladt: Excel skriver aldrig en, og dens entiteter kan gøre en lille fil enorm; gem arbejdsbogen igen fra "
                "Excel eller LibreOffice"
            )
        except (_PrologRead, expat.ExpatError):
            continue
    return lines


class _FirstElement(Exception):
    """The part's first element, as 'namespace localname' (expat's form with a space as the separator)."""

    def __init__(self, name: str):
        self.name = name


def _first_element(name: str, *_args: object) -> None:
    raise _FirstElement(name)


def _foreign_parts(archive: zipfile.ZipFile) -> list[str]:
    """A line for a workbook, worksheet or shared-strings part outside SpreadsheetML's namespace, found from its
    first element before anything reads it: a sheet of Excel's Strict Open XML, or of no namespace, was read as an
    empty sheet ("filen er tom"), and its strings as none. One line for a Strict workbook, whatever its parts."""
    lines = []
    for info in archive.infolist():
        if not info.filename.lower().endswith(".xml"):
            continue
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.StartElementHandler = _first_element
        try:
            for piece in chunks(archive, info, MAX_UNPACKED_MB * 2**20):
                parser.Parse(piece, False)
            parser.Parse(b"", True)
        except _FirstElement as first:
            namespace, _, local = first.name.rpartition(" ")
            if local not in _READ_BY_NAME or namespace == SHEET_MAIN_NS:
                continue
            if namespace == STRICT_NS:
                return [STRICT]
            found = f"navnerummet {visible(namespace)!r}" if namespace else "intet navnerum"
            lines.append(
                f"{visible(info.filename)} i zip-filen har {found}, ikke SpreadsheetML's ({SHEET_MAIN_NS}), så intet i den "
                "kan læses; gem arbejdsbogen igen fra Excel eller LibreOffice"
            )
        except expat.ExpatError:
            continue  # damaged: said by the parser that reads it
    return lines


def _declared(name: str, *_args: object) -> None:
    raise _Declared(name)


def _prolog_read(*_args: object) -> None:
    raise _PrologRead


def _children(source, wanted: dict[str, str]) -> Iterator:
    """Each complete element under a parent of `wanted` (parent tag -> child tag) with that child tag, removed from the
    tree once the caller has it: memory stays flat.

    Parsed by defusedxml with no DTD allowed, beside the check of every part up front (`_doctype_parts`): stdlib
    expat expanded nested entities padded with a long comment (so its amplification check never tripped) to 1.7 GB,
    and put a plain entity's text into a cell without a word."""
    parent = None
    for event, element in iterparse(source, events=("start", "end"), forbid_dtd=True):
        if event == "start":
            if element.tag in wanted:
                parent = element
            continue
        if parent is not None and element.tag == wanted[parent.tag]:
            yield element
            parent.remove(element)


def _string_text(node) -> str:
    """The text of a string item, shared or inline: its `<t>` and its rich-text runs' `<t>`s, joined in order (the
    schema allows both in one item; the runs after a `<t>` were left out), phonetic hints left out. An element the
    schema does not allow there (a run in another namespace) is damage (ValueError), never text silently dropped."""
    parts = []
    for child in node:
        if child.tag not in _STRING_PARTS or any(part.tag not in _RUN_PARTS for part in child if child.tag == _RUN):
            raise ValueError(child.tag)
        parts.append(child.text if child.tag == _TEXT else child.findtext(_TEXT) if child.tag == _RUN else "")
    return "".join(part or "" for part in parts)


def _number_formats(book) -> dict[int, str]:
    """Each cell style's number format ('General', '0000', '#,##0.00' …); a style whose format the file does not hold
    is left out, and its cells read as General."""
    formats = {}
    for style_id, style in enumerate(book._cell_styles):
        number = style.numFmtId
        if number < BUILTIN_FORMATS_MAX_SIZE:
            formats[style_id] = BUILTIN_FORMATS.get(number, "General")
        elif 0 <= number - BUILTIN_FORMATS_MAX_SIZE < len(book._number_formats):
            formats[style_id] = book._number_formats[number - BUILTIN_FORMATS_MAX_SIZE]
    return formats
