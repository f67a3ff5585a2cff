"""Reader30 #5: the whole book's contents stopped at »Om kilderne«, without „Sådan citerer du“ on its last page; a
municipality's contents listed „Citater“ under Del 1, a section that only says no quote is tied to the municipality.
Every edition's contents list the back's sections, and a municipality's name its quotes' section for what it holds,
in the section's own heading (editions.quotes_heading)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kulturensrige import load
from kulturensrige.edition import editions
from kulturensrige.edition.printing import PLOTLY_JS, outline_pages
from support.checks import each
from test_pdf import REPO, STAMP, page_texts, report_site, squeeze  # noqa: F401 (report_site: the fixture, the PDFs made once per run)


def test_a_municipalitys_contents_name_its_quotes_section_as_its_heading_does_and_say_when_none_is_its_own():
    data = load(REPO / "data")
    made = editions.EditionCharts.compute(data)
    for row in each(list(data.municipalities.itertuples())):
        page = BeautifulSoup(editions.municipality_edition(data, row.kommunekode, STAMP, made, PLOTLY_JS.as_uri()), "html.parser")
        entry = page.select_one('.kr-toc a[href="#citater"] .kr-toc-title').get_text(" ", strip=True)
        heading = page.select_one("h3#citater").get_text(" ", strip=True)
        assert entry == heading, (row.slug, entry, heading)
        if not page.select(".kr-quote.kr-own"):
            assert f"ingen knyttet til {row.name}" in entry, (row.slug, entry)


@pytest.mark.build
def test_every_editions_contents_list_how_to_cite_it(report_site: Path):  # noqa: F811
    for path in each(sorted((report_site / "pdf").glob("*.pdf"))):
        pages = dict(outline_pages(path.read_bytes()))
        start = pages["Indhold"]
        ends = [page for page in pages.values() if page > start]
        contents = "".join(page_texts(path)[start - 1 : (min(ends) - 1) if ends else start])
        assert squeeze("Sådan citerer du") + str(pages["Sådan citerer du"]) in contents, path.name
