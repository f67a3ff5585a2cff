"""A table's download holds values a spreadsheet can sort and join: a note stands in a column of its own, not in the
value's cell. tabel-kommuner.csv wrote 'Guldborgsund (officielt navn; rapporten staver det »Guldborgssund«)'
in the name's cell (reading 21, finding 8); the page shows the note apart from the name."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from urllib.parse import unquote

from bs4 import BeautifulSoup

from kulturensrige.data import provenance
from kulturensrige.render import lists
from support.checks import each

CSV_HREF = re.compile(r'href="data:text/csv;charset=utf-8,([^"]*)"')


def _download(markup: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(unquote(CSV_HREF.search(markup).group(1)).lstrip("\ufeff"))))


def test_the_municipalities_download_keeps_each_name_whole_and_its_note_in_a_column_of_its_own(data):
    markup = lists.municipality_table(data).markup
    rows = _download(markup)
    assert [r["Kommune"] for r in rows] == list(data.municipalities["name"])
    m = data.municipalities
    notes = [provenance.municipality_name_mark(data.options, n, r) for n, r in zip(m["name"], m["name_in_report"], strict=True)]
    assert any(notes) and [r[lists.NAME_NOTE] for r in rows] == notes
    cells = BeautifulSoup(markup, "html.parser").select("tbody th[scope=row]")
    for cell, name, note in each(list(zip(cells, m["name"], notes, strict=True))):
        apart = cell.select_one(".kr-cell-note")
        assert (apart.get_text() if apart else "") == (provenance.owner_mark(note) if note else "")
        assert cell.get_text(" ", strip=True) == (f"{name} {provenance.owner_mark(note)}" if note else name)


def test_no_municipality_cell_in_a_built_download_holds_more_than_the_name(data, built_site: Path):
    names = set(data.municipalities["name"])
    checked = 0
    for page in built_site.rglob("*.html"):
        for found in CSV_HREF.finditer(page.read_text(encoding="utf-8")):
            for row in csv.DictReader(io.StringIO(unquote(found.group(1)).lstrip("\ufeff"))):
                for column in ("Kommune", "kommune"):
                    if row.get(column):
                        assert row[column] in names, (page.name, row[column])
                        checked += 1
    assert checked
