"""Reading CSV files as analysts actually save them: UTF-8 or Danish Excel (BOM, cp1252, semicolons)."""

from __future__ import annotations

import csv
import errno
import io
import os
import re
import stat
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from kulturensrige.data.problems import LOOP, Problem
from kulturensrige.words import FORMULA_START, carries_guard, formula_unguarded, is_guarded_csv, listing

_BOM = b"\xef\xbb\xbf"

# The full-width and small signs the guard also takes (words.FORMULA_START), by their code points: no font the
# editions print with (Charis SIL, Liberation Sans; ADR 76) has them, and the whole-book PDF showed eight empty boxes.
_WIDE_SIGNS = listing([f"U+{ord(sign):04X}" for sign in FORMULA_START if not sign.isascii()])

# The formula guard as the reader takes it (words.formula_unguarded), for the data dictionary and the data chapter.
FORMULA_GUARD_RULE = (
    f"Formelværn: en celle, der begynder med =, +, -, @ (også de samme tegn i fuld bredde og i små varianter: {_WIDE_SIGNS}), "
    "tabulator eller vognretur (eller har et af de tegn lige efter et "
    "komma, semikolon, tabulator eller linjeskift), står med en apostrof foran i hver CSV-fil, bogen eller dens kommandoer "
    "skriver, så et regneark ikke læser den som en formel: de filer, bogen lader dig hente, kodekortet, der skrives ved "
    "siden af et QDA-projekt, og datamappen, som kommandoerne skriver (import af en arbejdsbog eller et QDA-projekt, "
    "syntetiske data). De filer kendes på, at de begynder med et byte order mark, og at hvert "
    'kolonnenavn i første linje står i dobbelte anførselstegn ("quote_id","position",…). Læses sådan en fil ind som '
    "data, fjernes præcis den ene apostrof igen, så cellerne giver de skrevne værdier tilbage (også en celle, der selv "
    "begyndte med en apostrof), og tjekket siger i én linje, hvilke celler det gjaldt. Alle andre CSV-filer læses, som "
    "de står, også data/, der er skrevet i hånden, og skabelonerne i templates/, der kun har kolonnenavnene: en celle, "
    "der selv begynder med en apostrof, beholder den. Gemmer et regneark en af bogens filer igen, forsvinder mærket, og "
    "de apostroffer, regnearket viste, bliver en del af værdierne; tjekket nævner da i én linje de celler, der har en "
    "apostrof foran et af tegnene: fjern formelværnets apostrof i dem. Ret helst data i arbejdsbogen "
    "(export_workbook.py), hvor hver celle er tekst."
)

# Limits for one table, in a CSV file or a workbook's sheet: ten times the national scale (10,000 quotes), and low
# enough that any file is read or refused within 1 GB of memory and a minute (see BENCHMARKS.md).
MAX_ROWS = 100_000
MAX_COLUMNS = 100
MAX_CELLS = 2_000_000
MAX_CELL_LINES = 20  # lines about single cells of one kind, then one that counts the rest (as validation's per column)


@dataclass(frozen=True)
class RawTable:
    """A table as text cells, with the spreadsheet row number of every record (header = row 1)."""

    frame: pd.DataFrame
    rows: list[int]
    # The cells (row number, column) whose formula guard came off: the file is marked as the book's (is_guarded_csv).
    unguarded: tuple[tuple[int, str], ...] = ()
    # The cells (row number, column) of a file without the mark that hold an apostrophe before a formula start, at their
    # beginning or after a delimiter or line break (words.carries_guard):
    # kept as read, and said (guard_notice), as a spreadsheet that saved a guarded file again drops the mark and leaves
    # the guard's apostrophes in the values (ADR 28, ADR 80).
    apostrophed: tuple[tuple[int, str], ...] = ()
    # The cells (row number, column, value as written) that had blank space (spaces, tabs, line breaks) at an edge,
    # which the frame holds trimmed: the validator refuses it in a code or an id and says it of a text (issue 25, #2).
    trimmed: tuple[tuple[int, str, str], ...] = ()
    # The file was not UTF-8 and was read as Windows-1252 (Danish Excel): its values are right, and it is said
    # (encoding_notice), as nothing about a value may change without a word.
    windows_1252: bool = False


