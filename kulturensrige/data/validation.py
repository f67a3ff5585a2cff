"""Checking a data folder against the schema: every problem found, one line each, nothing changed."""

from __future__ import annotations

import math
import os
import re
import stat
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import SupportsInt, cast

import pandas as pd
import pandera.pandas as pa

from kulturensrige.data.csv_reading import REPEATED_COLUMN, OverLimit, RawTable, read_csv, special_kind, thousands
from kulturensrige.data.frames import table_rows
from kulturensrige.data.municipality_codes import code_problems, codes_are_official
from kulturensrige.data.pages import ALL, MAX_SLUG_LENGTH, PROFILE_PREFIX, book_pages, heading_id, page_id_taken, profile_page, slug
from kulturensrige.data.problems import LOOP, Problem, symlink_loop
from kulturensrige.data.provenance import (
    code_aliases,
    folder_source,
    ingredient_tie_aliases,
    is_unnamed,
    no_status_aliases,
    not_given_aliases,
    published_blank_aliases,
    words,
)
from kulturensrige.data.schema import (
    BY_EDITORS,
    BY_REPORT,
    LIST_SEPARATOR,
    NOT_APPLICABLE,
    NOT_GIVEN,
    NOT_STATED,
    OPTION_VALUES,
    PUBLISHED_BLANKS,
    PUBLISHED_CODES,
    PUBLISHED_LABELS,
    SLIP_COLUMNS,
    SOURCES,
    SOURCES_FILE,
    TABLES,
    Table,
    one_key,
)

MAX_LINES_PER_COLUMN = 20
# The largest data folder a book is built from within 2 GB of memory and 10 minutes, with no page heavier than at
# national scale (BENCHMARKS.md, "At the validator's caps"): 10,000 quotes, 1,000 rows in any other table and
# 7.7 MB of CSV in all. National scale (98 municipalities, 10,000 quotes, 1,000 initiatives) is 7.58 MB as plain CSV
# and a little more as a command writes it with the formula guard's mark (ADR 80: byte order mark, quoted header, CR
# LF), so the limit stands just above that; the heaviest page grows with the quotes'
# text (19.0 MB at 7.55 MB, 19.8 MB at 8.4 MB). Each municipality adds a page
# and a column or row to the overview pages: 1,000 municipalities did not build in 25 minutes, and 200 built but
# weighed 2.73 MB on kommuner/sammenligning and ingredienser/oversigt, over the 2.5 MB page budget; 100, the
# country's 98 and two of the analyst's own, stay within it (BENCHMARKS.md).
MAX_FOLDER_BYTES = 7_700_000
MAX_TABLE_ROWS = {"quotes": 10_000, "municipalities": 100}
DEFAULT_MAX_TABLE_ROWS = 1_000
BUILD_LIMIT = "så bogen kan bygges inden for 2 GB hukommelse og 10 minutter"


def max_rows(name: str) -> int:
    return MAX_TABLE_ROWS.get(name, DEFAULT_MAX_TABLE_ROWS)


_BUILTIN_CHECKS = {
    "integer": "et helt tal",
    "digits": "et helt tal skrevet med cifrene 0-9, uden plustegn og understregning",
    "too_many_digits": "et helt tal med højst 18 cifre",
    "not_nullable": "en værdi, ikke tom",
}


def read_folder(data_dir: Path, label_prefix: str | None = None) -> tuple[dict[str, RawTable], list[Problem]]:
    """Read every declared table as text cells; missing files and damaged CSV become problems."""
    prefix = label_prefix if label_prefix is not None else f"{data_dir.name}/"
    raws: dict[str, RawTable] = {}
    problems: list[Problem] = []
    if data_dir.is_file():
        return {}, [Problem(str(data_dir), None, None, None, "er en fil; angiv mappen, der indeholder CSV-filerne")]
    if data_dir.exists() and not data_dir.is_dir():  # a device, a FIFO or a socket: it is there, but is no folder
        return {}, [Problem(str(data_dir), None, None, None, "er ikke en mappe; angiv mappen, der indeholder CSV-filerne")]
    if not data_dir.is_dir():
        return {}, [Problem(str(data_dir), None, None, None, "datamappen findes ikke")]
    if (too_big := size_problem(data_dir)) is not None:
        return {}, [too_big]
    try:
        present = [entry.name for entry in data_dir.iterdir()]
    except OSError:  # a folder one may enter but not list: its files are still read by name
        present = []
    for table in TABLES.values():
        path = data_dir / table.file
        if (odd := member_problem(path, prefix + table.file)) is not None:  # a link or a FIFO is there, not missing
            problems.append(odd)
            continue
        near = namesakes(table.file, present)
        if len(near) > 1 or (near and table.file in present):
            problems.append(Problem(prefix + table.file, None, None, None, same_table_twice(table.file, near, present)))
            continue
        if not path.is_file() and near:
            problems.append(Problem(prefix + table.file, None, None, None, misnamed("filen", near[0], table.file)))
            continue
        if not path.is_file() and table.optional:
            raws[table.name] = empty_table(table)
            continue
        if not path.is_file():
            problems.append(Problem(prefix + table.file, None, None, None, "filen mangler; alle tabeller i dataordbogen skal findes"))
            continue
        try:  # no file is read past the folder's limit: it may have grown since its stat, or have no size (/proc)
            raw, found = read_csv(path, prefix + table.file, max_rows(table.name), max_bytes=MAX_FOLDER_BYTES)
        except OverLimit:
            return {}, [too_much(prefix + table.file, f"filen fylder over {_mb(MAX_FOLDER_BYTES)}")]
        problems += found
        if raw is not None:
            raws[table.name] = raw
    problems += [Problem(prefix + name, None, None, None, not_a_table(name)) for name in extra_tables(present)]
    return raws, problems


def extra_tables(present: Iterable[str]) -> list[str]:
    """The CSV files in a data folder that are no table of the data dictionary, sorted (hostile review s23, F4: a
    `quotes-ny.csv` beside the tables was ignored without a word, where a workbook's extra sheet is refused). A name
    that is a table's but for case or blank space has its own line (namesakes); the book's own kilder.csv, which a
    folder made from a download holds, and hidden files (`._quotes.csv` from macOS) are no one's table."""
    wanted = {table.file for table in TABLES.values()}
    keys = {"".join(name.split()).casefold() for name in wanted}
    return sorted(
        name
        for name in present
        if name.casefold().endswith(".csv")
        and not name.startswith(".")
        and name != SOURCES_FILE
        and name not in wanted
        and "".join(name.split()).casefold() not in keys
    )


def not_a_table(name: str) -> str:
    """The line for a CSV file in a data folder that no table reads."""
    allowed = ", ".join(sorted(table.file for table in TABLES.values()))
    return (
        f"filen {name!r} er ikke en af datamappens tabeller og ville ikke blive læst; flyt den ud af mappen, eller "
        f"omdøb den til sin tabels navn (tilladt er {allowed}, ud over {SOURCES_FILE} og filer, der ikke er CSV)"
    )


# The rule a table's file breaks when it is a link: a data folder received as a git repository or a zip may link
# quotes.csv to a file of the analyst's own disk, whose text the book would publish and the validator print.
OWN_FILES = "en datamappes tabeller skal være mappens egne almindelige filer, ikke links"
OWN_FILE_INSTEAD = "læg selve CSV-filen i mappen i stedet for linket"


