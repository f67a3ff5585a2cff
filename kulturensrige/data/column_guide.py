"""What an analyst needs to fill in each column, from the schema declaration: for the workbook and the dictionary."""

from __future__ import annotations

import csv
import functools
from pathlib import Path

import pandas as pd

from kulturensrige.data import provenance
from kulturensrige.data.schema import (
    BY_REPORT,
    FOLDER_SOURCE,
    LIST_SEPARATOR,
    PUBLISHED_CODES,
    TABLES,
    Table,
    vocabulary_words,
    worded_references,
)

# The report's own data folder: an example beside one of its real ids is that row's own value (reading 15, finding 2:
# `workshop-4` stood with mode "fysisk", `jensen2022` with language "en", the report's year as "2023", while the data
# say "ikke angivet", "ikke angivet" and "da"). Without the folder (an installed package) the schema's examples stand.
REPORT_DATA = Path(__file__).resolve().parents[2] / "data"
# A longer value stands as "...": the dictionary shows a column's form, not a whole description.
EXAMPLE_LENGTH = 80
PLACEHOLDER = "..."

KIND_LABELS = {
    "id": "id (små bogstaver a-z, tal, bindestreg)",
    "code": "kommunekode (tre cifre)",
    "text": "tekst",
    "integer": "helt tal",
    "choice": "fast liste",
    "ref": "henvisning",
    "list": f"liste af forskellige henvisninger, hver én gang, adskilt af '{LIST_SEPARATOR}'",
}


@functools.cache
def real_row(table_name: str, key: str) -> dict[str, str] | None:
    """The report's own row of `table_name` whose key is `key`, or None where there is none (a made-up id)."""
    table = TABLES[table_name]
    path = REPORT_DATA / table.file
    if not path.is_file():
        return None
    with path.open(encoding="utf-8", newline="") as f:
        return next((row for row in csv.DictReader(f) if row.get(table.key) == key), None)


def example(table: Table, name: str) -> str:
    """A column's example: beside a real id, that row's own value (shortened to '...' when long); else the schema's."""
    given = str(table.schema.columns[name].metadata.get("example", ""))
    row = real_row(table.name, str(table.schema.columns[table.key].metadata.get("example", "")))
    if row is None or name not in row:
        return given
    value = row[name]
    return value if len(value) <= EXAMPLE_LENGTH else PLACEHOLDER


def column_rows(table: Table) -> list[dict[str, str]]:
    """One row per column: what an analyst needs to fill it in."""
    rows = []
    for name, column in table.schema.columns.items():
        meta = column.metadata
        if "values" in meta:
            allowed = "en af: " + ", ".join(meta["values"]) + published_words(f"{table.name}.{name}", meta["values"])
        elif "references" in meta:
            target = TABLES[meta["references"]]
            worded = name in worded_references(table)
            allowed = vocabulary_words(target, meta["kind"] == "list") if worded else f"{target.key} fra {target.file}"
        else:
            allowed = ""
        rows.append(
            {
                "Kolonne": name,
                "Type": KIND_LABELS[meta["kind"]],
                "Påkrævet": "ja" if meta.get("required", True) else "nej",
                "Tilladte værdier": allowed,
                "Beskrivelse": column.description or "",
                "Eksempel": example(table, name),
            }
        )
    return rows


# The report's own folder's options: the words its downloads write for a provenance code. It states its source, as
# data/ does: a folder that states none is an analyst's (ADR 86).
_REPORTS_OPTIONS = pd.DataFrame({"option_id": [FOLDER_SOURCE], "value": [BY_REPORT]}, dtype=str)


def published_words(value: str, codes: tuple[str, ...]) -> str:
    """What a published download writes for the codes of a provenance column (schema.PUBLISHED_CODES), and that they
    read back as the codes. One example, the inferred code's: the dictionary is the same in every book, and naming the
    report's words for 'stated' would credit the report in an analyst's book."""
    if value not in PUBLISHED_CODES or "inferred" not in codes:
        return ""
    example = provenance.code_words(_REPORTS_OPTIONS, value, "inferred")
    # The s22 reading, #2: 'med sidernes ord' was true of a quote's tie only; a title or a form the editors gave is
    # marked on the pages and in the PDFs by what the editors did ('redaktionens titel'), which the dictionary now says.
    if value == "quotes.attribution":
        shown, marked = ", de ord, kortene bruger", ""
    else:
        shown, marked = "", f". {provenance.marks_said(_REPORTS_OPTIONS, value)}"
    return (
        f". I de CSV-filer, bogen udgiver, står koden i ord (fx inferred = „{example}“{shown}; i en analytikers data med "
        f"analytikerens ord); læst ind igen er ordene koden{marked}"
    )