def special_kind(mode: int) -> str | None:
    """What a path that is neither a regular file nor a folder is, in Danish (None for a file or a folder)."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "et navngivet rør (FIFO)"
    if stat.S_ISSOCK(mode):
        return "en sokkel (socket)"
    return "en enhed"


def not_regular(path: Path, label: str) -> Problem | None:
    """An input that is a device, FIFO or socket (also through a symlink, as /dev/zero): refused by its stat,
    before it is opened, as reading /dev/zero never ends and opening a FIFO waits for a writer. A symlink loop is
    there too, and never a file: said as for a folder, not "filen mangler" (hostile round 16, #9)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        # Missing or unreachable: the reader says so in its own words.
        return Problem(label, None, None, None, LOOP) if error.errno == errno.ELOOP else None
    except ValueError:
        return None
    kind = special_kind(mode)
    return None if kind is None else Problem(label, None, None, None, f"er {kind}, ikke en almindelig fil; angiv en fil")


# The five bytes Windows-1252 leaves without a character: in a file read as cp1252 each becomes U+FFFD.
_UNDEFINED_IN_CP1252 = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")


def decode(raw: bytes) -> tuple[str, list[int] | None]:
    """UTF-8 (with or without BOM) first; Windows-1252 is what Danish Excel writes otherwise. Also, for a file read as
    Windows-1252, the bytes, in order, that it has no character for (each left as U+FFFD in the text, to be reported,
    never kept); None for a UTF-8 file."""
    if raw.startswith(_BOM):
        raw = raw[len(_BOM) :]
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), [m.group()[0] for m in _UNDEFINED_IN_CP1252.finditer(raw)]


# How a CSV file's characters are read, for the data dictionary (DATAORDBOG.md).
ENCODING_RULE = (
    "Tegnsæt: CSV-filerne skal være UTF-8 (med eller uden byte order mark), ligesom de CSV-filer, bogen lader dig hente. En fil, "
    "der ikke er UTF-8, læses som Windows-1252, sådan som dansk Excel gemmer en CSV-fil, og tjekket siger det med én "
    "advarsel pr. fil. En byte, som Windows-1252 ikke har et tegn for, og en UTF-8-fil med en enkelt fejlbyte afvises med "
    "deres celle eller linje. Gem filen som CSV UTF-8, så forsvinder advarslen."
)


def encoding_notice(table: RawTable, label: str) -> Problem | None:
    """The one notice that says a file was read as Windows-1252 (RawTable.windows_1252): right, but not said before
    (hostile review 18, #7), and the book's downloads of it are UTF-8."""
    if not table.windows_1252:
        return None
    return Problem(
        label,
        None,
        None,
        None,
        "advarsel: filen er ikke UTF-8 og er læst som Windows-1252 (sådan gemmer dansk Excel en CSV-fil); se efter, at æ, ø, "
        "å og tegn som €, – og ” står rigtigt i bogen. De CSV-filer, bogen lader dig hente, er UTF-8; gem filen som CSV UTF-8, så "
        "forsvinder advarslen",
    )


def undecodable(records: list[tuple[int, list[str]]], undefined: list[int], label: str) -> list[Problem]:
    """One line for each cell holding a byte Windows-1252 has no character for (the file is not UTF-8 either): the
    character it stood for is lost, and the cell would silently hold U+FFFD."""
    problems: list[Problem] = []
    bytes_left = iter(undefined)
    header = records[0][1] if records else []
    for number, cells in records:
        for c, cell in enumerate(cells):
            if (count := cell.count("\ufffd")) == 0:
                continue
            found = [next(bytes_left, 0) for _ in range(count)]
            column = header[c].strip() if number != records[0][0] and c < len(header) else None
            byte = ", ".join(dict.fromkeys(f"0x{b:02x}" for b in found))
            problems.append(
                Problem(
                    label,
                    number,
                    column,
                    cell.strip(),
                    f"filen er ikke UTF-8, og læst som Windows-1252 (dansk Excel) er byten {byte} ikke et tegn, så tegnet er tabt; "
                    "ret det i cellen, og gem filen som CSV UTF-8",
                )
            )
    if len(problems) > MAX_CELL_LINES:
        rest = Problem(
            label,
            problems[MAX_CELL_LINES].row,
            None,
            None,
            f"denne og {thousands(len(problems) - MAX_CELL_LINES - 1)} celler "
            "mere har også bytes uden tegn; ret de viste, og gem filen som CSV UTF-8",
        )
        return [*problems[:MAX_CELL_LINES], rest]
    return problems


