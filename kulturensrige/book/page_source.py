"""The quiet, closed line at the foot of a chapter, "Sådan er siden lavet": its notebook and the data tables it read.

The chapters show no code; a reader who wants to see how a page is made follows these links instead.
The Sphinx extension tells the kernel which page it runs (PAGE_VARIABLE) and publishes the data folder's
tables beside the book (PUBLISHED_DATA), so both links work in the static book, offline too.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

from kulturensrige.data.loading import Dataset
from kulturensrige.data.publishing import PUBLISHED_DATA, SOURCES_FILE
from kulturensrige.data.schema import TABLES
from kulturensrige.data.settings import PAGE_VARIABLE
from kulturensrige.render import highlight
from kulturensrige.render.cards import DATA_CHAPTER
from kulturensrige.render.markup import CSV_PAGE, Html, book_root, downloads_offered, esc, forget_said, json_island
from kulturensrige.words import edition_mark, listing

__all__ = ["PAGE_VARIABLE", "how_made", "tables_read"]
SOURCES = "_sources"


def _relative(target: str) -> str:
    """A link from the page being executed to a file of the built book, percent-encoded like page_link."""
    here = Path.cwd()
    return quote(Path(os.path.relpath(book_root(here) / target, start=here)).as_posix(), safe="/")


def tables_read(data: Dataset) -> list[str]:
    """The tables this page's cells have read so far, in the order they were first read."""
    return [name for name in getattr(data.tables, "read", []) if name in TABLES]


# Tables whose titles would name the report as a source in a book built on someone else's data ('Rapporten').
# „stavefejl i de ord, bogen citerer,“ in a list made the next table's name read as the object of „citerer“ (reading 30, #8).
READER_NAMES = {"publication": "udgivelsen", "figures": "figurerne", "report_slips": "stavefejl i citerede ord"}


def reader_name(table: str) -> str:
    """A table's Danish name inside a sentence: its first letter small and the rest as written ('de 6 P’er', not
    the 'de 6 p’er' a lowered title gave; the s23 reading, F9)."""
    name = READER_NAMES.get(table, TABLES[table].title)
    return name[:1].lower() + name[1:]


def how_made(data: Dataset, about: object = "") -> Html:
    """One closed line in plain Danish: the page is written from the book's data, which tables (by their Danish names,
    each a link to its download), the page's notebook and the data's code a citer of this edition may name; the file
    names are the data chapter's, not the reader's (issue 22 item 6). Beside it, the bar's lines of what the page's lists mark.
    `about`: markup only an auditor needs (a profile's kommunekode, where a table's columns come from), first in the
    fold, not in the reader's way (reader31, #2; ADR 112)."""
    page = os.environ.get(PAGE_VARIABLE, "")
    read = tables_read(data)
    names = {name: reader_name(name) for name in read}
    links = [f'<a href="{esc(_relative(f"{PUBLISHED_DATA}/{TABLES[name].file}"))}">{esc(names[name])}</a>' for name in read]
    reads = f" om {listing(links)}" if links else ""
    if len(read) == len(TABLES):
        reads = f' i <a href="{esc(_relative("om-data/dataordbog.html"))}#dataordbog">alle bogens tabeller</a>'
    notebook = f' <a href="{esc(_relative(f"{SOURCES}/{page}.ipynb"))}">Hent siden som notesbog.</a>' if page else ""
    # The tables keep the data dictionary's bare column names, so a download reads back as a data folder (ADR 16):
    # the line says where whose each column is stands (reading 25, finding 6), in words that name what they speak of
    # (reading 30, #8: „Tabellerne har kun kolonnernes navne“ did not say which tables, nor what „only names“ meant).
    whose = (
        " I CSV-filerne står det ikke i hver celle, hvis ord værdien er; "
        f'<a href="{esc(_relative(f"{PUBLISHED_DATA}/{SOURCES_FILE}"))}">det står kolonne for kolonne</a> i en særskilt fil.'
        if read
        else ""
    )
    # On the data chapter itself a link to it would lead back to where the reader is.
    guide = "Dette kapitel" if page == DATA_CHAPTER else f'<a href="{esc(_relative(f"{DATA_CHAPTER}.html"))}">Data og genkørsel</a>'
    # The bar's lines of what the page's lists mark (highlight.page_lines), published once at the page's end: the
    # filter shows the line of the view chosen, as the build wrote it whole. A page without a marked list has none;
    # where its lists mark nothing but set the editors' ties aside, the bar's offer to show them (aside); and the line
    # for a choice made where none of what it marks is on the screen (away).
    lines, aside, away = highlight.page_lines()
    # How to open the page's downloads in Excel, once and open over the foot, not under a chart (markup.excel_tip).
    excel = f'<p class="kr-csv-excel kr-csv-page d-print-none">{esc(CSV_PAGE)}</p>' if downloads_offered() else ""
    forget_said()
    # One closed line at the foot: the reader came for the report, the analyst opens it.
    return Html(
        excel + '<details class="kr-made"><summary class="kr-made-label">Sådan er siden lavet</summary>'
        f"{about}<p>Siden skrives ud fra bogens data{reads}, hver gang bogen bygges.{whose}{notebook} "
        f"{guide} forklarer, hvordan bogen bygges igen. {esc(edition_mark(data.fingerprint))}</p></details>"
        + (json_island(lines, "kr-bar-lines") if lines else "")
        + (json_island(aside, "kr-bar-aside") if aside else "")
        + (json_island(away, "kr-bar-away") if away else "")
    )
