"""Data folders the tests build books from."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

from kulturensrige.data.schema import TABLES
from kulturensrige.words import plain_csv_text as csv_text  # a hand-written folder, as data/ (ADR 80)

REPO = Path(__file__).resolve().parent.parent.parent
EIGHTH_OVERLAY = REPO / "tests" / "fixtures" / "eighth_municipality"


def with_overlay(dest: Path, overlay: Path = EIGHTH_OVERLAY, base: Path = REPO / "data") -> Path:
    """A copy of `base` with each overlay CSV's rows appended to the table of the same name."""

    def rows(path: Path) -> list[dict[str, str]]:
        return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))

    shutil.copytree(base, dest)
    for extra in sorted(overlay.glob("*.csv")):
        table = next(t for t in TABLES.values() if t.file == extra.name)
        merged = rows(dest / extra.name) + rows(extra)
        # A column an older file may leave out (schema: optional_column) is empty in a row that leaves it out.
        (dest / extra.name).write_text(csv_text(table.columns, [[r.get(c, "") for c in table.columns] for r in merged]), encoding="utf-8")
    return dest


INFERRED_TIES = REPO / "tests" / "fixtures" / "inferred_ties.csv"


def with_inferred_ties(dest: Path, base: Path = REPO / "data") -> Path:
    """A copy of `base` whose quotes carry the editors' three former inferred ties (tests/fixtures/inferred_ties.csv:
    q005 and q036 to Ringkøbing-Skjern, q037 to Køge, each with its reason): the report's data hold none since ADR 33's
    second addendum, and the tests of the inference machinery (the switch, the offers, the withheld ties) run on this."""
    shutil.copytree(base, dest)
    ties = {row["quote_id"]: row for row in csv.DictReader(io.StringIO(INFERRED_TIES.read_text(encoding="utf-8"), newline=""))}
    table = TABLES["quotes"]
    text = (dest / table.file).read_text(encoding="utf-8")
    rows = [{**row, **ties.get(row["quote_id"], {})} for row in csv.DictReader(io.StringIO(text, newline=""))]
    (dest / table.file).write_text(csv_text(table.columns, [[r.get(c, "") for c in table.columns] for r in rows]), encoding="utf-8")
    return dest


def with_option(folder: Path, option_id: str, value: str, note: str = "") -> Path:
    """Set one option in a data folder's options.csv, in place of the row the folder has for it: data/ states its
    `kilde` (ADR 86), so an appended second row would be a duplicate key the validator refuses."""
    path = folder / TABLES["options"].file
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    kept = [row for row in rows[1:] if row and row[0] != option_id]
    path.write_text(csv_text(rows[0], [*kept, [option_id, value, note]]), encoding="utf-8")
    return folder
