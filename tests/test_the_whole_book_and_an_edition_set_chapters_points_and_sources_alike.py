"""Reader31 #7: the whole book's core chapter, »Ingredienslisten«, began mid-page below the last lines of
»Evalueringsdesign« where every other chapter of its contents' first level began a page; Egedal's edition gave an
ingredient's attention points before its quotes and the whole book after them; and »Om kilderne« set an entry's places
as bold lines or, where it gave several, as a bulleted list. Chapters begin a page (ADR 115), the points follow the
quotes, and every entry's places are bold lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kulturensrige import load
from kulturensrige.edition import editions, printing
from kulturensrige.edition.printing import PLOTLY_JS, outline_pages
from support.checks import each
from test_pdf import REPO, STAMP, report_site  # noqa: F401 (report_site: the fixture, the PDFs made once per run)

# How far down its page a chapter's heading may stand and still begin the page (its anchor sits at the text's top).
PAGE_TOP = 0.02


@pytest.mark.build
def test_the_core_chapter_ingredienslisten_begins_a_page_below_no_lines_of_the_chapter_before(report_site: Path):  # noqa: F811
    """The chapter before one of the contents' first level is set closer where it would leave a few lines on a page
    (printing.CLOSER), so the next begins a page; it runs on only where that does not pull them back (as »Referencer«
    does below »Afsluttende betragtninger«, whose last two paragraphs stay overleaf; ADR 115)."""
    places = printing.destination_places((report_site / "pdf" / editions.file_name()).read_bytes())
    found = editions.book_chapters(report_site)
    top = {c.title: places[editions.chapter_id(n)] for n, c in enumerate(found, start=1) if 0 < c.depth <= 1}
    assert top["Ingredienslisten"][1] <= PAGE_TOP, top["Ingredienslisten"]


def test_an_editions_ingredient_gives_its_attention_points_after_its_quotes_as_the_whole_book_does():
    data = load(REPO / "data")
    made = editions.EditionCharts.compute(data)
    for row in each(list(data.municipalities.itertuples())):
        page = BeautifulSoup(editions.municipality_edition(data, row.kommunekode, STAMP, made, PLOTLY_JS.as_uri()), "html.parser")
        ingredients = page.select("section.kr-ingredient")
        assert ingredients, row.slug
        for ingredient in ingredients:
            heading = next(h for h in ingredient.find_all("h4") if h.get_text(strip=True) == "Opmærksomhedspunkter")
            after = [q for q in heading.find_all_next(class_="kr-quote") if any(p is ingredient for p in q.parents)]
            assert after == [], (row.slug, ingredient["aria-labelledby"])
            assert ingredient.select(".kr-quote"), (row.slug, ingredient["aria-labelledby"])


# A list's bullet as Chromium draws it: a filled dot of 3.8 pt (a text's bullet is no glyph pdftotext reads).
BULLET = 5


def drawn_bullets(path: Path, first: int, last: int) -> list[int]:
    """The pages (from 1) between `first` and `last` with a drawn list bullet on them, once for each bullet."""
    import pymupdf  # noqa: PLC0415 (only this test reads drawings)

    with pymupdf.open(path) as document:
        return [
            n
            for n in range(first, last + 1)
            for drawing in document[n - 1].get_drawings()
            if drawing.get("fill") and drawing["rect"].width < BULLET and drawing["rect"].height < BULLET
        ]


@pytest.mark.build
def test_om_kilderne_sets_every_entrys_places_as_bold_lines_and_none_as_a_bulleted_list(report_site: Path):  # noqa: F811
    for path in each(sorted((report_site / "pdf").glob("*.pdf"))):
        pages = dict(outline_pages(path.read_bytes()))
        if "Om kilderne" in pages:
            assert drawn_bullets(path, pages["Om kilderne"], pages["Sådan citerer du"]) == [], path.name
