"""Reader32, #2: a municipality's page gave its summary, then the long „Indsatser“ cards, and only then „Udgangspunkt
og udbytte“, where what the course led to stands; its edition gave the starting point and the outcome first, which is
what a consultant preparing a committee note needs. One order for page and paper, from one list of the profile's
sections (pages.PROFILE_SECTIONS; docs/adr/0123)."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

from kulturensrige.book import profiles
from kulturensrige.data.frames import table_rows
from kulturensrige.data.pages import FACTS_TITLE, profile_page
from kulturensrige.edition import editions
from support.checks import each
from test_pdf import outline_titles, report_site  # noqa: F401 (the fixture: the built book with its PDFs, made once per run)

REPO = Path(__file__).resolve().parent.parent
INITIATIVES = "Indsatser"


def _facts_and_initiatives(titles: list[str], start: str) -> list[str]:
    """The order in which the facts' heading and „Indsatser“ first follow the title `start` in an outline."""
    after = titles[titles.index(start) + 1 :]
    return sorted({FACTS_TITLE, INITIATIVES}, key=after.index)


def test_a_profile_page_gives_its_starting_point_and_outcome_before_its_initiatives(data):
    """The page's sections, as the build makes them: the facts' heading before „Indsatser“."""
    for row in each(list(table_rows(data.municipalities))):
        with profiles.as_page(REPO / "book", profile_page(row.slug)):
            parts = [str(part) for part in profiles.profile_parts(data, row.name, row.kommunekode, "rapporten")]
        headings = [part.split("\n")[0] for part in parts if part.startswith("## ")]
        assert headings[:2] == [profiles.FACTS_HEADING, f"## {INITIATIVES}"], (row.slug, headings)


@pytest.mark.build
def test_a_municipality_s_chapter_orders_its_sections_alike_in_its_edition_and_in_the_whole_book(data, report_site: Path):  # noqa: F811
    """The whole book prints the profile page; the edition its own chapter: both give „Udgangspunkt og udbytte“ first."""
    with pikepdf.open(report_site / "pdf" / editions.file_name()) as pdf:
        book = outline_titles(pdf)
    for row in each(list(table_rows(data.municipalities))):
        with pikepdf.open(report_site / "pdf" / editions.file_name(row.slug)) as pdf:
            edition = outline_titles(pdf)
        in_book = _facts_and_initiatives(book[book.index("Sammenlign kommuner") :], row.name)
        in_edition = _facts_and_initiatives(edition, f"{row.name} i Kulturens Rige")
        assert in_book == in_edition == [FACTS_TITLE, INITIATIVES], (row.slug, in_book, in_edition)