# A multi-byte UTF-8 character ('ø' is C3 B8): a file holding one is UTF-8, whatever else it holds.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def stray_byte(raw: bytes, label: str) -> Problem | None:
    """A UTF-8 file with one damaged byte: reading it all as cp1252 would turn every 'ø' into 'Ã¸' without a word."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        if not _UTF8_SEQUENCE.search(raw):
            return None  # not UTF-8 at all: cp1252 from Danish Excel
        line = raw.count(b"\n", 0, error.start) + 1
        byte = raw[error.start]
        allowed = "byten er ikke gyldig UTF-8, men resten af filen er UTF-8; ret tegnet, og gem filen som CSV (UTF-8)"
        return Problem(label, line, None, f"byte 0x{byte:02x}", allowed)
    return None


def detect_delimiter(text: str) -> str:
    """Danish Excel saves 'CSV' with semicolons; decide from the header line alone."""
    header = text.split("\n", 1)[0]
    return ";" if header.count(";") > header.count(",") else ","


# A file saved with a byte order mark by one program and again by another: the second mark would be read as text (the
# first column's name, a source's first character, invisible in a message).
DOUBLE_BOM = "filen begynder med to byte order marks (U+FEFF U+FEFF); kun ét er tilladt, da det andet ville blive læst som tekst"

# Bytes that no text file holds (C0 control characters other than tab, line feed and carriage return).
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def not_text(raw: bytes, label: str) -> Problem | None:
    """A spreadsheet saved under a .csv name, a UTF-16 export or binary garbage, named in one line."""
    if raw.startswith(b"PK\x03\x04"):
        return Problem(label, None, None, None, "filen er et regneark (xlsx/zip), ikke CSV; gem tabellen som CSV (UTF-8)")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Problem(label, None, None, None, "filen er gemt som UTF-16 (Unicode-tekst); gem tabellen som CSV (UTF-8)")
    if raw.startswith(_BOM * 2):
        return Problem(label, None, None, None, DOUBLE_BOM + "; gem tabellen igen som CSV (UTF-8)")
    found = _CONTROL.search(raw)
    if found is None:
        return None
    line = raw.count(b"\n", 0, found.start()) + 1
    return Problem(
        label, line, None, f"byte 0x{found.group()[0]:02x}", "filen indeholder binære data eller styretegn; den skal være CSV-tekst"
    )


class OverLimit(Exception):
    """A file held more bytes than the caller's limit (it grew after its size was checked, or has no size)."""


def read_limited(path: Path, limit: int) -> bytes:
    """The file's bytes, read no further than one byte past `limit`: whatever stat said, a file that holds more
    costs no more memory than the limit. OverLimit if it holds more."""
    with path.open("rb") as stream:
        raw = stream.read(limit + 1)
    if len(raw) > limit:
        raise OverLimit(path)
    return raw