def member_problem(path: Path, label: str) -> Problem | None:
    """Why a table's file in a data folder is not read (by lstat, before anything opens it): a symbolic link, which is
    refused, not followed (OWN_FILES), or a folder, a FIFO, a socket or a device, which is no file (a FIFO would hang
    the reader). None for a regular file or a name that is not there, which the reader tells in its own words."""
    try:
        mode = os.lstat(path).st_mode
    except (OSError, ValueError):
        return None
    if stat.S_ISLNK(mode):
        if symlink_loop(path):
            return Problem(label, None, None, None, LOOP)
        target = os.fsencode(os.readlink(path)).decode("utf-8", "backslashreplace")
        return Problem(label, None, None, None, f"er et symbolsk link til {target}{_linked_kind(path)}; {OWN_FILES}: {OWN_FILE_INSTEAD}")
    if stat.S_ISDIR(mode):  # not "filen mangler": the name is there, as a folder
        return Problem(label, None, None, None, "er en mappe, ikke en almindelig fil; angiv en fil")
    if (kind := special_kind(mode)) is not None:
        return Problem(label, None, None, None, f"er {kind}, ikke en almindelig fil; angiv en fil")
    return None


def _linked_kind(link: Path) -> str:
    """What a link points at, if it is no file: said with the link, so one line tells both (stat opens nothing)."""
    try:
        mode = os.stat(link).st_mode
    except OSError:
        return ", som ikke findes"
    if stat.S_ISDIR(mode):
        return ", som er en mappe"
    kind = special_kind(mode)
    return "" if kind is None else f", som er {kind}"


def own_file(path: Path) -> bool:
    """Whether `path` is a regular file of its folder's own (not a link to one): the only kind of table file whose
    bytes are counted, hashed or read."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except (OSError, ValueError):
        return False


def namesakes(wanted: str, names: list[str]) -> list[str]:
    """The names that are `wanted` but for case or blank space (`Options.csv`, `options `), sorted."""
    key = "".join(wanted.split()).casefold()
    return sorted(name for name in names if name != wanted and "".join(name.split()).casefold() == key)


def same_table_twice(wanted: str, near: list[str], names: list[str]) -> str:
    """The line for a folder holding one table under two or more names that differ only by case or blank space
    (`options.csv` and `Options.csv`): which of them the analyst meant would be a guess."""
    files = ([wanted] if wanted in names else []) + near
    listed = ", ".join(repr(f) for f in files[:-1]) + f" og {files[-1]!r}"
    return (
        f"mappen har både {listed}, som kun adskiller sig ved store og små bogstaver eller mellemrum og derfor er samme "
        f"tabel; det er uklart, hvilken fil der gælder, så slet eller omdøb de andre, så kun {wanted!r} er tilbage"
    )


def same_sheet_twice(wanted: str, near: list[str], names: list[str]) -> str:
    """The line for a workbook holding a table's sheet under two or more names that differ only by case or blank space
    (`quotes` and `Quotes` or `quotes `), naming the sheets that are not the table's exact name: the import read the
    exact one and left the others unread without a word, or, when none was exact, said the sheet was missing."""
    sheets = ([wanted] if wanted in names else []) + near
    listed = ", ".join(repr(s) for s in sheets[:-1]) + f" og {sheets[-1]!r}"
    if wanted in names:
        others = ", ".join(repr(s) for s in near[:-1]) + (" og " if len(near) > 1 else "") + repr(near[-1])
        remedy = f"slet eller omdøb {others}, så kun {wanted!r} er tilbage"
    else:
        remedy = f"slet de ark, der ikke gælder, og omdøb det, der gælder, til {wanted!r}"
    return (
        f"arbejdsbogen har arkene {listed}, som kun adskiller sig ved store og små bogstaver eller mellemrum og derfor er "
        f"samme tabel; det er uklart, hvilket ark der gælder, så {remedy}"
    )


def misnamed(what: str, name: str, wanted: str) -> str:
    """The line for a file or sheet named as `namesakes` finds, with no file or sheet of the exact name: read by no
    one, it would leave its table silently at its defaults, or missing. `what` is "filen" or "arket"."""
    return f"{what} hedder {name!r}, ikke {wanted!r}, og bliver derfor ikke læst; omdøb {what}, så navnet er præcis {wanted!r}"


def size_problem(data_dir: Path) -> Problem | None:
    """The declared files over the folder's limit, by their stat alone: checked before anything reads them (the
    fingerprint, the validation), so a 5 GB file is refused in a moment, not after being read whole."""
    if (size := _folder_bytes(data_dir)) > MAX_FOLDER_BYTES:
        return too_much(str(data_dir), f"datamappens CSV-filer fylder {_mb(size)}")
    return None


def _folder_bytes(data_dir: Path) -> int:
    return sum(path.stat().st_size for table in TABLES.values() if own_file(path := data_dir / table.file))


def _mb(size: float) -> str:
    return f"{size / 1e6:.1f} MB".replace(".", ",")


def too_much(where: str, what: str) -> Problem:
    """One line for data beyond the folder's limit: what is too much, the limit, and why there is one."""
    return Problem(where, None, None, None, f"{what}; højst {_mb(MAX_FOLDER_BYTES)} er tilladt, {BUILD_LIMIT}")


def size_problems(raws: Mapping[str, RawTable], labels: Mapping[str, str]) -> list[Problem]:
    """Tables longer than their limit, and text beyond the folder's limit, each in one line (a workbook too)."""
    problems = [
        Problem(
            labels[name],
            None,
            None,
            None,
            f"tabellen har {thousands(len(raw.rows))} rækker; højst {thousands(max_rows(name))} er tilladt, {BUILD_LIMIT}",
        )
        for name, raw in raws.items()
        if len(raw.rows) > max_rows(name)
    ]
    text = sum(int(raw.frame.map(len).to_numpy().sum()) for raw in raws.values() if len(raw.frame))
    if not problems and text > MAX_FOLDER_BYTES:
        problems.append(too_much(next(iter(labels.values()), "").split("/")[0], f"dataenes tekster fylder {_mb(text)}"))
    return problems


def empty_table(table: Table) -> RawTable:
    """An optional table left out: its header and no rows."""
    return RawTable(frame=pd.DataFrame(columns=table.columns, dtype=str), rows=[])


TableCheck = tuple[pd.DataFrame | None, pd.DataFrame | None, list[Problem]]


class TableChecks:
    """Each table's own check, kept for the very RawTable it was made on. The error catalogue validates some
    twenty copies of one folder that each differ in one table; the tables they share need checking only once."""

    def __init__(self) -> None:
        self._done: dict[int, tuple[RawTable, str, TableCheck]] = {}

    def check(self, table: Table, raw: RawTable, label: str) -> TableCheck:
        kept = self._done.get(id(raw))
        if kept is not None and kept[0] is raw and kept[1] == label:
            return kept[2]
        result = _validate_table(table, raw, label)
        self._done[id(raw)] = (raw, label, result)  # holding `raw` keeps its id from being reused
        return result


