"""An .xlsx workbook read as a stream of cells, within limits, so that a hostile file costs seconds, not gigabytes.

openpyxl's read-only mode streams a sheet but pads every row out to the sheet's stated dimension (one space in
O1048576 becomes a million padded rows), reads the shared strings with a partial `_xHHHH_` unescaping, and reports
a damaged file as a traceback. Here the archive's unpacked size is checked before anything is unpacked, openpyxl's
own sheet parser (the one read-only mode uses) yields only the cells a sheet holds, and the OOXML escapes are
decoded once, for shared and inline strings alike. What a cell means for the data is decided in `workbook`.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import ParseError, iterparse

from openpyxl.cell.text import Text
from openpyxl.reader.excel import ExcelReader
from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE
from openpyxl.styles.stylesheet import apply_stylesheet
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._reader import WorkSheetParser  # what read-only mode parses with (openpyxl 3.1)
from openpyxl.xml.constants import SHARED_STRINGS, SHEET_MAIN_NS

MAX_UNPACKED_MB = 100
MAX_ROWS = 100_000
MAX_COLUMNS = 100
DAMAGED = (ParseError, ValueError, KeyError, IndexError, TypeError, zipfile.BadZipFile, EOFError)
"""What a damaged archive or XML part raises inside openpyxl and zipfile."""

_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_STRING_TAG = f"{{{SHEET_MAIN_NS}}}si"


class TooLarge(Exception):
    """The archive unpacks to more than MAX_UNPACKED_MB; nothing has been unpacked."""

    def __init__(self, megabytes: int):
        self.megabytes = megabytes
        super().__init__(f"{megabytes} MB")


@dataclass(frozen=True)
class Cell:
    """One cell as stored: `kind` is openpyxl's data type ('s', 'n', 'd', 'b', 'f' for a formula, 'e' for an error)."""

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


def escape(text: str) -> str:
    """What Excel reads back as `text`: a literal `_xHHHH_` gets its underscore escaped, and a carriage return
    (which XML turns into a line feed) is written as `_x000D_`, as Excel itself does."""
    return _ESCAPE.sub(lambda m: "_x005F_" + m.group(0)[1:], text).replace("\r", "_x000D_")


class StreamedWorkbook:
    """The sheets of one .xlsx file, each read row by row on demand; use as a context manager."""

    def __init__(self, path: Path):
        reader = ExcelReader(path, read_only=True)  # opens the archive and reads its directory, nothing more
        self._archive = reader.archive
        try:
            unpacked = sum(info.file_size for info in self._archive.infolist())
            if unpacked > MAX_UNPACKED_MB * 2**20:
                raise TooLarge(round(unpacked / 2**20))
            reader.read_manifest()
            reader.read_workbook()
            apply_stylesheet(self._archive, reader.wb)
            book = reader.wb
            self._parts = {sheet.name: rel.target for sheet, rel in reader.parser.find_sheets()}
            self._epoch = book.epoch
            self._dates = book._date_formats
            self._durations = book._timedelta_formats
            self._formats = {style: _number_format(book, style) for style in book._date_formats}
            strings = reader.package.find(SHARED_STRINGS)
            self._strings = self._shared_strings(strings.PartName[1:]) if strings is not None else []
        except BaseException:
            self.close()
            raise

    @property
    def sheetnames(self) -> list[str]:
        return list(self._parts)

    def rows(self, name: str) -> Iterator[tuple[int, list[Cell]]]:
        """(row number, the cells the sheet's XML holds in it), only for rows the XML holds; strings unescaped."""
        with self._archive.open(self._parts[name]) as source:
            parser = WorkSheetParser(
                source, self._strings, data_only=False, epoch=self._epoch, date_formats=self._dates, timedelta_formats=self._durations
            )
            for number, cells in parser.parse():
                yield number, [_cell(found, self._formats) for found in cells]

    def _shared_strings(self, part: str) -> list[str]:
        strings = []
        with self._archive.open(part) as source:
            for _, node in iterparse(source):
                if node.tag == _STRING_TAG:
                    strings.append(Text.from_tree(node).content)
                    node.clear()
        return strings

    def close(self) -> None:
        self._archive.close()

    def __enter__(self) -> StreamedWorkbook:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _cell(found: dict, formats: dict[int, str]) -> Cell:
    value, kind = found["value"], found["data_type"]
    if kind == "f":
        value = getattr(value, "text", value)  # an array formula is an object holding its text
    elif isinstance(value, str):
        value = unescape(value)
    return Cell(found["row"], found["column"], value, kind, formats.get(found["style_id"], "General"))


def _number_format(book, style_id: int) -> str:
    number = book._cell_styles[style_id].numFmtId
    if number < BUILTIN_FORMATS_MAX_SIZE:
        return BUILTIN_FORMATS.get(number, "General")
    return book._number_formats[number - BUILTIN_FORMATS_MAX_SIZE]
