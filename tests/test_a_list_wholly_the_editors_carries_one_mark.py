"""Issue 22, a new reader: kommuner/sammenligning carried 27 »(red.)« marks, one after every title the editors gave
an initiative. Where every title in a municipality's column is the editors', the column's »Indsatser« heading carries
the one mark (ADR 40, once per thing); a column that mixes the report's titles with the editors' keeps one on each of
the editors'."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from kulturensrige.data.frames import table_rows
from kulturensrige.render import comparison
from support.checks import each

MARK = "(red.)"


def _column(data, slug: str) -> BeautifulSoup:
    row = next(r for r in table_rows(data.municipalities) if r.slug == slug)
    return BeautifulSoup(comparison._column(data, row, False), "html.parser")


def test_a_column_whose_titles_are_all_the_editors_marks_its_heading_once(data):
    initiatives = data.initiatives
    for code in each(list(initiatives.loc[initiatives["title_basis"] == "inferred", "kommunekode"].unique())):
        slug = data.municipalities.set_index("kommunekode").loc[code, "slug"]
        column = _column(data, slug)
        heading, titles = column.find("h4"), column.find("ul")
        mine = initiatives[initiatives["kommunekode"] == code]
        if (mine["title_basis"] == "inferred").all():
            assert heading.get_text(" ", strip=True) == f"Indsatser {MARK}", slug
            assert MARK not in titles.get_text(), slug
        else:
            assert MARK not in heading.get_text(), slug
            inferred = int((mine["title_basis"] == "inferred").sum())
            assert len(re.findall(re.escape(MARK), titles.get_text())) == inferred, slug