def validate_tables(
    raws: Mapping[str, RawTable], labels: Mapping[str, str], checks: TableChecks | None = None
) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """Check each table, then every reference between tables; return typed tables if all is well.

    Every problem that does not hang on another comes out in one run: the references and rules are checked on
    tables with wrong cells too, leaving out only what a wrong cell already explains (the cell itself for a
    reference, its row for a rule). A table that cannot be read at all, or whose header is wrong, waits."""
    typed: dict[str, pd.DataFrame] = {}
    if problems := size_problems(raws, labels):
        return {}, problems
    usable: dict[str, pd.DataFrame] = {}
    bad: dict[str, set[tuple[int, str]]] = {}
    problems = []
    check = (checks or TableChecks()).check
    raws = _published_labels(raws)
    for name, raw in raws.items():
        table = TABLES[name]
        frame, text, found = check(table, raw, labels[name])
        problems += found
        if frame is not None:
            typed[name] = usable[name] = frame
        elif text is not None:
            usable[name] = text
        position = {number: i for i, number in enumerate(raw.rows)}
        bad[name] = {(position[p.row], p.column or "") for p in found if p.row in position}
    # A reference to a wrongly written key may be meant for it: references to a table whose keys have problems wait.
    waiting = {name for name in usable if any(column == TABLES[name].key for _, column in bad[name])}
    problems += [Problem(labels[name], None, TABLES[name].key, None, _WAITING) for name in sorted(waiting) if _referenced(name)]
    for name, frame in usable.items():
        rows = raws[name].rows
        targets = {n: f for n, f in usable.items() if n not in waiting}
        problems += _check_references(TABLES[name], frame, targets, rows, labels, bad[name])
        wrong_rows = {row for row, _ in bad[name]}
        clean = [i for i in range(len(frame)) if i not in wrong_rows]
        sound, sound_rows = frame.iloc[clean].reset_index(drop=True), [rows[i] for i in clean]
        for rule in RULES.get(name, []):
            problems += rule(sound, sound_rows, labels[name])
        if name == "municipalities" and "options" in usable and codes_are_official(usable["options"]):
            problems += code_problems(sound, sound_rows, labels[name])
        if name == "municipalities":
            typed_slugs = raws[name].frame["slug"].fillna("").str.strip() != ""
            problems += _slug_problems(frame, typed_slugs, rows, labels[name], {i for i, c in bad[name] if c == "slug"})
        # A wrong slug makes its municipality's page unknown: the page paths wait until it is fixed.
        if name == "sections" and "municipalities" in usable and not any(c == "slug" for _, c in bad.get("municipalities", ())):
            problems += _book_pages(sound, sound_rows, labels[name], usable["municipalities"]["slug"])
        # A slip in a table with problems waits for them to be fixed, as a reference to a wrongly written key does.
        if name == "report_slips":
            problems += _slip_problems(sound, sound_rows, labels[name], {n: f for n, f in usable.items() if not bad[n]})
    if problems or len(typed) < len(TABLES):
        return {}, problems
    return {name: _as_lists(TABLES[name], frame) for name, frame in typed.items()}, []


def _slip_problems(frame: pd.DataFrame, rows: list[int], label: str, tables: Mapping[str, pd.DataFrame]) -> list[Problem]:
    """Each of the report's slips stands where its row says (ADR 89): in a row of a table that quotes the report's
    words (table and row_id, the word in the row's text) or in a page's own text (page, a page of sections.book_page),
    never both; one line a problem."""
    problems = []
    pages = set(tables["sections"]["book_page"]) if "sections" in tables else set()
    for i, slip in enumerate(frame.astype(str).to_dict("records")):
        word, table, row_id, page = slip["word"], slip["table"], slip["row_id"], slip["page"]
        if bool(table) == bool(page):
            problems.append(Problem(label, rows[i], "page", page, "angiv enten table og row_id eller page, ikke begge"))
        elif page:
            if pages and page not in pages:
                problems.append(Problem(label, rows[i], "page", page, "ukendt side; tilladt: en book_page fra sections.csv"))
        elif table in tables:
            key, column = TABLES[table].key, SLIP_COLUMNS[table]
            texts = dict(zip(tables[table][key], tables[table][column], strict=True))
            if row_id not in texts:
                problems.append(Problem(label, rows[i], "row_id", row_id, f"ukendt id; tilladt: {one_key(key)} fra {table}.csv"))
            elif word not in texts[row_id]:
                problems.append(Problem(label, rows[i], "word", word, f"ordet står ikke i {column} i {table}.csv, rækken {row_id}"))
    return problems


_WAITING = "henvisningerne fra andre tabeller til kolonnen kontrolleres, når fejlene nedenfor i den er rettet"


def _referenced(name: str) -> bool:
    return any(ref.table == name for table in TABLES.values() for ref in table.references)


def _book_pages(frame: pd.DataFrame, rows: list[int], label: str, slugs: Iterable[str]) -> list[Problem]:
    """A typed page path must name a page the build makes: a chapter of book/_toc.yml or a municipality's page."""
    pages = book_pages(slugs)
    if not pages:
        return []  # the package without the book beside it: nothing to check against
    chapters = ", ".join(sorted(p for p in pages if not p.startswith(PROFILE_PREFIX)))
    allowed = f"siden findes ikke i bogen; tilladt: {PROFILE_PREFIX}<kortnavn> for en kommune i municipalities eller en af: {chapters}"
    return [Problem(label, rows[i], "book_page", page, allowed) for i, page in enumerate(frame["book_page"]) if page not in pages]


def _slug_problems(frame: pd.DataFrame, typed: pd.Series, rows: list[int], label: str, wrong: set[int]) -> list[Problem]:
    """A slug names one municipality's page, its PDF and its place in the page's address (?kommune=<slug>): it must
    be its own, must not be a value the address already means (`alle`, or another municipality's code or name, which
    the browser also accepts there), and must fit in a file name. `typed` says, row by row, whether the analyst wrote
    the slug or the validator derived it from the name; a slug cell already reported wrong (`wrong`) is not checked."""
    problems = []
    first: dict[str, int] = {}
    others = {
        value: (i, what)
        for what in ("kommunekode", "name")
        for i, value in enumerate(frame[what].astype(str).str.strip().str.lower())
        if value
    }
    names = list(frame["name"].astype(str))
    for i, (value, name) in enumerate(zip(frame["slug"].astype(str), names, strict=True)):
        if i in wrong or not value:
            continue
        made = "" if typed.iloc[i] else f"er udledt af navnet {name if len(name) <= 40 else name[:39] + '…'!r} og "
        fix = "skriv et andet kortnavn i cellen" if not typed.iloc[i] else "skriv et andet kortnavn"
        if len(value) > MAX_SLUG_LENGTH:
            shorter = "skriv et kortere kortnavn i cellen" if not typed.iloc[i] else "forkort det"
            reason = (
                f"har {len(value)} tegn; højst {MAX_SLUG_LENGTH} er tilladt, for kortnavnet bliver en del af filnavne "
                f"({profile_page('<kortnavn>')}.html og pdf/kulturens-rige-<kortnavn>.pdf); {shorter}"
            )
        elif value == ALL:
            reason = f"er forbeholdt filteret: ?kommune={ALL} i adressen viser alle kommuner; {fix}"
        elif value in others and others[value][0] != i:
            j, what = others[value]
            meant = f"{'kommunekoden for' if what == 'kommunekode' else 'navnet på'} {names[j]}"
            reason = f"er også {meant} (række {rows[j]}), så ?kommune={value} i adressen kan betyde begge; {fix}"
        elif value in first:
            j = first[value]
            reason = (
                f"bruges også af {names[j]} i række {rows[j]}; hver kommune skal have sit eget kortnavn, "
                f"for det er navnet på kommunens side ({profile_page(value)}) og dens PDF; {fix}"
            )
        else:
            first[value] = i
            continue
        problems.append(Problem(label, rows[i], "slug", value, made + reason))
    return problems


def _derived(table: Table, frame: pd.DataFrame) -> pd.DataFrame:
    """Cells the build can work out, filled in where the analyst left them empty (a municipality's slug)."""
    if table.name != "municipalities" or "slug" not in frame.columns or "name" not in frame.columns:
        return frame
    empty = frame["slug"].fillna("").str.strip() == ""
    if not empty.any():
        return frame
    frame = frame.copy()
    frame.loc[empty, "slug"] = frame.loc[empty, "name"].fillna("").map(slug)
    return frame


