"""The data dictionary, written from the schema declaration so it cannot drift from the validator."""

from __future__ import annotations

import pandas as pd

from .highlight import COUNTING_RULE
from .loading import Dataset
from .markup import Html, esc
from .schema import LIST_SEPARATOR, TABLES, Table

KIND_LABELS = {
    "id": "id (små bogstaver a-z, tal, bindestreg)",
    "code": "kommunekode (tre cifre)",
    "text": "tekst",
    "integer": "helt tal",
    "choice": "fast liste",
    "ref": "henvisning",
    "list": f"liste af henvisninger, adskilt af '{LIST_SEPARATOR}'",
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


def as_markdown() -> str:
    """The dictionary as a Markdown file for data/DATAORDBOG.md."""
    parts = ["# Dataordbog\n", "Skrevet ud fra `kulturensrige/schema.py` af `scripts/write_dictionary.py`. Ret ikke i hånden.\n"]
    for table in TABLES.values():
        parts.append(f"\n## {table.file}: {table.title}\n\n{table.description} Nøgle: `{table.key}`.\n")
        frame = pd.DataFrame(column_rows(table))
        parts.append("\n| " + " | ".join(frame.columns) + " |\n|" + "---|" * len(frame.columns) + "\n")
        for row in frame.itertuples(index=False):
            parts.append("| " + " | ".join(str(v).replace("|", "\\|") for v in row) + " |\n")
    return "".join(parts)


def as_html() -> Html:
    sections = []
    for table in TABLES.values():
        rows = "".join(
            "<tr>"
            + "".join(f'<th scope="row"><code>{esc(v)}</code></th>' if k == "Kolonne" else f"<td>{esc(v)}</td>" for k, v in r.items())
            + "</tr>"
            for r in column_rows(table)
        )
        head = "".join(f'<th scope="col">{esc(h)}</th>' for h in column_rows(table)[0])
        sections.append(
            f'<details class="kr-dictionary"><summary><code>{esc(table.file)}</code> – {esc(table.title)}</summary>'
            f"<p>{esc(table.description)} Nøgle: <code>{esc(table.key)}</code>.</p>"
            f'<div class="kr-table-wrap"><table class="kr-table"><caption>Kolonner i {esc(table.file)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div></details>"
        )
    return Html("".join(sections))


def summary(data: Dataset) -> Html:
    """Which folder this build used and how many rows each table holds."""
    rows = "".join(
        f'<tr><th scope="row"><code>{esc(t.file)}</code></th><td>{esc(t.title)}</td><td>{len(data.tables[n])}</td></tr>'
        for n, t in TABLES.items()
    )
    return Html(
        f"<p>Denne udgave er bygget fra datamappen <code>{esc(data.folder.name)}</code> "
        f"(fingeraftryk <code>{esc(data.fingerprint)}</code>).</p>"
        '<div class="kr-table-wrap"><table class="kr-table"><caption>Tabeller og antal rækker</caption>'
        '<thead><tr><th scope="col">Fil</th><th scope="col">Indhold</th><th scope="col">Rækker</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
        # The one counting rule every count in the book follows, stated where the data is explained.
        f'<p class="kr-counting-rule">{esc(COUNTING_RULE)}</p>'
    )
