"""The data dictionary, written from the schema declaration so it cannot drift from the validator."""

from __future__ import annotations

import pandas as pd

from kulturensrige.data import provenance
from kulturensrige.data.column_guide import column_rows
from kulturensrige.data.csv_reading import ENCODING_RULE, FORMULA_GUARD_RULE
from kulturensrige.data.loading import Dataset
from kulturensrige.data.schema import BY_ANALYST, BY_REPORT, EDITORIAL, FOLDER_SOURCE, INFERENCE_RULE, SOURCE_MEANINGS, TABLES
from kulturensrige.data.validation import EDGE_SPACE_RULE
from kulturensrige.render.markup import Html, esc, esc_code
from kulturensrige.rules.views import COUNTING_RULE
from kulturensrige.words import COUNT_COLUMNS_RULE

SOURCES_LEAD = (
    "Hver værdi, der ikke blot er rapportens egen, har en kilde, og bogen skriver ved værdien, hvis ord den er. "
    f"Datamappens kilde står i options.csv (`{FOLDER_SOURCE}`): kun rapportens egen datamappe, data/, angiver `{BY_REPORT}`, og en "
    f"datamappe uden kilden er en analytikers (`{BY_ANALYST}`), som skabelonen i templates/data/ siger. "
    "Citaternes kommuner kan have deres egen kilde (`kommune_angivet_af`). "
    "Hvert citats kobling til ingredienserne har sin kilde i quotes.csv (`ingredient_source`): rapportens er den kun, "
    "når citatet står i ingrediensens afsnit, eller rapporten i sin tekst knytter det til ingrediensen; ellers er den redaktionens "
    "læsning med begrundelse (`ingredient_rationale`). I en analytikers datamappe er alle koblinger analytikerens. "
    f"Den udgivne quotes.csv skriver kilden med kortenes ord („{provenance.ingredient_tie(provenance.BY_EDITORS)}“), og når filen "
    "læses ind igen, bliver ordene til koden igen. "
    "Den byggede bog udgiver tabellerne med netop disse kolonner og lægger `kilder.csv` ved siden af dem: for hver "
    "kolonne i hver fil, hvis ord den er og hvorfor. "
    # One wording per source and kind (the s22 reading, #2): the full words in a PDF and a download, the short mark on a page.
    f"Hver kilde og hver slags værdi har én ordlyd: {provenance.printed_marks()}. "
    "Filen kilder.csv siger det samme; på siderne står redaktionens korte mærke, "
    f"„{provenance.owner_mark(provenance.EDITORS_SHORT)}“, der åbner sidens forklaring og har den fulde ordlyd i sin titel. "
    + COUNT_COLUMNS_RULE
)
EDITORIAL_LEAD = (
    "Disse værdier siger rapporten ikke selv. I rapportens egen datamappe er de redaktionens; i en analytikers "
    "datamappe er de analytikerens."
)


def sources_markdown() -> str:
    """The provenance model and the inference rule, for the dictionary file."""
    parts = ["\n## Hvem siger det: kilder\n\n", SOURCES_LEAD, "\n\n"]
    parts += [f"- `{source}`: {meaning}.\n" for source, meaning in SOURCE_MEANINGS.items()]
    parts += ["\n", EDITORIAL_LEAD, "\n\n| Værdi | Hvad | Hvorfor ikke rapportens |\n|---|---|---|\n"]
    parts += [f"| `{e.value}` | {e.label} | {e.reason} |\n" for e in EDITORIAL]
    parts += ["\n### Reglen for en udledt kommune\n\n", INFERENCE_RULE, "\n"]
    return "".join(parts)


def sources_html(data: Dataset | None = None) -> Html:
    """The provenance model and the inference rule, for the data chapter; with `data`, each reason the data word
    (provenance.data_reasons), as kilder.csv gives it, so no note speaks of ties the data lack."""
    told = provenance.data_reasons(data.tables) if data is not None else None
    items = "".join(f"<li><code>{esc(s)}</code>: {esc(m)}.</li>" for s, m in SOURCE_MEANINGS.items())
    reasons = [(e, provenance.reason(e.value, told)) for e in EDITORIAL]
    # A reason that quotes the report stays whole on paper (kr-quoting, as the dictionary's rows): split across a page,
    # the repeated table head stood inside its »…«.
    rows = "".join(
        ('<tr class="kr-quoting">' if "»" in reason else "<tr>") + f'<th scope="row"><code>{esc(e.value)}</code></th>'
        f'<td data-label="Hvad">{esc(e.label)}</td><td data-label="Hvorfor ikke rapportens">{esc(reason)}</td></tr>'
        for e, reason in reasons
    )
    return Html(
        f"<p>{esc_code(SOURCES_LEAD)}</p><ul>{items}</ul><p>{esc(EDITORIAL_LEAD)}</p>"
        '<div class="kr-table-wrap"><table class="kr-table"><caption>Værdier, rapporten ikke selv angiver</caption>'
        '<thead><tr><th scope="col">Værdi</th><th scope="col">Hvad</th><th scope="col">Hvorfor ikke rapportens</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
        f'<h3 id="udledt-kommune">Reglen for en udledt kommune</h3><p class="kr-inference-rule">{esc(INFERENCE_RULE)}</p>'
    )