def _published_blanks(table: Table, frame: pd.DataFrame) -> pd.DataFrame:
    """A download read back as a data folder: the words it writes in an empty cell (schema.PUBLISHED_BLANKS) are an
    empty cell again."""
    words = {value.partition(".")[2]: published_blank_aliases(value) for value in PUBLISHED_BLANKS if value.partition(".")[0] == table.name}
    present = {column: said for column, said in words.items() if column in frame.columns}
    if not present:
        return frame
    return frame.assign(**{c: frame[c].where(~frame[c].fillna("").str.strip().isin(said), "") for c, said in present.items()})


def _published_not_given(table: Table, frame: pd.DataFrame) -> pd.DataFrame:
    """A download read back as a data folder: the words it writes for a value the source leaves out (schema.NOT_GIVEN,
    'rapporten angiver ikke datoen') are the schema's 'ikke angivet' again."""
    said = {c: not_given_aliases(v) for v in NOT_GIVEN if (c := v.partition(".")[2]) in frame.columns and v.partition(".")[0] == table.name}
    if table.name == "quotes" and "speaker_role" in frame.columns:
        # A card's words for a speaker no one names ('afsender ikke angivet', provenance.unnamed_as).
        roles = frame["speaker_role"]
        frame = frame.assign(speaker_role=roles.where(~roles.fillna("").astype(str).map(is_unnamed), NOT_STATED))
    if not said:
        return frame
    return frame.assign(**{c: frame[c].map(lambda cell, a=aliases: a.get(cell, cell)) for c, aliases in said.items()})


def _published_labels(raws: Mapping[str, RawTable]) -> dict[str, RawTable]:
    """A download read back as a data folder: a reference column it writes as its vocabulary's labels
    (schema.PUBLISHED_LABELS, an initiative's status 'Gennemført') holds the ids again; the words for a status the
    editors read none for (provenance.no_status) are the id of the vocabulary's 'ikke angivet'. An id stays an id."""
    read = dict(raws)
    for value, vocabulary in PUBLISHED_LABELS.items():
        name, _, column = value.partition(".")
        if name not in raws or vocabulary not in raws or column not in raws[name].frame.columns:
            continue
        words = raws[vocabulary].frame.reindex(columns=[TABLES[vocabulary].key, "label"]).fillna("").astype(str)
        ids = dict(zip(words["label"].str.strip(), words[TABLES[vocabulary].key].str.strip(), strict=True))
        if NOT_STATED in ids:
            ids |= dict.fromkeys(no_status_aliases(), ids[NOT_STATED])
        keys = set(ids.values())
        cells = raws[name].frame[column]
        said = [cell if not isinstance(cell, str) or cell.strip() in keys else ids.get(cell.strip(), cell) for cell in cells]
        read[name] = replace(raws[name], frame=raws[name].frame.assign(**{column: pd.Series(said, index=cells.index)}))
    return read


def _published_codes(table: Table, frame: pd.DataFrame) -> pd.DataFrame:
    """A download read back as a data folder: the pages' words it writes for a provenance code (schema.PUBLISHED_CODES,
    'udledt af redaktionen') are the code again ('inferred'); a cell that is neither is left for the check to name."""
    columns = [c for v in PUBLISHED_CODES if (c := v.partition(".")[2]) in frame.columns and v.partition(".")[0] == table.name]
    if table.name == "quotes" and "ingredient_source" in frame.columns:
        # A quote's ingredient tie in its card's words ('redaktionens læsning, ikke rapportens') is its source again.
        ties = ingredient_tie_aliases()
        frame = frame.assign(ingredient_source=frame["ingredient_source"].map(lambda cell: ties.get(cell, cell)))
    if not columns:
        return frame
    aliases = code_aliases()
    return frame.assign(**{c: frame[c].map(lambda cell: aliases.get(cell, cell)) for c in columns})


# A column the schema no longer has, which a folder made before may still hold: what to do with it, in place of
# „ukendt kolonne“ (docs/adr/0110: a municipality's starting point is told once, in starting_points.csv).
RETIRED_COLUMNS = {
    ("municipalities", "starting_point_note"): (
        "kolonnen er udgået: et udgangspunkt forklares én gang, i starting_points.csv's kolonne description; slet kolonnen"
    ),
}


def _validate_table(table: Table, raw: RawTable, label: str) -> tuple[pd.DataFrame | None, pd.DataFrame | None, list[Problem]]:
    """(typed frame or None, text frame with the full header or None, problems)."""
    frame = _published_not_given(table, _published_codes(table, _published_blanks(table, _derived(table, raw.frame))))
    # A column added to the schema later (quotes.cleared) may be left out of older files: empty means its default.
    left_out = [c for c in table.columns if c not in frame.columns and table.schema.columns[c].metadata.get("optional_column")]
    frame = frame.assign(**dict.fromkeys(left_out, "")) if left_out else frame
    columns = set(frame.columns)
    repeated = sorted({c for c in frame.columns if list(frame.columns).count(c) > 1})
    if repeated:
        return None, None, [Problem(label, None, c, None, REPEATED_COLUMN) for c in repeated]
    required = [c for c in table.columns if c not in left_out and not table.schema.columns[c].metadata.get("optional_column")]
    problems = [
        Problem(label, None, c, None, "kolonnen mangler; påkrævede kolonner: " + ", ".join(required))
        for c in table.columns
        if c not in columns
    ]
    problems += [
        Problem(
            label, None, c, None, RETIRED_COLUMNS.get((table.name, c), "ukendt kolonne; tilladte kolonner: " + ", ".join(table.columns))
        )
        for c in frame.columns
        if c not in table.columns
    ]
    if problems:
        return None, None, problems
    if len(frame) < table.min_rows:
        return None, None, [Problem(label, None, None, None, f"tabellen er tom; den skal have mindst {table.min_rows} række")]
    if (
        unwritable := _unwritable_characters(frame, raw.rows, label)
        + _hidden_characters(frame, raw.rows, label)
        + _spaced_codes(table, raw, label)
    ):
        return None, frame, unwritable
    checked, not_integers = _integer_cells(table, frame)
    try:
        typed = table.schema.validate(checked, lazy=True)
    except pa.errors.SchemaErrors as exc:
        return None, frame, _from_failure_cases(table, pd.concat([not_integers, exc.failure_cases], ignore_index=True), raw.rows, label)
    if len(not_integers):
        return None, frame, _from_failure_cases(table, not_integers, raw.rows, label)
    return typed, frame, []


# Characters no data file may hold: C0 controls but tab, line feed and carriage return, lone surrogates (a workbook's
# _xD800_, a QDA project's \ud800: UTF-8 cannot write them) and U+FFFE/U+FFFF (XML cannot hold them, so the workbook
# and QDA exports failed or wrote a file their own import refused).
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def unwritable_cells(raws: Mapping[str, RawTable], labels: Mapping[str, str]) -> list[Problem]:
    """Every cell of the folder holding a character UTF-8 or XML cannot write: a writer that goes on past the
    data's other problems (the workbook export, where they get mended) stops on these, as the file cannot hold them."""
    return [problem for name, raw in raws.items() for problem in _unwritable_characters(raw.frame, raw.rows, labels[name])]


