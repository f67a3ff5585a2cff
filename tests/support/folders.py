"""Data folders the tests build books from."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

from kulturensrige.data.folder_writing import csv_text
from kulturensrige.data.schema import TABLES

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