def as_markdown() -> str:
    """The dictionary as a Markdown file for data/DATAORDBOG.md."""
    parts = ["# Dataordbog\n", "Skrevet ud fra `kulturensrige/data/schema.py` af `scripts/write_dictionary.py`. Ret ikke i hånden.\n"]
    parts.append(sources_markdown())
    parts.append(f"\n## CSV-filerne\n\n{ENCODING_RULE}\n\n{FORMULA_GUARD_RULE}\n\n{EDGE_SPACE_RULE}\n")
    for table in TABLES.values():
        parts.append(f"\n## {table.file}: {table.title}\n\n{table.description} Nøgle: `{table.key}`.\n")
        frame = pd.DataFrame(column_rows(table))
        parts.append("\n| " + " | ".join(frame.columns) + " |\n|" + "---|" * len(frame.columns) + "\n")
        for row in frame.itertuples(index=False):
            parts.append("| " + " | ".join(str(v).replace("|", "\\|") for v in row) + " |\n")
    return "".join(parts)


def _anchor(table_name: str) -> str:
    """The id of a table's section on the dictionary page: 'tabel-sections'."""
    return f"tabel-{table_name.replace('_', '-')}"


def contents() -> str:
    """A short contents at the top of the dictionary, one jump link a table, by its Danish title: on a phone the page
    is some ninety screens long (issue 22, phone #9)."""
    items = "".join(f'<li><a href="#{_anchor(n)}">{esc(t.title)}</a></li>' for n, t in TABLES.items())
    return f'<nav class="kr-dictionary-contents" aria-label="Tabellerne i ordbogen"><p>Tabellerne:</p><ul>{items}</ul></nav>'


def as_html() -> Html:
    """Each table under a heading of its own, open, after a contents that leads to each: the dictionary has a page of
    its own, and nothing on it is folded. A heading names the table in Danish first and its file after it."""
    sections = []
    for name, table in TABLES.items():
        # A row that quotes the report (»…«) is kept whole on paper (edition.css): run on to the next page, the page's
        # furniture and the repeated head stood inside the quotation in the PDF's text.
        rows = "".join(
            ('<tr class="kr-quoting">' if any("»" in str(v) for v in r.values()) else "<tr>")
            + "".join(
                f'<th scope="row"><code>{esc(v)}</code></th>' if k == "Kolonne" else f'<td data-label="{esc(k)}">{esc(v)}</td>'
                for k, v in r.items()
            )
            + "</tr>"
            for r in column_rows(table)
        )
        head = "".join(f'<th scope="col">{esc(h)}</th>' for h in column_rows(table)[0])
        sections.append(
            f'<section class="kr-dictionary" id="{_anchor(name)}"><h2>{esc(table.title)} (<code>{esc(table.file)}</code>)</h2>'
            f"<p>{esc(table.description)} Nøgle: <code>{esc(table.key)}</code>.</p>"
            f'<div class="kr-table-wrap"><table class="kr-table"><caption>Kolonner i {esc(table.file)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div></section>"
        )
    rules = f'<p class="kr-formula-guard">{esc(FORMULA_GUARD_RULE)}</p><p class="kr-edge-space">{esc(EDGE_SPACE_RULE)}</p>'
    return Html(contents() + rules + "".join(sections))


def summary(data: Dataset) -> Html:
    """Which folder this build used and how many rows each table holds: each table by its Danish title first, its
    file beside it for the analyst. On a phone each table is one short line (kr-table-lines, kommunefilter.css)."""
    rows = "".join(
        f'<tr><th scope="row">{esc(t.title)}</th><td data-label="Fil"><code>{esc(t.file)}</code></td>'
        f'<td data-label="Rækker">{len(data.tables[n])}</td></tr>'
        for n, t in TABLES.items()
    )
    return Html(
        f"<p>Denne udgave er bygget fra datamappen <code>{esc(data.folder.name)}</code> "
        f"(fingeraftryk <code>{esc(data.fingerprint)}</code>).</p>"
        '<div class="kr-table-wrap"><table class="kr-table kr-table-lines"><caption>Tabeller og antal rækker</caption>'
        '<thead><tr><th scope="col">Tabel</th><th scope="col">Fil</th><th scope="col">Rækker</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
        # The one counting rule every count in the book follows, stated where the data is explained.
        f'<p class="kr-counting-rule">{esc(COUNTING_RULE)}</p>'
    )


def sheet_overview(data: Dataset) -> Html:
    """Which sheets the workbook has, how many rows each holds in this data, and where the drop-downs are."""
    rows = []
    for name, table in TABLES.items():
        lists = [
            c
            for c in table.columns
            if "values" in (meta := table.schema.columns[c].metadata) or ("references" in meta and meta["kind"] != "list")
        ]
        rows.append(
            f'<tr><th scope="row"><code>{esc(name)}</code></th><td data-label="Indhold">{esc(table.title)}</td>'
            f'<td data-label="Rækker i disse data">{len(data.tables[name])}</td>'
            f'<td data-label="Kolonner med rulleliste">{", ".join(f"<code>{esc(c)}</code>" for c in lists) or "–"}</td></tr>'
        )
    return Html(
        '<div class="kr-table-wrap"><table class="kr-table kr-table-lines"><caption>Arkene i arbejdsbogen</caption>'
        '<thead><tr><th scope="col">Ark</th><th scope="col">Indhold</th><th scope="col">Rækker i disse data</th>'
        f'<th scope="col">Kolonner med rulleliste</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
    )