def _unwritable_characters(frame: pd.DataFrame, rows: list[int], label: str) -> list[Problem]:
    """One line per cell holding a character that UTF-8 or XML cannot write, the character named by its code."""
    problems = []
    for column in frame.columns:
        cells = frame[column].astype(str)
        for index in cells.index[cells.str.contains(_UNWRITABLE)]:
            found = _UNWRITABLE.search(cells[index])
            code = f"U+{ord(found.group()):04X}" if found else "?"
            allowed = f"tegnet {code} kan ikke gemmes i en tekstfil eller et regneark; fjern det"
            problems.append(Problem(label, _row(index, rows), column, code, allowed))
    return problems


# Characters that change what a page shows without showing themselves (docs/adr/0028): the direction overrides,
# embeddings, isolates and marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) reorder the text around them,
# so a page or a message could show other than the file says; a report prints its text in reading order, and
# right-to-left letters need no control. A zero-width space, a word joiner or a byte order mark inside a text (U+200B,
# U+2060, U+FEFF) is a copy's leftover that splits or joins a word unseen ("Kø\u200bge" is not Køge); the C1 controls
# (U+0080–U+009F) are a wrongly decoded file's bytes; the tag characters (U+E0000–U+E007F) carry text no reader sees
# into the pages, the search and every download; the fillers U+3164 and U+180E are blanks that are not spaces; and the
# noncharacters (U+FDD0–U+FDEF, the last two of every plane; U+FFFE and U+FFFF are _UNWRITABLE's) are no text at all.
# The line and paragraph separators (U+2028, U+2029) break a line in some readers and not in others (a spreadsheet
# shows none; Python's splitlines does), so one text reads differently in each: a line break in a report is "\n".
# The joiners U+200C and U+200D (in an emoji, in other scripts) and the soft hyphen are text a report can hold, and stay.
_HIDDEN = re.compile(
    "[\u202a-\u202e\u2028\u2029\u2066-\u2069\u200e\u200f\u061c\u200b\u2060\ufeff\x80-\x9f\U000e0000-\U000e007f\u3164\u180e\ufdd0-\ufdef"
    + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(1, 17))
    + "]"
)
_HIDDEN_NAMES = {
    **dict.fromkeys("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c", "retningstegn"),
    "\u200b": "mellemrum uden bredde",
    "\u2060": "ordbinder uden bredde",
    "\ufeff": "byte order mark",
    "\u3164": "usynligt fyldtegn",
    "\u180e": "usynligt fyldtegn",
    "\u2028": "Unicode-linjeskift",
    "\u2029": "Unicode-afsnitsskift",
}


def _hidden_name(character: str) -> str:
    """What a hidden character is, in the reader's words: its own name, or the kind of its range."""
    code = ord(character)
    if 0x80 <= code <= 0x9F:
        return "styretegn"
    if 0xE0000 <= code <= 0xE007F:
        return "mærketegn"
    return _HIDDEN_NAMES.get(character, "ikke-tegn")


def _hidden_characters(frame: pd.DataFrame, rows: list[int], label: str) -> list[Problem]:
    """One line per cell holding a character that reorders, splits or hides text unseen (_HIDDEN), named by its code."""
    problems = []
    for column in frame.columns:
        cells = frame[column].astype(str)
        for index in cells.index[cells.str.contains(_HIDDEN)]:
            found = dict.fromkeys(_HIDDEN.findall(cells[index]))
            named = ", ".join(f"U+{ord(c):04X} ({_hidden_name(c)})" for c in found)
            allowed = f"usynlige tegn: {named}; de flytter, deler eller gemmer tekst uden at blive vist; fjern dem"
            problems.append(Problem(label, _row(index, rows), column, cells[index], allowed))
    return problems


# What the reader does with blank space at a value's edges (issue 25, #2), for the data dictionary and the data chapter.
EDGE_SPACE_RULE = (
    "Blanktegn først og sidst i en celle: mellemrum, tabulatorer og linjeskift før det første eller efter det sidste "
    'tegn i en kode, et id, et valg, et tal eller en dato afvises med én linje pr. celle ("259 " er ikke en '
    "kommunekode). I en tekst, også et ordret citat, tages de af, og tjekket siger det med én advarsel pr. celle; i "
    "en liste af id'er må der stå mellemrum om hvert id."
)


def _edge_kind(table: Table, column: str) -> str | None:
    """What blank space at the edges of a value of `column` gets: "notice" for a text, which keeps its words and is
    shown trimmed with a notice (trimmed_notices); "refused" for a code, an id, a choice, a number or a date or year
    (a text of a pattern; "259 " is no code); None for a list, whose ids are read without the spaces around them
    (split_list), and an unknown column, refused by its name."""
    if column not in table.schema.columns or table.kind_of(column) == "list":
        return None
    patterned = any(check.name == "str_matches" for check in table.schema.columns[column].checks)  # a date, a year
    return "notice" if table.kind_of(column) == "text" and not patterned else "refused"


EDGE_SPACE = "har blanktegn (mellemrum, tabulator eller linjeskift) først eller sidst"


def _edge_space(value: str) -> str:
    """Where a value has its blank space, as a line says it (a long value is shown cut short, its end unseen)."""
    edges = [edge for edge, there in (("først", value[:1].isspace()), ("sidst", value[-1:].isspace())) if there]
    return f"har blanktegn (mellemrum, tabulator eller linjeskift) {' og '.join(edges)}"


def _spaced_codes(table: Table, raw: RawTable, label: str) -> list[Problem]:
    """One line per code, id, choice, number or date written with blank space at an edge, at most
    MAX_LINES_PER_COLUMN a column and then one that counts the rest: nothing is trimmed from such a value unseen."""
    problems: list[Problem] = []
    refused = [(row, column, value) for row, column, value in raw.trimmed if _edge_kind(table, column) == "refused"]
    for column in dict.fromkeys(column for _, column, _ in refused):
        cells = [(row, value) for row, c, value in refused if c == column]
        allowed = "; en kode, et id, et valg, et tal eller en dato skal stå uden, så fjern dem"
        problems += [
            Problem(label, row, column, value, f"værdien {_edge_space(value)}{allowed}") for row, value in cells[:MAX_LINES_PER_COLUMN]
        ]
        if len(cells) > MAX_LINES_PER_COLUMN:
            rest = thousands(len(cells) - MAX_LINES_PER_COLUMN - 1)
            more = f"denne og {rest} rækker mere {EDGE_SPACE} i kolonnen; ret de viste, og kør igen"
            problems.append(Problem(label, cells[MAX_LINES_PER_COLUMN][0], column, None, more))
    return problems


def blank_word_notices(raws: Mapping[str, RawTable], labels: Mapping[str, str]) -> list[Problem]:
    """One notice per column where a file writes the word a download puts in an empty cell (schema.PUBLISHED_BLANKS),
    which is read as empty: said, as no value changes without a word (a caption typed as 'ikke angivet' became empty
    silently). A download read back says it too: R's write.csv and pandas write the download's mark (is_guarded_csv),
    so a file marked may still be the analyst's own (hostile round 21, #2)."""
    notices: list[Problem] = []
    for value in PUBLISHED_BLANKS:
        name, _, column = value.partition(".")
        raw = raws.get(name)
        if raw is None or column not in raw.frame.columns:
            continue
        aliases = published_blank_aliases(value)
        found = [(row, cell.strip()) for row, cell in zip(raw.rows, raw.frame[column].fillna(""), strict=True) if cell.strip() in aliases]
        rows, word = [row for row, _ in found], found[0][1] if found else ""
        if rows:
            cells = "cellen" if len(rows) == 1 else f"{thousands(len(rows))} celler (fx række {rows[0]})"
            said = f"advarsel: {cells} siger „{word}“, sådan som bogens CSV-filer skriver en tom celle, og læses som tom"
            notices.append(Problem(labels[name], rows[0] if len(rows) == 1 else None, column, None, said))
    return notices