def read_csv(path: Path, label: str, max_rows: int = MAX_ROWS, max_bytes: int | None = None) -> tuple[RawTable | None, list[Problem]]:
    """Read one CSV file into text cells; report structural damage instead of raising. Reading stops at the
    first row beyond `max_rows`, so an oversized table costs no more than the limit, and, with `max_bytes`, at
    the first byte beyond it (OverLimit)."""
    if (special := not_regular(path, label)) is not None:
        return None, [special]
    try:
        raw = path.read_bytes() if max_bytes is None else read_limited(path, max_bytes)
    except OSError as exc:
        return None, [Problem(label, None, None, None, f"filen kan ikke læses ({exc.strerror})")]
    problem = not_text(raw, label) or stray_byte(raw, label)
    if problem is not None:
        return None, [problem]
    text, undefined = decode(raw)
    # One of the book's downloads: its guard comes off, and the reader is told (guard_notice); an analyst's cells stay whole.
    guarded = raw.startswith(_BOM) and is_guarded_csv("\ufeff" + text)  # decode took the mark off
    unguarded: list[tuple[int, int]] = []
    apostrophed: list[tuple[int, int]] = []
    records = _csv_rows(text, label, max_rows, unguarded if guarded else None, None if guarded else apostrophed)
    if undefined and not isinstance(records, Problem) and (lost := undecodable(records, undefined, label)):
        return None, lost
    table, problems = parse_rows(records, label)
    if table is not None and undefined is not None:
        table = replace(table, windows_1252=True)
    if table is None or not (unguarded or apostrophed):
        return table, problems
    kept = set(table.rows)
    columns = list(table.frame.columns)

    def named(cells: list[tuple[int, int]]) -> tuple[tuple[int, str], ...]:
        return tuple((n, columns[c]) for n, c in cells if n in kept and c < len(columns))

    return replace(table, unguarded=named(unguarded), apostrophed=named(apostrophed)), problems


def guard_notice(table: RawTable, label: str) -> Problem | None:
    """The one line that says a file's formula guard came off (RawTable.unguarded), and which cells lost it: a file
    marked as the book's by someone else's tool loses an apostrophe, and is never silent about it (ADR 28). Or, for a
    file without the mark, the one line that names its cells holding an apostrophe before a formula start
    (RawTable.apostrophed): a file the book or a command wrote, saved again by a spreadsheet, has lost the mark, and the
    guard's apostrophes would stay in its values without a word (ADR 80)."""
    if table.unguarded:
        return Problem(
            label,
            None,
            None,
            None,
            f"formelværnets apostrof foran =, +, -, @, tabulator eller vognretur er taget af i {_named(table.unguarded)}, "
            "da filen er mærket som skrevet af bogen eller dens kommandoer (byte order mark og hvert kolonnenavn i "
            "dobbelte anførselstegn); er den ikke det, så gem den uden anførselstegn om kolonnenavnene, så beholder "
            "cellerne deres apostrof",
        )
    if table.apostrophed:
        return Problem(
            label,
            None,
            None,
            None,
            f"{_named(table.apostrophed, capital=True)} har en apostrof foran =, +, -, @, tabulator eller vognretur "
            "i begyndelsen eller efter et komma, semikolon, tabulator eller linjeskift, og filen er ikke mærket som "
            "skrevet af bogen eller dens kommandoer (byte order mark og hvert kolonnenavn i dobbelte anførselstegn), så "
            "apostroffen læses som en del af teksten; har et regneark gemt filen igen, er det formelværnets apostrof: "
            "fjern den, før filen bruges",
        )
    return None


def _named(cells: tuple[tuple[int, str], ...], *, capital: bool = False) -> str:
    """'3 celler (række 2, kolonne text; række 3, kolonne text og 1 til)': how many, and the first GUARD_CELLS_SHOWN."""
    shown = [f"række {row}, kolonne {column}" for row, column in cells[:GUARD_CELLS_SHOWN]]
    if len(cells) > GUARD_CELLS_SHOWN:
        shown.append(f"{len(cells) - GUARD_CELLS_SHOWN} til")
    count = ("Én celle" if capital else "én celle") if len(cells) == 1 else f"{len(cells)} celler"
    return f"{count} ({_cells(shown)})"


# How many of a file's unguarded cells guard_notice names.
GUARD_CELLS_SHOWN = 3


def _cells(shown: list[str]) -> str:
    """'række 2, kolonne text; række 3, kolonne text og 2 til': a list whose items hold commas of their own."""
    return "; ".join(shown[:-1]) + " og " + shown[-1] if len(shown) > 1 else shown[0]


