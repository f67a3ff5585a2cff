"""Reader s26, #3: in Køge's edition (16 pages) only pages 2–5 are about Køge; pages 5–15 are the ingredients with
their quotes and the guide's checklist, the same in every municipality's edition, and nothing told the reader so.
Each municipality's edition now says, on its first page (the cover's sentence and the contents), which pages are the
municipality's (»Del 1«) and which every edition has (»Del 2«), with the pages where the parts really stand."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from kulturensrige import load
from kulturensrige.edition import editions
from kulturensrige.edition.printing import page_texts as printed_page_numbers
from kulturensrige.words import count_word
from support.checks import each
from test_pdf import REPO
from test_pdf import report_site as report_site  # the fixture: the built book with its PDFs, printed once per run


def page_lines(path: Path) -> list[list[str]]:
    """Each page's lines as pdftotext lays them out (a contents entry and its page on one line), stripped, without
    empty ones."""
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [[line.strip() for line in page.splitlines() if line.strip()] for page in text.split("\f")]


def first_page_with(pages: list[list[str]], line: str) -> int:
    """The first page after the first (which names every part in its contents) with this line."""
    found = next((n for n, lines in enumerate(pages[1:], start=2) if line in lines), 0)
    assert found, f"ingen side efter den første har linjen {line!r}"
    return found


def part_pages(pages: list[list[str]], label: str, next_heading: str) -> tuple[int, int]:
    """Where a part really stands: the page whose line is its label (after the first page, which names it in the
    contents) and the last page with its text, the page before the next heading's, or that page itself where the
    part's text stands above the heading."""
    start = next((n for n, lines in enumerate(pages[1:], start=2) if label in lines), 0)
    assert start, f"ingen side efter den første har linjen {label!r}"
    after, lines = next(((n, lines) for n, lines in enumerate(pages[start:], start=start + 1) if next_heading in lines), (0, []))
    assert after, f"ingen side efter {label!r} har overskriften {next_heading!r}"
    return start, after if lines.index(next_heading) > 0 else after - 1


PAGES = r"(\d+)(?:–(\d+))?(?!\d)"


def pages_of(found: re.Match[str], group: int) -> tuple[int, int]:
    """The page range a pattern's PAGES at `group` found: "2–5" as (2, 5), "5" as (5, 5)."""
    return int(found.group(group)), int(found.group(group + 1) or found.group(group))


@pytest.mark.build
def test_every_municipality_edition_states_the_pages_of_its_own_part_and_the_shared_part_where_they_stand(report_site: Path):
    data = load(REPO / "data")
    everyone = count_word(len(data.municipalities))
    for row in each(data.municipalities.itertuples()):
        pages = page_lines(report_site / "pdf" / editions.file_name(row.slug))
        own, shared = editions.edition_parts(data, row.name)
        assert own.label == f"Del 1: {row.name}" and shared.label == f"Del 2: Fælles for alle {everyone} kommuner"
        # Part 1 runs until part 2's label; part 2 until the next heading after the guide's checklist.
        own_pages = part_pages(pages, own.label, shared.label)
        shared_pages = part_pages(pages, shared.label, editions.SOURCES_TITLE)
        # The pages after part 2 (reading26r2, #16): the sources and how to cite, worded for the municipality.
        # The sources may share their page with how to cite: the back part begins on the sources' page.
        back_pages = (first_page_with(pages, editions.SOURCES_TITLE), len([p for p in pages if p]))
        first = " ".join(" ".join(pages[0]).split())
        back = editions.edition_back(has_sources=True)
        cover = re.search(
            rf"Side {PAGES} handler om {re.escape(row.name)}; side {PAGES} har samme indhold i alle {everyone} kommuners udgaver; "
            rf"side {PAGES} {re.escape(back.about)}\.",
            first,
        )
        contents = [re.search(rf"{re.escape(part.label)} s\. {PAGES}", first) for part in (own, shared)]
        assert cover and all(contents), f"{row.name}: første side siger ikke, hvilke sider delene står på"
        cover = (pages_of(cover, 1), pages_of(cover, 3), pages_of(cover, 5))
        contents = tuple(pages_of(found, 1) for found in contents)
        assert cover == (*contents, back_pages) == (own_pages, shared_pages, back_pages), (row.name, cover, contents, back_pages)


def test_a_range_that_begins_and_ends_on_one_page_is_printed_as_that_page():
    # The contents' entry, then two ranges: one over two pages, one within a page (not "s. 5–5").
    assert printed_page_numbers(["2", "2", "5", "5", "5"], [False, False, True, False, True]) == ["2", "2", "–5", "5", ""]


def test_an_editions_cover_names_the_pages_after_its_two_parts_from_the_sources_to_its_end(data, edition_charts):
    """Reading26r2, #16: Køge's cover said »Side 2–5 handler om Køge; side 5–15 har samme indhold i alle syv kommuners
    udgaver« in a 16-page edition: page 16 (Om kilderne, Sådan citerer du) was in neither part, and it is not the same
    in every edition (its sources are the municipality's). The cover names those pages too, from the sources' heading
    to a mark at the edition's end."""
    import datetime as dt

    from bs4 import BeautifulSoup

    stamp = editions.Stamp("data", "0123456789", dt.date(2026, 12, 1))
    for kommunekode in ("259", "240"):
        page = editions.municipality_edition(data, kommunekode, stamp, edition_charts, "plotly.min.js")
        soup = BeautifulSoup(page, "html.parser")
        about = soup.select_one(".kr-about")
        assert about is not None
        named = [span["data-kr-page-of"] for span in about.select("[data-kr-page-of]")]
        assert named[-2:] == [editions.SOURCES_ID, editions.BACK_END], named
        assert soup.find(id=editions.BACK_END) is not None and not soup.find(id=editions.BACK_END).find_all_next(["h2", "h3"])
        assert "har kilderne og kildeangivelsen." in " ".join(about.get_text(" ").split())