def credit_notices(raws: Mapping[str, RawTable], labels: Mapping[str, str]) -> list[Problem]:
    """In a folder that is an analyst's or a QDA project's (options.csv `kilde`; a workbook that names none is imported as
    the analyst's), one notice per row-source column and value that names another source, and one per text that names
    the editors: the book reads every value of such a folder as its source's, so a row that says 'redaktionen', or a
    description that opens „Redaktionens læsning“, contradicts the folder it stands in. The book's own data, exported
    as a workbook, hands an analyst such rows (reading30, #9); said, not refused, as the workbook's round trip must
    import (ADR 111)."""
    options = raws["options"].frame if "options" in raws else pd.DataFrame(columns=TABLES["options"].columns)
    folder = folder_source(options)
    if folder in (BY_REPORT, BY_EDITORS):
        return []
    whose = f"datamappen er {words(folder).own} (kilde = {folder})"
    notices: list[Problem] = []
    for name, raw in raws.items():
        for column in raw.frame.columns.intersection(TABLES[name].columns):
            cells = list(zip(raw.rows, raw.frame[column].fillna(""), strict=True))
            if TABLES[name].schema.columns[column].metadata.get("values") == SOURCES:
                notices += _row_source_notices(labels[name], column, cells, folder, whose)
            elif TABLES[name].kind_of(column) == "text" and (name, column) != SPEAKERS_WORDS:
                notices += _editors_text_notices(labels[name], column, cells, folder, whose)
    return notices


# A quote's own words are its speaker's: a quote that speaks of an editor credits no one.
SPEAKERS_WORDS = ("quotes", "text")
# The editors named in a text, outside the report's own words in »…«: 'Redaktionens læsning', 'redaktionen', '(red.)'.
_EDITORS_NAMED = re.compile(r"\bredaktion|\(red\.\)", re.IGNORECASE)
_REPORTS_WORDS = re.compile(r"»[^«]*«")


def _row_source_notices(label: str, column: str, cells: list[tuple[int, str]], folder: str, whose: str) -> list[Problem]:
    """One notice per other source a row-source column names: 'quotes.csv, kolonne ingredient_source: 'rapporten' —
    advarsel: 29 celler (fx række 10) siger det, …'."""
    notices = []
    for value in dict.fromkeys(cell.strip() for _, cell in cells if cell.strip() not in ("", folder)):
        rows = [row for row, cell in cells if cell.strip() == value]
        said = "cellen siger det" if len(rows) == 1 else f"{thousands(len(rows))} celler (fx række {rows[0]}) siger det"
        notices.append(
            Problem(
                label,
                rows[0] if len(rows) == 1 else None,
                column,
                value,
                f"advarsel: {said}, men {whose}, så bogen regner hver værdi for {words(folder).own}; tilladt her: tom eller '{folder}'",
            )
        )
    return notices


def _editors_text_notices(label: str, column: str, cells: list[tuple[int, str]], folder: str, whose: str) -> list[Problem]:
    """One notice per text that names the editors, at most MAX_LINES_PER_COLUMN a column and then one that counts the rest."""
    named = [(row, cell) for row, cell in cells if _EDITORS_NAMED.search(_REPORTS_WORDS.sub("", cell))]
    said = (
        f"advarsel: teksten nævner redaktionen, men {whose}, så bogen og dens CSV-filer giver den som {words(folder).own}; "
        f"tilladt her: en tekst med {words(folder).own} egne ord, uden redaktionen"
    )
    notices = [Problem(label, row, column, cell, said) for row, cell in named[:MAX_LINES_PER_COLUMN]]
    if len(named) > MAX_LINES_PER_COLUMN:
        rest = thousands(len(named) - MAX_LINES_PER_COLUMN - 1)
        more = f"advarsel: denne og {rest} tekster mere i kolonnen nævner redaktionen, men {whose}"
        notices.append(Problem(label, named[MAX_LINES_PER_COLUMN][0], column, None, more))
    return notices


def trimmed_notices(raws: Mapping[str, RawTable], labels: Mapping[str, str]) -> list[Problem]:
    """One notice per text whose blank space at an edge was taken off (a verbatim quote included), at most
    MAX_LINES_PER_COLUMN a column and then one that counts the rest: the book shows the text without it, and says so."""
    notices: list[Problem] = []
    for name, raw in raws.items():
        table = TABLES[name]
        kept = [(row, column, value) for row, column, value in raw.trimmed if _edge_kind(table, column) == "notice"]
        for column in dict.fromkeys(column for _, column, _ in kept):
            cells = [(row, value) for row, c, value in kept if c == column]
            said = "; de er taget af, og alt, der laves ud fra data (bogen, regnearket, QDA-projektet), har teksten uden dem"
            notices += [
                Problem(labels[name], row, column, value, f"advarsel: teksten {_edge_space(value)}{said}")
                for row, value in cells[:MAX_LINES_PER_COLUMN]
            ]
            if len(cells) > MAX_LINES_PER_COLUMN:
                rest = thousands(len(cells) - MAX_LINES_PER_COLUMN - 1)
                more = f"advarsel: denne og {rest} tekster mere {EDGE_SPACE} i kolonnen; de er taget af"
                notices.append(Problem(labels[name], cells[MAX_LINES_PER_COLUMN][0], column, None, more))
    return notices


_ASCII_INTEGER = r"^-?[0-9]{1,18}$"  # fits in int64 whatever the digits
_DIGITS_ONLY = re.compile(r"-?[0-9]+")


def _integer_check(value: str) -> str:
    """Which rule a wrong integer cell breaks, so its line says what is allowed: a whole number too long for the data
    ('99999999999999999999' was told it was no whole number: hostile round s24, H3), one written otherwise than with
    the digits 0-9, or no number at all."""
    if _DIGITS_ONLY.fullmatch(value):
        return "too_many_digits"
    return "digits" if _python_int(value) else "integer"


def _python_int(value: str) -> bool:
    """Whether int() reads the text as a number: then only its way of writing it is wrong ('+4', '٥', '1_000')."""
    try:
        return abs(int(value)) < 10**18
    except ValueError:
        return False


