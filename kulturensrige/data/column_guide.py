"""What an analyst needs to fill in each column, from the schema declaration: for the workbook and the dictionary."""

from __future__ import annotations

from kulturensrige.data.schema import LIST_SEPARATOR, TABLES, Table

KIND_LABELS = {
    "id": "id (små bogstaver a-z, tal, bindestreg)",
    "code": "kommunekode (tre cifre)",
    "text": "tekst",
    "integer": "helt tal",
    "choice": "fast liste",
    "ref": "henvisning",
    "list": f"liste af forskellige henvisninger, hver én gang, adskilt af '{LIST_SEPARATOR}'",
}


def column_rows(table: Table) -> list[dict[str, str]]:
    """One row per column: what an analyst needs to fill it in."""
    rows = []
    for name, column in table.schema.columns.items():
        meta = column.metadata
        if "values" in meta:
            allowed = "en af: " + ", ".join(meta["values"])
        elif "references" in meta:
            target = TABLES[meta["references"]]
            allowed = f"{target.key} fra {target.file}"
        else:
            allowed = ""
        rows.append(
            {
                "Kolonne": name,
                "Type": KIND_LABELS[meta["kind"]],
                "Påkrævet": "ja" if meta.get("required", True) else "nej",
                "Tilladte værdier": allowed,
                "Beskrivelse": column.description or "",
                "Eksempel": meta.get("example", ""),
            }
        )
    return rows