def _csv_rows(
    text: str,
    label: str,
    max_rows: int = MAX_ROWS,
    unguarded: list[tuple[int, int]] | None = None,
    apostrophed: list[tuple[int, int]] | None = None,
) -> list[tuple[int, list[str]]] | Problem:
    """The file's records (row, cells), numbered as a spreadsheet shows them: the header is row 1, and a text with
    line breaks stays one row (its physical line was »række 23« where the spreadsheet showed 21: hostile review 22,
    #4). With `unguarded` (a file the book wrote), each cell's formula guard comes off, and the cells that had one are
    added to it as (row, column index). With `apostrophed` (a file without the mark), the cells that hold an apostrophe
    before a formula start as the guard puts it (words.carries_guard) are added to it, their text kept."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=detect_delimiter(text), strict=True)
    records: list[tuple[int, list[str]]] = []
    line = 1  # the row being read
    cells_read = 0
    try:
        for cells in reader:
            cells_read += len(cells)
            if too_big := _beyond_limits(len(records), len(cells), cells_read, max_rows):  # header included: rows so far
                return Problem(label, line, None, None, too_big)
            if unguarded is not None:
                bare = [formula_unguarded(cell) for cell in cells]
                unguarded += [(line, c) for c, (was, now) in enumerate(zip(cells, bare, strict=True)) if was != now]
                cells = bare
            elif apostrophed is not None and line > 1:
                apostrophed += [(line, c) for c, cell in enumerate(cells) if carries_guard(cell)]
            records.append((line, cells))
            line += 1
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            limit = thousands(csv.field_size_limit())
            return Problem(label, line, None, None, f"et felt har over {limit} tegn, det længste CSV-læseren tillader; del teksten op")
        return Problem(label, line, None, None, "filen er afkortet eller har et citationstegn uden afslutning")
    return records


def _beyond_limits(rows: int, fields: int, cells: int, max_rows: int = MAX_ROWS) -> str | None:
    """Why one more record, of `fields` fields, would be too much after `rows` records and `cells` fields in all."""
    if rows > max_rows:
        return f"filen har over {thousands(max_rows)} rækker; tabellen må højst have {thousands(max_rows)}"
    if fields > MAX_COLUMNS:
        return f"rækken har {thousands(fields)} felter; en tabel må højst have {MAX_COLUMNS} kolonner"
    if cells > MAX_CELLS:
        return f"filen har over {thousands(MAX_CELLS)} felter; en tabel må højst have {thousands(MAX_CELLS)}"
    return None


def thousands(number: int) -> str:
    """Danish digit grouping: 32.767."""
    return f"{number:,}".replace(",", ".")


# A column named twice in a table's header, said as the table's problem (parse_rows, validation).
REPEATED_COLUMN = "kolonnen står mere end én gang i overskriften; hver kolonne må kun stå én gang"


def parse_rows(records: list[tuple[int, list[str]]] | Problem, label: str) -> tuple[RawTable | None, list[Problem]]:
    """Turn numbered records (row number, cells) into a frame of text; shared by CSV and workbook import."""
    if isinstance(records, Problem):
        return None, [records]
    records = [(n, cells) for n, cells in records if any(c.strip() for c in cells)]
    if not records:
        return None, [Problem(label, None, None, None, "filen er tom; første række skal være kolonnenavnene")]
    (_, header), body = records[0], records[1:]
    header = [h.strip() for h in header]
    # A name twice in the header (a column pasted twice) is said once, by name, not as every row's wrong field count
    # (hostile25 #7: 38 lines, none naming the column). Empty names are the reader's (a row's trailing commas).
    if repeated := sorted({h for h in header if h and header.count(h) > 1}):
        return None, [Problem(label, None, c, None, REPEATED_COLUMN) for c in repeated]
    problems = [
        Problem(label, n, None, f"{len(cells)} felter", f"rækken skal have {len(header)} felter som overskriften")
        for n, cells in body
        if len(cells) != len(header)
    ]
    if problems:
        return None, problems
    frame = pd.DataFrame([[c.strip() for c in cells] for _, cells in body], columns=header, dtype=str)
    trimmed = tuple((n, header[c], cell) for n, cells in body for c, cell in enumerate(cells) if cell != cell.strip())
    return RawTable(frame=frame, rows=[n for n, _ in body], trimmed=trimmed), []