def _integer_cells(table: Table, frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Integer cells written otherwise than with the digits 0-9 and an optional minus (Python's int(), and so
    pandera's coercion, also takes '+4', '٥' and '1_000'), as failure cases; and the frame with each of them set to
    its column's minimum, so that the column's other cells are still checked (a wrong '-5' further down is reported
    in the same run, not after the first is fixed)."""
    cases, checked = [], frame
    for column in table.integer_columns:
        wrong = ~frame[column].astype(str).str.fullmatch(_ASCII_INTEGER)
        if not wrong.any():
            continue
        minimum = next(c.statistics["min_value"] for c in table.schema.columns[column].checks if "min_value" in (c.statistics or {}))
        checked = checked.copy() if checked is frame else checked
        checked.loc[wrong, column] = str(minimum)
        values = frame.loc[wrong, column].astype(str)
        checks = [_integer_check(value) for value in values]
        cases.append(pd.DataFrame({"index": frame.index[wrong], "column": column, "check": checks, "failure_case": values}))
    empty = pd.DataFrame(columns=["index", "column", "check", "failure_case"])
    return checked, pd.concat(cases, ignore_index=True) if cases else empty


def _from_failure_cases(table: Table, cases: pd.DataFrame, rows: list[int], label: str) -> list[Problem]:
    """One line per wrong cell, at most MAX_LINES_PER_COLUMN per column and then one line that counts the rest:
    a file of 100,000 wrong rows is answered in seconds with lines a person can read."""
    cases = cases.drop_duplicates(subset=["index", "column"])
    cases = cases.iloc[pd.to_numeric(cases["index"], errors="coerce").argsort(kind="stable")]  # in row order
    problems: list[Problem] = []
    for column, group in cases.groupby("column", sort=False, dropna=False):
        for case in table_rows(group.head(MAX_LINES_PER_COLUMN), index=False):
            row = _row(case.index, rows)
            failed = str(case.check)
            if "uniqueness" in failed:
                message = f"findes mere end én gang; {table.key} skal være entydig"
            else:
                message = "skal være " + _BUILTIN_CHECKS.get(re.sub(r"\(.*", "", failed), failed)
            problems.append(Problem(label, row, str(column), str(case.failure_case), message))
        if len(group) > MAX_LINES_PER_COLUMN:
            rest = len(group) - MAX_LINES_PER_COLUMN
            first = _row(group["index"].iloc[MAX_LINES_PER_COLUMN], rows)
            more = f"denne og {thousands(rest - 1)} rækker mere har også fejl i kolonnen; ret de viste, og kør igen"
            problems.append(Problem(label, first, str(column), None, more))
    return problems


def _row(index: object, rows: list[int]) -> int | None:
    """The file's row for pandera's failure case: its index holds the frame's row, or NaN when the column failed whole."""
    if index is None or index is pd.NA or (isinstance(index, float) and math.isnan(index)):
        return None
    return rows[int(cast(SupportsInt, index))]


def split_list(cell: str) -> tuple[str, ...]:
    """A list cell holds ids separated by ';'; spaces around them are forgiven."""
    return tuple(part.strip() for part in str(cell).split(LIST_SEPARATOR) if part.strip())


_LIST_ALLOWED = f"tilladt: forskellige id'er adskilt af '{LIST_SEPARATOR}', hvert én gang"


def _list_cell_problem(cell: str) -> str | None:
    """What is wrong with a list cell's shape: an empty item (a;;b, a trailing ';') or an id named twice, which
    every count would take twice (a quote counted three times under one ingredient)."""
    if not cell.strip():
        return None
    parts = [part.strip() for part in cell.split(LIST_SEPARATOR)]
    if "" in parts:
        return f"har et tomt punkt (to '{LIST_SEPARATOR}' efter hinanden, eller et først eller sidst); {_LIST_ALLOWED}"
    repeated = ", ".join(f"{part!r} {times} gange" for part, times in Counter(parts).items() if times > 1)
    return f"nævner det samme id mere end én gang ({repeated}); {_LIST_ALLOWED}" if repeated else None


def _check_references(
    table: Table,
    frame: pd.DataFrame,
    usable: Mapping[str, pd.DataFrame],
    rows: list[int],
    labels: Mapping[str, str],
    bad: set[tuple[int, str]],
) -> list[Problem]:
    """Every list cell's shape, and every reference cell against the keys of its target table; a cell already
    reported wrong is not checked again, and a reference to a table that could not be read waits for it."""
    problems = []
    label = labels[table.name]
    for ref in table.references:
        misshapen = set()
        for i, cell in enumerate(frame[ref.column].astype(str) if ref.many else ()):
            if (i, ref.column) not in bad and (wrong := _list_cell_problem(cell)):
                problems.append(Problem(label, rows[i], ref.column, cell, wrong))
                misshapen.add(i)
        if ref.table not in usable:
            continue
        target = TABLES[ref.table]
        keys = set(usable[ref.table][target.key].astype(str))
        shown = ", ".join(sorted(keys)[:10]) + (" …" if len(keys) > 10 else "")
        where = _where(target, labels.get(ref.table, ""))
        for i, cell in enumerate(frame[ref.column].astype(str)):
            if (i, ref.column) in bad:
                continue
            values = split_list(cell) if ref.many else ((cell,) if cell else ())
            if not values and not ref.optional and i not in misshapen:  # ';' alone: its empty item is the problem
                problems.append(Problem(label, rows[i], ref.column, cell, f"må ikke være tom; tilladt: {one_key(target.key)} fra {where}"))
            for value in dict.fromkeys(values):  # a repeated id is reported once, as a repeat (_list_cell_problem)
                if value not in keys:
                    problems.append(
                        Problem(label, rows[i], ref.column, value, f"ukendt id; tilladt: {one_key(target.key)} fra {where} ({shown})")
                    )
    return problems


def _where(table: Table, label: str) -> str:
    """A table as the analyst has it in front of them: its sheet in a workbook, its file in a folder."""
    return table.file if not label or label.endswith(".csv") else f"arket {table.name}"


def _role_named(role: str, rationale: str) -> str:
    """The part of the role ('borgere/frivillig/amatørmusiker' has three) that the rationale names as a word, or ''."""
    if role == NOT_STATED:
        return ""
    words = set(re.findall(r"\w+", rationale.casefold()))
    parts = [role, *re.split(r"[/,]", role)]
    for part in (p.strip() for p in parts):
        # A role is words; a part with markup or signs in it (as in tests/hostile.py) is no role to look for.
        if (
            len(part) >= 4
            and re.fullmatch(r"[\w\s’'-]+", part)
            and (part.casefold() in rationale.casefold() if " " in part else part.casefold() in words)
        ):
            return part
    return ""


def _quote_attribution(frame: pd.DataFrame, rows: list[int], label: str) -> list[Problem]:
    """A municipality is stated, inferred with a reason, or not stated: never guessed silently. And only what the
    book's one rule can place (rules/views.py): a cited work belongs to no municipality, and an exchange, shown as
    one card, to one municipality or none."""
    problems = []
    for i, q in enumerate(table_rows(frame, index=False)):
        if q.reference_key and q.kommunekode:
            problems.append(
                Problem(
                    label,
                    rows[i],
                    "kommunekode",
                    q.kommunekode,
                    f"skal være tom for et citat fra et citeret værk (reference_key '{q.reference_key}')",
                )
            )
        if q.attribution == "not stated" and q.kommunekode:
            problems.append(Problem(label, rows[i], "kommunekode", q.kommunekode, "skal være tom, når attribution er 'not stated'"))
        if q.attribution != "not stated" and not q.kommunekode:
            problems.append(Problem(label, rows[i], "kommunekode", "", f"skal udfyldes, når attribution er '{q.attribution}'"))
        if q.attribution == "inferred" and not q.attribution_rationale:
            problems.append(
                Problem(label, rows[i], "attribution_rationale", "", "skal begrunde, hvorfor kommunen er udledt (attribution 'inferred')")
            )
        if q.attribution == "inferred" and (named := _role_named(q.speaker_role, q.attribution_rationale)):
            problems.append(
                Problem(
                    label,
                    rows[i],
                    "attribution_rationale",
                    q.attribution_rationale,
                    f"nævner talerens rolle ({named!r}); en begrundelse må ikke kunne pege på en person (anonymitetsreglen)",
                )
            )
    # Cards are one per exchange, else one per quote (cards.card_keys): an exchange named as a quote would join them.
    quote_ids = set(frame["quote_id"])
    for i, exchange in enumerate(frame["exchange_id"]):
        if exchange in quote_ids:
            problems.append(
                Problem(
                    label,
                    rows[i],
                    "exchange_id",
                    exchange,
                    "må ikke være et citats quote_id: kortene samles efter ordveksling, så de to citater ville blive ét kort",
                )
            )
    duplicated = frame[frame["exchange_id"] != ""].duplicated(["exchange_id", "turn"], keep="first")
    for i in duplicated[duplicated].index:
        problems.append(Problem(label, rows[i], "turn", str(frame.at[i, "turn"]), "replikkens nummer findes to gange i samme ordveksling"))
    return problems + _exchange_ties(frame, rows, label)


def _ingredient_ties(frame: pd.DataFrame, rows: list[int], label: str) -> list[Problem]:
    """A tie to an ingredient says whose it is only where there is one, and the editors' reading gives its reason."""
    problems = []
    for i, q in enumerate(table_rows(frame, index=False)):
        if q.ingredient_source and not q.ingredient_ids:
            problems.append(
                Problem(
                    label,
                    rows[i],
                    "ingredient_source",
                    q.ingredient_source,
                    "skal være tom, når citatet ingen ingrediens har (ingredient_ids)",
                )
            )
        if q.ingredient_source == BY_EDITORS and not q.ingredient_rationale.strip():
            problems.append(
                Problem(
                    label,
                    rows[i],
                    "ingredient_rationale",
                    "",
                    "skal begrunde, hvorfor redaktionen knytter citatet til ingredienserne (ingredient_source 'redaktionen')",
                )
            )
    return problems


def _exchange_ties(frame: pd.DataFrame, rows: list[int], label: str) -> list[Problem]:
    """Every turn of an exchange is tied as its first turn is: the exchange is one card, and a card has one tie."""
    problems = []
    turns = frame[frame["exchange_id"] != ""]
    for exchange, group in turns.groupby("exchange_id", sort=False):
        # The frame's own row numbers (read_csv's RangeIndex), which pandas' types know only as Hashable.
        first = group.loc[cast(int, pd.to_numeric(group["turn"], errors="coerce").fillna(0).idxmin())]
        for i, turn in group.iterrows():
            # One line per turn: the municipality if it differs, else how firmly it is tied.
            column = next((c for c in ("kommunekode", "attribution") if turn[c] != first[c]), None)
            if column is not None:
                problems.append(
                    Problem(
                        label,
                        rows[cast(int, i)],
                        column,
                        str(turn[column]),
                        f"skal være som i ordvekslingens første replik ('{first[column]}'): ordvekslingen '{exchange}' er ét kort",
                    )
                )
    return problems


def _section_cycles(frame: pd.DataFrame, rows: list[int], label: str) -> list[Problem]:
    """Sections form a tree; a parent chain that returns to itself would make the book's outline loop."""
    parent = dict(zip(frame["section_id"], frame["parent_id"], strict=True))
    problems = []
    for i, start in enumerate(frame["section_id"]):
        seen, node = set(), parent[start]
        while node and node not in seen:
            if node == start:
                problems.append(
                    Problem(
                        label, rows[i], "parent_id", parent[start], "afsnittene danner en ring; et afsnit kan ikke ligge under sig selv"
                    )
                )
                break
            seen.add(node)
            node = parent.get(node, "")
    return problems


def _not_stated_spelling(column: str) -> Callable[[pd.DataFrame, list[int], str], list[Problem]]:
    """'Not stated' has one spelling, so the book can say so consistently."""

    def rule(frame: pd.DataFrame, rows: list[int], label: str) -> list[Problem]:
        odd = frame[column].str.strip().str.lower().isin({"ikke angivet", "not stated", "ukendt", "n/a", "na"}) & (
            frame[column] != NOT_STATED
        )
        return [Problem(label, rows[i], column, str(frame.at[i, column]), f"skriv præcis '{NOT_STATED}'") for i in frame.index[odd]]

    return rule


def _option_values(frame: pd.DataFrame, rows: list[int], label: str) -> list[Problem]:
    """Each option takes its own values (anonymitet: til/fra; kommune_angivet_af: rapporten/qda-projekt)."""
    return [
        Problem(label, rows[i], "value", o.value, f"passer ikke til {o.option_id}; tilladt: " + ", ".join(OPTION_VALUES[o.option_id]))
        for i, o in enumerate(table_rows(frame, index=False))
        if o.option_id in OPTION_VALUES and o.value not in OPTION_VALUES[o.option_id]
    ]


def _title_ids(frame: pd.DataFrame, rows: list[int], label: str) -> list[Problem]:
    """A municipality's name is its page's title, and Sphinx makes the title's id from it: it may not be an id the
    book writes on that page too (pages.PROFILE_PAGE_IDS), or two elements would share it."""
    problems = []
    for i, name in enumerate(frame["name"].astype(str)):
        identifier = heading_id(name)
        if identifier and page_id_taken(identifier):
            problems.append(
                Problem(
                    label,
                    rows[i],
                    "name",
                    name,
                    f"bliver titel på kommunens side med id'et {identifier!r}, som bogen selv bruger på siden, så to dele af "
                    "siden ville have samme id (og et link dertil ramme forkert); giv kommunen et andet navn",
                )
            )
    return problems


def _parts(frame: pd.DataFrame, rows: list[int], label: str) -> list[Problem]:
    """A part belongs to a whole initiative of its own municipality, one level deep: the book counts the whole once
    and shows its parts beside it (rules.statistics.initiative_count)."""
    wholes = dict(zip(frame["initiative_id"], zip(frame["kommunekode"], frame["part_of"], strict=True), strict=True))
    problems = []
    for i, (ident, code, whole) in enumerate(zip(frame["initiative_id"], frame["kommunekode"], frame["part_of"], strict=True)):
        if not whole or whole not in wholes:
            continue  # empty, or an unknown id, which the reference check reports
        if whole == ident:
            wrong = "en indsats kan ikke være en del af sig selv"
        elif wholes[whole][0] != code:
            wrong = f"skal være en indsats i samme kommune ({code}); '{whole}' hører til {wholes[whole][0]}"
        elif wholes[whole][1]:
            wrong = f"'{whole}' er selv en del af '{wholes[whole][1]}'; en del skal høre til en hel indsats"
        else:
            continue
        problems.append(Problem(label, rows[i], "part_of", whole, wrong))
    return problems


def _mode_basis(frame: pd.DataFrame, rows: list[int], label: str) -> list[Problem]:
    """A form says whose it is where there is one, and the editors' reading says why (charts.programme_timeline shows
    the reason beside the form); an absent form has no basis."""
    problems = []
    for i, event in enumerate(table_rows(frame, index=False)):
        if event.mode in (NOT_STATED, NOT_APPLICABLE) and event.mode_basis:
            problems.append(Problem(label, rows[i], "mode_basis", event.mode_basis, f"skal være tom, når mode er '{event.mode}'"))
        elif event.mode_basis == "inferred" and not event.mode_rationale.strip():
            problems.append(Problem(label, rows[i], "mode_rationale", "", "skal give redaktionens begrundelse, når mode_basis er inferred"))
    return problems


RULES: dict[str, list[Callable[[pd.DataFrame, list[int], str], list[Problem]]]] = {
    "options": [_option_values],
    "quotes": [_quote_attribution, _ingredient_ties, _not_stated_spelling("speaker_role")],
    "sections": [_section_cycles],
    "municipalities": [_not_stated_spelling("outcome"), _title_ids],
    "programme_events": [_not_stated_spelling("place"), _mode_basis],
    "initiatives": [_parts],
}


def _as_lists(table: Table, frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    for column in table.list_columns:
        frame[column] = frame[column].map(split_list)
    return frame.reset_index(drop=True)
