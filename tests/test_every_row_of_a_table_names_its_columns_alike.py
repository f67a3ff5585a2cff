"""Reader 27, #6: on kommuner/oversigt with Køge chosen, Køge's block read „Indsatser (red.) / Kommunekode (red.) /
Region (red.) / Udgangspunkt (red.)“ where the six other blocks read the names bare: the first row carried the column
marks for the phone. Every row names its columns alike, bare; the heads keep the marks, once per column, and a phone
shows them over the blocks (kommunefilter.css)."""

from __future__ import annotations

from bs4 import BeautifulSoup

from kulturensrige.render import lists


def test_every_row_of_the_municipalities_table_names_its_columns_alike_and_the_heads_keep_the_marks(data):
    table = BeautifulSoup(str(lists.municipality_table(data)), "html.parser").select_one("#tabel-kommuner")
    rows = [[td["data-label"] for td in tr.select("td")] for tr in table.select("tbody tr")]
    assert len(rows) == len(data.municipalities) and all(row == rows[0] for row in rows), rows
    assert not any("(red.)" in label for label in rows[0]), rows[0]
    heads = [th.get_text(" ", strip=True) for th in table.select("thead th")]
    assert sum("(red.)" in head for head in heads) >= 2 and [h.removesuffix(" (red.)") for h in heads[1:]] == rows[0], heads
