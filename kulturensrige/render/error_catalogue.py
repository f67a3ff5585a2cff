"""What each validation message means: every kind provoked for real, so the book quotes the validator's own words.

Each kind breaks a copy of the data in one way (in memory, or in a temporary folder), runs the same
reading and validation code as `validate_data.py` and the workbook import, and keeps the first line
it prints. If the validator's wording changes, the chapter changes with it; if a kind can no longer
be provoked, `message_kinds` raises, and the tests notice.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
import tempfile
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from kulturensrige.data.csv_reading import RawTable, parse_rows, read_csv
from kulturensrige.data.loading import Dataset
from kulturensrige.data.pages import ALL, MAX_SLUG_LENGTH, slug
from kulturensrige.data.problems import Problem
from kulturensrige.data.schema import NOT_STATED, TABLES
from kulturensrige.data.scratch import private_parent
from kulturensrige.data.spreadsheet import MAX_UNPACKED_MB
from kulturensrige.data.validation import TableChecks, read_folder, validate_tables
from kulturensrige.data.workbook import (
    MAX_CELL_CHARACTERS,
    build_workbook,
    date_columns_said,
    read_workbook,
    save_workbook,
    too_long_for_a_cell,
)
from kulturensrige.render.markup import Html, esc


class Raws(dict[str, RawTable]):
    """A folder's tables as read, with the checks already made on them: each kind changes one table, the others are
    the same objects in every copy, and each is checked once per catalogue."""

    def __init__(self, tables: Mapping[str, RawTable], checks: TableChecks | None = None) -> None:
        super().__init__(tables)
        self.checks = checks or TableChecks()

    def replaced(self, name: str, raw: RawTable) -> Raws:
        return Raws({**self, name: raw}, self.checks)


@dataclass(frozen=True)
class MessageKind:
    """One kind of message: how to provoke it, what it means, and what to do about it."""

    provoke: Callable[[Path, Raws], list[Problem]]
    meaning: str
    remedy: str


def _validate(folder: Path, raws: Raws, only: str | None = None) -> list[Problem]:
    chosen = {only: raws[only]} if only else raws
    return validate_tables(chosen, {name: f"{folder.name}/{TABLES[name].file}" for name in chosen}, raws.checks)[1]


def _changed(raws: Raws, table: str, change: Callable[[pd.DataFrame], pd.DataFrame]) -> Raws:
    raw = raws[table]
    frame = change(raw.frame.copy())
    return raws.replaced(table, RawTable(frame=frame.reset_index(drop=True), rows=raw.rows[: len(frame)]))


def _cell(table: str, column: str, value: str, row: int = 0, only: bool = True) -> Callable[[Path, Raws], list[Problem]]:
    def provoke(folder: Path, raws: Raws) -> list[Problem]:
        def change(frame: pd.DataFrame) -> pd.DataFrame:
            frame.at[row, column] = value
            return frame

        return _validate(folder, _changed(raws, table, change), table if only else None)

    return provoke


def _quote(**values: str) -> Callable[[Path, Raws], list[Problem]]:
    """Change the first quote whose municipality is not stated (and is not from a cited work, which may have no
    municipality), then validate across tables."""

    def provoke(folder: Path, raws: Raws) -> list[Problem]:
        code = str(raws["municipalities"].frame["kommunekode"].iloc[0])

        def change(frame: pd.DataFrame) -> pd.DataFrame:
            free = (frame["attribution"] == "not stated") & (frame["reference_key"] == "")
            i = frame.index[free][0] if free.any() else 0
            for column, value in values.items():
                frame.at[i, column] = code if value == "{kode}" else value
            return frame

        return _validate(folder, _changed(raws, "quotes", change))

    return provoke


def _missing_file(folder: Path, raws: Raws) -> list[Problem]:
    with tempfile.TemporaryDirectory(dir=private_parent()) as empty:
        return read_folder(Path(empty), label_prefix=f"{folder.name}/")[1]


def _missing_folder(folder: Path, raws: Raws) -> list[Problem]:
    return read_folder(Path("mine-data-findes-ikke"))[1]


def _truncated(folder: Path, raws: Raws) -> list[Problem]:
    with tempfile.TemporaryDirectory(dir=private_parent()) as scratch:
        path = Path(scratch) / "quotes.csv"
        path.write_text('quote_id,text\nq001,"Et citat uden slut\n', encoding="utf-8")
        return read_csv(path, f"{folder.name}/quotes.csv")[1]


def _csv_bytes(folder: Path, content: bytes) -> list[Problem]:
    with tempfile.TemporaryDirectory(dir=private_parent()) as scratch:
        path = Path(scratch) / "quotes.csv"
        path.write_bytes(content)
        return read_csv(path, f"{folder.name}/quotes.csv")[1]


def _stray_byte(folder: Path, raws: Raws) -> list[Problem]:
    return _csv_bytes(folder, "quote_id,text\nq001,Et citat fra Køge\n".encode() + b"q002,Et andet\xff citat\n")


def _double_bom(folder: Path, raws: Raws) -> list[Problem]:
    return _csv_bytes(folder, b"\xef\xbb\xbf\xef\xbb\xbf" + "quote_id,text\nq001,Et citat fra Køge\n".encode())


def _undefined_byte(folder: Path, raws: Raws) -> list[Problem]:
    return _csv_bytes(folder, "quote_id,text\nq001,Et citat fra Køge\n".encode("cp1252") + b"q002,Et andet \x81 citat\n")


def _misnamed_file(folder: Path, raws: Raws) -> list[Problem]:
    """A folder whose options file is named with a capital: the line about it (the other tables are missing too)."""
    with tempfile.TemporaryDirectory(dir=private_parent()) as scratch:
        (Path(scratch) / "Options.csv").write_text("option_id,value,note\n", encoding="utf-8")
        problems = read_folder(Path(scratch), label_prefix=f"{folder.name}/")[1]
    return [p for p in problems if p.file.endswith(f"/{TABLES['options'].file}")]


def _same_table_twice(folder: Path, raws: Raws) -> list[Problem]:
    """A folder holding options.csv and Options.csv: the line about them (the other tables are missing too)."""
    with tempfile.TemporaryDirectory(dir=private_parent()) as scratch:
        for name in (TABLES["options"].file, "Options.csv"):
            (Path(scratch) / name).write_text("option_id,value,note\n", encoding="utf-8")
        problems = read_folder(Path(scratch), label_prefix=f"{folder.name}/")[1]
    return [p for p in problems if p.file.endswith(f"/{TABLES['options'].file}")]


def _linked_file(folder: Path, raws: Raws) -> list[Problem]:
    """A folder whose options file is a link to one beside the folder: the line about it (the others are missing)."""
    with tempfile.TemporaryDirectory(dir=private_parent()) as scratch:
        (Path(scratch) / "delt").mkdir()
        (Path(scratch) / "delt" / TABLES["options"].file).write_text("option_id,value,note\n", encoding="utf-8")
        (Path(scratch) / "mappe").mkdir()
        (Path(scratch) / "mappe" / TABLES["options"].file).symlink_to(Path("..") / "delt" / TABLES["options"].file)
        problems = read_folder(Path(scratch) / "mappe", label_prefix=f"{folder.name}/")[1]
    return [p for p in problems if p.file.endswith(f"/{TABLES['options'].file}")]


def _long_field(folder: Path, raws: Raws) -> list[Problem]:
    return _csv_bytes(folder, b'quote_id,text\nq001,"' + b"ord " * 40_000 + b'"\n')


def _too_long_for_excel(folder: Path, raws: Raws) -> list[Problem]:
    def change(frame: pd.DataFrame) -> pd.DataFrame:
        frame.at[0, "text"] = "ord " * (MAX_CELL_CHARACTERS // 4 + 1)
        return frame

    changed = _changed(raws, "quotes", change)
    return too_long_for_a_cell(changed, {name: f"{folder.name}/{TABLES[name].file}" for name in changed})


def _read_edited(edit: Callable) -> list[Problem]:
    """The empty template with one edit, saved, and read as the import reads it."""
    with tempfile.TemporaryDirectory(dir=private_parent()) as scratch:
        book = build_workbook(None)
        edit(book)
        path = Path(scratch) / "arbejdsbog.xlsx"
        save_workbook(book, path)
        return read_workbook(path)[2]


MARKER = "PLADS-TIL-TEGN"


@functools.cache
def _marked_template() -> bytes:
    """The empty template with MARKER in quotes!C2, built and saved once: the kinds that damage the saved file each
    start from it (building and saving a workbook is most of a kind's cost)."""
    with tempfile.TemporaryDirectory(dir=private_parent()) as scratch:
        book = build_workbook(None)
        book["quotes"]["C2"] = MARKER
        path = Path(scratch) / "arbejdsbog.xlsx"
        save_workbook(book, path)
        return path.read_bytes()


def _read_repacked(rezip: Callable[[zipfile.ZipFile, zipfile.ZipInfo, bytes], None]) -> list[Problem]:
    """The marked template repacked member by member, and read as the import reads it."""
    with tempfile.TemporaryDirectory(dir=private_parent()) as scratch:
        path = Path(scratch) / "arbejdsbog.xlsx"
        with zipfile.ZipFile(io.BytesIO(_marked_template())) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                rezip(target, info, source.read(info))
        return read_workbook(path)[2]


def _set(reference: str, value: str) -> Callable:
    def edit(book) -> None:
        book["quotes"][reference] = value

    return edit


def _hidden_row(book) -> None:
    """A value in quotes!C2, and row 2 hidden (as Excel's Skjul or a filter hides it)."""
    book["quotes"]["C2"] = "x"
    book["quotes"].row_dimensions[2].hidden = True


def _hidden_sheet(book) -> None:
    book["figures"].sheet_state = "hidden"


def _number(reference: str, value: object, number_format: str) -> Callable:
    def edit(book) -> None:
        cell = book["quotes"][reference]
        cell.value, cell.number_format = value, number_format

    return edit


def _control_byte(target: zipfile.ZipFile, info: zipfile.ZipInfo, data: bytes) -> None:
    target.writestr(info, data.replace(MARKER.encode(), b"Et \x01 tegn"))


def _padded(target: zipfile.ZipFile, info: zipfile.ZipInfo, data: bytes) -> None:
    """Blank space inside the sheet that holds the marker, until the archive unpacks to just over the limit."""
    if MARKER.encode() not in data:
        target.writestr(info, data)
        return
    head, tail = data.split(b"<sheetData>", 1)
    with target.open(info.filename, "w") as stream:
        stream.write(head + b"<sheetData>")
        for _ in range(MAX_UNPACKED_MB + 1):
            stream.write(b" " * 2**20)
        stream.write(tail)


QUOTES_SHEET = f"xl/worksheets/sheet{list(TABLES).index('quotes') + 3}.xml"  # after "Vejledning" and "Dataordbog"


def _in_member(member: str, old: bytes, new: bytes) -> Callable[[zipfile.ZipFile, zipfile.ZipInfo, bytes], None]:
    """Repack a member with the first match of the pattern `old` replaced (the others as they are)."""

    def rezip(target: zipfile.ZipFile, info: zipfile.ZipInfo, data: bytes) -> None:
        target.writestr(info, re.sub(old, new, data, count=1) if info.filename == member else data)

    return rezip


def _without_member(member: str) -> Callable[[zipfile.ZipFile, zipfile.ZipInfo, bytes], None]:
    """Repack every member but one."""

    def rezip(target: zipfile.ZipFile, info: zipfile.ZipInfo, data: bytes) -> None:
        if info.filename != member:
            target.writestr(info, data)

    return rezip


def _renamed(sheet: str, name: str) -> Callable:
    def edit(book) -> None:
        book[sheet].title = "midlertidigt"  # openpyxl would make 'Options' 'Options1', as if it were another sheet
        book["midlertidigt"].title = name

    return edit


def _copied(sheet: str, name: str) -> Callable:
    def edit(book) -> None:
        book.copy_worksheet(book[sheet]).title = name

    return edit


def _empty_file(folder: Path, raws: Raws) -> list[Problem]:
    return parse_rows([], f"{folder.name}/quotes.csv")[1]


def _ragged(folder: Path, raws: Raws) -> list[Problem]:
    columns = TABLES["quotes"].columns
    return parse_rows([(1, columns), (2, ["q001"] * (len(columns) - 2))], f"{folder.name}/quotes.csv")[1]


def _missing_column(folder: Path, raws: Raws) -> list[Problem]:
    return _validate(folder, _changed(raws, "quotes", lambda f: f.drop(columns=["attribution"])), "quotes")


def _unknown_column(folder: Path, raws: Raws) -> list[Problem]:
    return _validate(folder, _changed(raws, "quotes", lambda f: f.assign(noter="")), "quotes")


def _empty_table(folder: Path, raws: Raws) -> list[Problem]:
    return _validate(folder, _changed(raws, "ingredients", lambda f: f.iloc[0:0]), "ingredients")


def _duplicate(folder: Path, raws: Raws) -> list[Problem]:
    def change(frame: pd.DataFrame) -> pd.DataFrame:
        frame.at[1, "quote_id"] = str(frame.at[0, "quote_id"])
        return frame

    return _validate(folder, _changed(raws, "quotes", change), "quotes")


def _slug_of_another(folder: Path, raws: Raws) -> list[Problem]:
    """The second municipality gets the first one's slug, typed."""

    def change(frame: pd.DataFrame) -> pd.DataFrame:
        frame.at[1, "slug"] = str(frame.at[0, "slug"]) or slug(str(frame.at[0, "name"]))
        return frame

    return _validate(folder, _changed(raws, "municipalities", change), "municipalities")


def _code_as_slug(folder: Path, raws: Raws) -> list[Problem]:
    """The first municipality gets the second one's code as its slug."""

    def change(frame: pd.DataFrame) -> pd.DataFrame:
        frame.at[0, "slug"] = str(frame.at[1, "kommunekode"])
        return frame

    return _validate(folder, _changed(raws, "municipalities", change), "municipalities")


def _cycle(folder: Path, raws: Raws) -> list[Problem]:
    def change(frame: pd.DataFrame) -> pd.DataFrame:
        child = frame.index[frame["parent_id"] != ""][0]
        parent = frame.index[frame["section_id"] == frame.at[child, "parent_id"]][0]
        frame.at[parent, "parent_id"] = str(frame.at[child, "section_id"])
        return frame

    return _validate(folder, _changed(raws, "sections", change))


def _repeated_turn(folder: Path, raws: Raws) -> list[Problem]:
    def change(frame: pd.DataFrame) -> pd.DataFrame:
        frame.loc[[0, 1], ["exchange_id", "turn"]] = ["x-eksempel", "1"]
        return frame

    return _validate(folder, _changed(raws, "quotes", change))


def _cited_with_municipality(folder: Path, raws: Raws) -> list[Problem]:
    code = str(raws["municipalities"].frame["kommunekode"].iloc[0])
    works = raws["references"].frame["reference_key"]
    work = str(works.iloc[0]) if len(works) else "eksempel2024"

    def change(frame: pd.DataFrame) -> pd.DataFrame:
        frame.loc[0, ["reference_key", "kommunekode", "attribution"]] = [work, code, "stated"]
        return frame

    return _validate(folder, _changed(raws, "quotes", change))


def _split_exchange(folder: Path, raws: Raws) -> list[Problem]:
    code = str(raws["municipalities"].frame["kommunekode"].iloc[0])

    def change(frame: pd.DataFrame) -> pd.DataFrame:
        frame.loc[[0, 1], ["exchange_id", "turn", "reference_key"]] = [["x-eksempel", "1", ""], ["x-eksempel", "2", ""]]
        frame.loc[[0, 1], ["kommunekode", "attribution"]] = [[code, "stated"], ["", "not stated"]]
        return frame

    return _validate(folder, _changed(raws, "quotes", change))


def _not_a_workbook(folder: Path, raws: Raws) -> list[Problem]:
    with tempfile.TemporaryDirectory(dir=private_parent()) as scratch:
        path = Path(scratch) / "arbejdsbog.xlsx"
        path.write_text("ikke et regneark", encoding="utf-8")
        return read_workbook(path)[2]


def _missing_sheet(folder: Path, raws: Raws) -> list[Problem]:
    with tempfile.TemporaryDirectory(dir=private_parent()) as scratch:
        book = build_workbook(None)
        book.remove(book["figures"])
        path = Path(scratch) / "arbejdsbog.xlsx"
        save_workbook(book, path)
        return read_workbook(path)[2]


KINDS: list[tuple[str, list[MessageKind]]] = [
    (
        "Mappen og filerne",
        [
            MessageKind(_missing_folder, "Mappen, du har peget på, findes ikke.", "Tjek stavningen af mappens navn og sti."),
            MessageKind(
                _missing_file,
                "En af tabellerne i dataordbogen har ingen fil i mappen.",
                "Læg filen i mappen, også selv om du ikke har ændret i den; start evt. fra skabelonen i `templates/data/`.",
            ),
            MessageKind(
                _truncated,
                "Filen slutter midt i et felt: et citationstegn åbner en tekst, som aldrig lukkes.",
                "Åbn filen og find rækken; ofte er filen ikke gemt færdig, eller et citationstegn mangler.",
            ),
            MessageKind(
                _stray_byte,
                "Filen er gemt som UTF-8, men én byte er ødelagt. Læst som en anden tegnkodning ville resten af filen blive forkert.",
                "Find linjen, ret det mærkelige tegn, og gem filen som „CSV UTF-8“.",
            ),
            MessageKind(
                _double_bom,
                "Filen begynder med to byte order marks (et usynligt tegn, U+FEFF, som nogle programmer sætter foran en UTF-8-fil), "
                "fordi den er gemt to gange af hvert sit program. Det andet ville blive læst som en del af første kolonnenavn.",
                "Gem filen igen som „CSV UTF-8“ fra ét program; i en teksteditor kan du også slette det usynlige tegn forrest.",
            ),
            MessageKind(
                _undefined_byte,
                "Filen er ikke gemt som UTF-8, og i Windows-1252, som dansk Excel ellers gemmer i, er en af dens bytes ikke noget "
                "tegn. Tegnet, der skulle stå der, er tabt.",
                "Ret tegnet i cellen, og gem filen som „CSV UTF-8“; det gælder også en fil fra et ældre Mac-program.",
            ),
            MessageKind(
                _misnamed_file,
                "En fil har næsten tabellens navn, men med store bogstaver eller mellemrum, så den bliver ikke læst. "
                "Uden en sådan melding ville en valgfri tabel som options stille stå på sine standardværdier.",
                "Omdøb filen, så den hedder præcis som tabellen i dataordbogen: små bogstaver og ingen mellemrum.",
            ),
            MessageKind(
                _same_table_twice,
                "Mappen har samme tabel i to filer, hvis navne kun adskiller sig ved store og små bogstaver eller mellemrum. "
                "Hvilken af dem der gælder, ville være et gæt.",
                "Slet den fil, der ikke gælder, eller flyt den ud af mappen, så kun filen med tabellens præcise navn er tilbage.",
            ),
            MessageKind(
                _linked_file,
                "En tabels fil i mappen er et symbolsk link til en fil et andet sted. Bogen læser kun mappens egne filer: en "
                "datamappe, du har fået som zip eller fra git, kan have links til filer på din egen computer, og deres "
                "indhold ville så blive vist og udgivet i bogen.",
                "Slet linket, og kopiér selve filen ind i mappen under tabellens navn.",
            ),
            MessageKind(
                _long_field,
                "Et felt er længere, end CSV-læseren tillader; ofte er et citationstegn ikke lukket, så resten af filen er endt i ét felt.",
                "Tjek citationstegnene omkring linjen; er teksten virkelig så lang, så del den op.",
            ),
            MessageKind(
                _empty_file,
                "Filen har ingen rækker, heller ikke kolonnenavnene.",
                "Første række skal være kolonnenavnene fra dataordbogen.",
            ),
            MessageKind(
                _ragged,
                "Rækken har flere eller færre felter end overskriften.",
                "Typisk et komma eller semikolon i en tekst, der ikke står i citationstegn; gem filen fra et regneark.",
            ),
        ],
    ),
    (
        "Regnearket",
        [
            MessageKind(
                _not_a_workbook,
                "Filen er ikke en Excel-arbejdsbog i .xlsx-format.",
                "Gem regnearket som „Excel-projektmappe (.xlsx)“, ikke som .xls, .ods eller CSV.",
            ),
            MessageKind(
                lambda folder, raws: _read_edited(lambda book: book["quotes"].merge_cells("A2:A3")),
                "Celler er flettet. Excel viser den første celles værdi i hele området, men gemmer den kun i den første celle, "
                "så de andre ville blive læst som tomme.",
                "Ophæv fletningen, og skriv værdien i hver celle, den gælder for.",
            ),
            MessageKind(
                lambda folder, raws: _read_edited(_hidden_row),
                "Rækker med værdier er skjult i arket (med Skjul, et filter eller en foldet gruppe). De ville komme med i "
                "datamappen, uden at nogen havde set dem; skjulte kolonner siges på samme måde.",
                "Vis rækkerne (fjern filteret, eller fold gruppen ud), og slet dem, der ikke skal med.",
            ),
            MessageKind(
                lambda folder, raws: _read_edited(_hidden_sheet),
                "Et af tabellernes ark er skjult, så det, der står på det, ville komme med i datamappen uden at være set.",
                "Vis arket (højreklik på en arkfane, og vælg Vis), eller slet det, hvis tabellen må være tom.",
            ),
            MessageKind(
                _missing_sheet,
                "Et ark mangler eller er omdøbt.",
                "Hvert ark skal hedde som sin tabel; start fra skabelonen eller eksporten og omdøb ikke arkene.",
            ),
            MessageKind(
                lambda folder, raws: _read_edited(_copied("quotes", "quotes (2)")),
                "Arbejdsbogen har et ark, som ikke er en af tabellerne: en kopi af et ark (som Excel kalder „quotes (2)“) "
                "eller et ark med noter. Kun tabellernes ark bliver læst, så det, der står på det, ville ikke komme med.",
                "Flyt rettelserne over på tabellens ark, og slet arket; noter kan stå i en anden fil.",
            ),
            MessageKind(
                lambda folder, raws: _read_edited(_renamed("options", "Options")),
                "Et ark har næsten tabellens navn, men med store bogstaver eller mellemrum, så det bliver ikke læst.",
                "Omdøb arket, så det hedder præcis som tabellen: små bogstaver og ingen mellemrum.",
            ),
            MessageKind(
                lambda folder, raws: _read_repacked(_in_member("xl/workbook.xml", b'name="figures"', b'name="quotes"')),
                "To ark har nøjagtig samme navn (det kan Excel ikke selv lave, men et andet program kan), så det er uklart, "
                "hvilket der er tabellen.",
                "Slet det ark, der ikke gælder, eller giv det et andet navn.",
            ),
            MessageKind(
                lambda folder, raws: _read_repacked(_in_member("xl/workbook.xml", b'name="Vejledning"', b'name="quotes "')),
                "Ud over arket med tabellens navn har arbejdsbogen et ark, hvis navn kun adskiller sig ved store og små bogstaver "
                "eller et mellemrum. Det ville ikke blive læst, så det er uklart, hvilket af dem der er tabellen.",
                "Slet eller omdøb det ark, meldingen nævner, så kun arket med tabellens præcise navn er tilbage.",
            ),
            MessageKind(
                lambda folder, raws: _read_repacked(_in_member(QUOTES_SHEET, rb'(?s)<c r="C2".*?</c>', rb'<c r="C2" t="s"><v>-1</v></c>')),
                "Cellen henviser til en tekst i arbejdsbogens liste over delte tekster, som ikke findes. Filen er beskadiget, "
                "typisk af et andet program end Excel.",
                "Åbn arbejdsbogen i Excel eller LibreOffice, og gem den igen; hjælper det ikke, så start fra eksporten.",
            ),
            MessageKind(
                lambda folder, raws: _read_repacked(_in_member(QUOTES_SHEET, rb'(?s)(<c r="C2".*?</c>)', rb"\g<1>\g<1>")),
                "Den samme celle står to gange i arkets XML. Excel skriver aldrig sådan en fil, og at vælge den ene værdi ville være "
                "gætværk.",
                "Åbn arbejdsbogen i Excel eller LibreOffice, og gem den igen; hjælper det ikke, så start fra eksporten.",
            ),
            MessageKind(
                lambda folder, raws: _read_repacked(_in_member(QUOTES_SHEET, rb'<row r="2"', rb'<row r="1"')),
                "Den samme række står to gange i arkets XML. Excel skriver aldrig sådan en fil, og at vælge den ene ville være gætværk.",
                "Åbn arbejdsbogen i Excel eller LibreOffice, og gem den igen; hjælper det ikke, så start fra eksporten.",
            ),
            MessageKind(
                lambda folder, raws: _read_edited(_set("C2", "=A2&B2")),
                "Cellen indeholder en formel. Indlæsningen læser ikke formler, for den værdi, Excel har gemt, kan være forældet.",
                "Markér cellerne, kopiér, og indsæt dem som værdier; se arket „Vejledning“.",
            ),
            MessageKind(
                lambda folder, raws: _read_edited(_set("D2", "#NAME?")),
                "Cellen har en af Excels fejlværdier (fx #NAVN? eller #I/T), ikke data.",
                "Ret formlen, der gav fejlen, eller skriv værdien i cellen.",
            ),
            MessageKind(
                lambda folder, raws: _read_edited(_number("D2", 1234.5, "#,##0.00")),
                "En tekstkolonne har et tal, der ikke vises som sine cifre (decimaler, tusindtalsskilletegn, procent). Hvordan "
                "det ser ud, afhænger af regnearkets sprog, og den gemte værdi (1234.5) er ikke den, du ser.",
                "Formatér kolonnen som Tekst, og skriv værdien igen, som den skal stå.",
            ),
            MessageKind(
                lambda folder, raws: _read_edited(_number("D2", dt.datetime(2026, 1, 2), "d-m")),
                "En tekstkolonne har en dato, et klokkeslæt, en varighed eller SAND/FALSK. Excel gemmer det som noget andet, end "
                f"du skrev (2-1 bliver 2026-01-02, SAND bliver TRUE, 1:30 bliver 1:30:00); kun {date_columns_said()} læser en dato.",
                "Formatér cellen som Tekst, og skriv teksten igen, som den skal stå.",
            ),
            MessageKind(
                lambda folder, raws: _read_edited(_number("B2", 1, "0%")),
                "En kolonne for hele tal har et tal med procent, valuta eller decimaler. Den gemte værdi er ikke den, du ser "
                "(100 % gemmes som 1).",
                "Formatér cellen som Standard, og skriv det hele tal med cifre.",
            ),
            MessageKind(
                lambda folder, raws: _read_edited(_number("D2", 12345678901234567890, "General")),
                "Et tal har mere end 15 cifre. Excel gemmer kun 15, så et langt id eller en kode skrevet som tal er allerede ændret.",
                "Formatér cellen som Tekst, og skriv værdien igen.",
            ),
            MessageKind(
                lambda folder, raws: _read_edited(_set("C2", "Et _x0001_ tegn")),
                "Cellen indeholder et usynligt styretegn, som ikke kan stå i en CSV-fil.",
                "Skriv teksten i cellen igen, eller slet tegnet; det kommer ofte med, når tekst kopieres fra andre programmer.",
            ),
            MessageKind(
                lambda folder, raws: _read_edited(_set("XFD7", "x")),
                "Der står en værdi langt uden for tabellen.",
                "Gå til cellen (Ctrl+G i Excel), og slet værdien; tomme celler uden for tabellen er ligegyldige.",
            ),
            MessageKind(
                lambda folder, raws: _read_edited(_set("T1", "note")),
                "En celle i overskriften er tom, men der står et kolonnenavn længere til højre: hver kolonne skal have sit navn.",
                "Skriv kolonnens navn i den tomme celle, eller slet kolonnen, så overskriften ikke har huller.",
            ),
            MessageKind(
                lambda folder, raws: _read_edited(_set("T2", "note")),
                "En celle har en værdi i en kolonne uden navn i overskriften, fx en note skrevet ved siden af tabellen.",
                "Skriv kolonnens navn i overskriften, hvis den hører til tabellen; ellers slet værdien.",
            ),
            MessageKind(
                lambda folder, raws: _read_repacked(_without_member(QUOTES_SHEET)),
                "Arbejdsbogen nævner arket, men filen med arkets celler mangler i den (en .xlsx-fil er en zip-fil med en fil "
                "pr. ark). Det sker, når et andet program eller en pakning har tabt den.",
                "Åbn arbejdsbogen i Excel eller LibreOffice, og gem den igen; hjælper det ikke, så start fra eksporten.",
            ),
            MessageKind(
                lambda folder, raws: _read_repacked(_control_byte),
                "Filen er beskadiget inde i arket (fx et styretegn, et andet program har skrevet), så arket kan ikke læses.",
                "Åbn arbejdsbogen i Excel eller LibreOffice, og gem den igen; hjælper det ikke, så start fra eksporten.",
            ),
            MessageKind(
                lambda folder, raws: _read_repacked(_padded),
                "Arbejdsbogen fylder for meget, når den pakkes ud: typisk formatering af hele rækker og kolonner, "
                "eller en fil lavet til at lægge maskinen ned.",
                "Slet tomme rækker og kolonner under og til højre for dataene, og gem igen; eller del data op.",
            ),
        ],
    ),
    (
        "Kolonner og rækker",
        [
            MessageKind(
                _missing_column,
                "En kolonne fra dataordbogen mangler.",
                "Tilføj kolonnen med præcis det navn; den må gerne være tom, hvor det er tilladt.",
            ),
            MessageKind(
                _unknown_column, "Tabellen har en kolonne, dataordbogen ikke kender.", "Slet kolonnen, eller ret en stavefejl i navnet."
            ),
            MessageKind(
                _empty_table,
                "Tabellen har ingen rækker.",
                "Alle tabeller skal have mindst én række; ordlister kan genbruges fra bogens data.",
            ),
        ],
    ),
    (
        "Værdier i cellerne",
        [
            MessageKind(
                _cell("quotes", "quote_id", "Q 1"),
                "Et id må kun have små bogstaver a-z, tal og bindestreger (ingen æ, ø, å eller mellemrum).",
                "Skriv fx `koege-gang-i-gaarden`; id'er bruges i bogens adresser.",
            ),
            MessageKind(
                _cell("quotes", "text", ""),
                "Et påkrævet felt er tomt.",
                "Udfyld feltet; se i dataordbogen, hvilke kolonner der må være tomme.",
            ),
            MessageKind(_cell("quotes", "position", "tre"), "Feltet skal være et helt tal.", "Skriv tallet med cifre og uden decimaler."),
            MessageKind(
                _cell("quotes", "position", "+4"),
                "Tallet er skrevet med plustegn, understregning eller andre cifre end 0-9 (fx arabiske); bogen læser kun tal "
                "skrevet med 0-9.",
                "Skriv tallet med cifrene 0-9 og uden plustegn; et negativt tal har et minus foran.",
            ),
            MessageKind(
                _cell("quotes", "position", "99999999999999999999"),
                "Tallet har flere cifre, end bogens data kan rumme.",
                "Ret tallet; en rækkefølge eller et antal har aldrig så mange cifre.",
            ),
            MessageKind(_cell("quotes", "position", "0"), "Tallet er for lille.", "Rækkefølger tælles fra 1."),
            MessageKind(
                _cell("quotes", "attribution", "sikker"),
                "Feltet skal have en af de faste værdier.",
                "Vælg fra rullelisten i regnearket, eller skriv en af værdierne nøjagtigt.",
            ),
            MessageKind(
                _cell("municipalities", "kommunekode", "25"),
                "En kommunekode er de tre cifre, Danmarks Statistik bruger.",
                "Skriv fx 259 for Køge. Hvis Excel har fjernet et foranstillet nul, så formatér kolonnen som tekst.",
            ),
            MessageKind(
                _cell("programme_events", "date", "nov. 2021"),
                "Datoer skrives som år-måned eller år-måned-dag.",
                "Skriv fx 2021-11 eller 2021-11-05, eller 'ikke angivet'.",
            ),
            MessageKind(
                _duplicate,
                "Den samme nøgle står i mere end én række.",
                "Giv rækken sit eget id; to rækker kan ikke have samme nøgle.",
            ),
            MessageKind(
                _slug_of_another,
                "To kommuner har samme kortnavn, skrevet eller udledt af navnet. Kortnavnet er navnet på kommunens side og PDF, så den "
                "ene kommunes side og PDF ville erstatte den andens.",
                "Skriv et kortnavn, som kun kommunen har, i kolonnen slug, og ret kommunens afsnit i sections, så book_page er "
                "kommuner/profil-<det nye kortnavn>.",
            ),
            MessageKind(
                _cell("municipalities", "slug", ALL),
                f"I bogens adresser betyder ?kommune={ALL} alle kommuner, så en kommune med kortnavnet „{ALL}“ kunne ikke "
                "vælges i et link.",
                f"Skriv et andet kortnavn i kolonnen slug, også når kommunen hedder {ALL.capitalize()}, fx {ALL}-kommune.",
            ),
            MessageKind(
                _code_as_slug,
                "Kortnavnet er en anden kommunes kommunekode eller navn, som bogens adresser også forstår, så et link kunne føre til "
                "den forkerte kommune.",
                "Skriv et kortnavn, der svarer til kommunens eget navn, fx koege for Køge.",
            ),
            MessageKind(
                _cell("municipalities", "slug", "k" * (MAX_SLUG_LENGTH + 1)),
                "Kortnavnet bliver en del af filnavne, og et filnavn har en største længde; bogen kunne ikke bygges.",
                f"Skriv et kortere kortnavn i kolonnen slug (højst {MAX_SLUG_LENGTH} tegn), også når det ellers ville blive udledt af et "
                "langt navn.",
            ),
            MessageKind(
                _cell("municipalities", "outcome", "Ikke angivet", only=False),
                "'Ikke angivet' er stavet på en anden måde, end bogen bruger.",
                f"Skriv præcis '{NOT_STATED}' med små bogstaver.",
            ),
        ],
    ),
    (
        "Henvisninger mellem tabeller",
        [
            MessageKind(
                _cell("initiatives", "kommunekode", "998", only=False),
                "Værdien skal findes som nøgle i en anden tabel, og det gør den ikke.",
                "Ret stavningen, eller tilføj først rækken i den tabel, der henvises til (fx en ny kommune i municipalities).",
            ),
            MessageKind(
                _cell("initiatives", "kind", "", only=False),
                "En påkrævet henvisning er tom.",
                "Vælg en værdi fra rullelisten; den henter værdierne fra tabellen, der henvises til.",
            ),
            MessageKind(
                _cell("quotes", "ingredient_ids", "etablering-af-vi;etablering-af-vi", only=False),
                "Et id står mere end én gang i en liste; hver gang ville tælle med, så citatet talte dobbelt under ingrediensen.",
                "Skriv hvert id én gang.",
            ),
            MessageKind(
                _cell("quotes", "ingredient_ids", "etablering-af-vi;;gnist-og-flamme", only=False),
                "Listen har et tomt punkt: to semikoloner efter hinanden, eller et først eller sidst.",
                "Slet det overskydende semikolon.",
            ),
            MessageKind(_cycle, "Et afsnit ligger (via andre) under sig selv.", "Ret parent_id, så afsnittene danner et træ."),
        ],
    ),
    (
        "Citater og kommuner",
        [
            MessageKind(
                _quote(kommunekode="{kode}"),
                "Citatet har en kommune, men attribution siger, at kilden ikke angiver den.",
                "Slet kommunekoden, eller sæt attribution til stated (kilden angiver kommunen) eller inferred "
                "(din læsning, med begrundelse).",
            ),
            MessageKind(
                _quote(attribution="stated"),
                "attribution siger, at kommunen er kendt, men kommunekoden mangler.",
                "Udfyld kommunekoden, eller sæt attribution til not stated.",
            ),
            MessageKind(
                # The rationale emptied too: a quote left untied by the inference rule has one saying why (docs/adr/0033).
                _quote(attribution="inferred", kommunekode="{kode}", attribution_rationale=""),
                "En udledt kommune skal have en skrevet begrundelse.",
                "Skriv i attribution_rationale, hvad i kilden der peger på kommunen.",
            ),
            MessageKind(
                _cited_with_municipality,
                "Citatet stammer fra et citeret værk og har samtidig en kommune; et værk hører ikke til en kommune.",
                "Slet kommunekoden og sæt attribution til not stated, eller slet reference_key, hvis citatet ikke er fra værket.",
            ),
            MessageKind(
                _split_exchange,
                "Replikkerne i en ordveksling er knyttet forskelligt; ordvekslingen vises som ét kort og kan kun høre til én kommune.",
                "Giv alle replikker i ordvekslingen samme kommunekode og attribution som den første.",
            ),
            MessageKind(
                _repeated_turn,
                "To replikker i samme ordveksling har samme nummer.",
                "Nummerér replikkerne 1, 2, 3 … inden for hver exchange_id.",
            ),
        ],
    ),
    (
        "Eksporten til regneark",
        [
            MessageKind(
                _too_long_for_excel,
                "En tekst er længere, end en celle i Excel kan rumme, så den ville blive skåret over uden et ord.",
                "Forkort teksten, eller arbejd videre i CSV-filerne i stedet for regnearket.",
            ),
        ],
    ),
]


# Rows of each table the kinds are provoked on: each breaks a row near the top, and validating 10,000 quotes some
# forty times over was a tenth of a national build.
SAMPLE_ROWS = 200


def _sample(folder: Path, raws: Raws) -> Raws:
    """The first SAMPLE_ROWS rows of each table, if they are valid on their own (cutting a table can leave, say, an
    exchange without its first turn); else the whole tables, so every line stays the validator's answer to one break."""
    heads = {name: RawTable(frame=raw.frame.head(SAMPLE_ROWS), rows=raw.rows[:SAMPLE_ROWS]) for name, raw in raws.items()}
    sample = Raws(heads, raws.checks)
    if all(len(raw.frame) <= SAMPLE_ROWS for raw in raws.values()) or _validate(folder, sample):
        return raws
    return sample


def message_kinds(data: Dataset) -> list[tuple[str, str, MessageKind]]:
    """(group, the first line the validator prints, the kind) for every kind, provoked on a copy of `data`."""
    raws, problems = read_folder(data.folder)
    if problems:
        raise ValueError(f"datamappen {data.folder} kan ikke læses: {problems[0]}")
    tables = _sample(data.folder, Raws(raws))
    found = []
    for group, kinds in KINDS:
        for kind in kinds:
            lines = kind.provoke(data.folder, tables)
            if not lines:
                raise AssertionError(f"{kind.meaning!r} giver ikke længere nogen melding")
            found.append((group, str(lines[0]), kind))
    return found


def as_html(data: Dataset) -> Html:
    """The table of message kinds for the chapter on re-running the book."""
    return table_of(message_kinds(data))


def table_of(found: list[tuple[str, str, MessageKind]]) -> Html:
    """The table of `message_kinds`' list, in the groups of KINDS: each example line, what it means, what to do."""
    body = []
    for group, _ in KINDS:
        body.append(f'<tr><th scope="rowgroup" colspan="3">{esc(group)}</th></tr>')
        for g, line, kind in found:
            if g != group:
                continue
            body.append(
                f'<tr><td data-label="Eksempel på meldingen"><code>{esc(line)}</code></td>'
                f'<td data-label="Hvad den betyder">{esc(kind.meaning)}</td>'
                f'<td data-label="Sådan retter du det">{_inline_code(kind.remedy)}</td></tr>'
            )
    return Html(
        '<div class="kr-table-wrap"><table class="kr-table kr-messages"><caption>Valideringens meldinger, '
        "med et eksempel på hver, skrevet af valideringen selv</caption>"
        '<thead><tr><th scope="col">Eksempel på meldingen</th><th scope="col">Hvad den betyder</th>'
        f'<th scope="col">Sådan retter du det</th></tr></thead><tbody>{"".join(body)}</tbody></table></div>'
    )


def _inline_code(text: str) -> str:
    parts = esc(text).split("`")
    return "".join(f"<code>{p}</code>" if i % 2 else p for i, p in enumerate(parts))
