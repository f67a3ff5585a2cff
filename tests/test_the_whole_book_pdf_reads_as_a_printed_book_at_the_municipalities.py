"""Reader27, finding 3: the whole-book PDF read like a web dump at the municipality chapters. Køge began at the foot of
p. 16 with only „3 indsatser.“ and its cards on p. 17; „Mere om, hvem der siger hvad …“ stood 13 times and the same
„Citater“ paragraph 7 times; and „Om kilderne“ named its places run on, „De deltagende kommuner: Kommunerne; De
deltagende kommuner: Kommunerne i tal; Køge: Udgangspunkt og resultat; …“."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

from kulturensrige import load
from kulturensrige.book.profiles import FACTS_HEADING
from kulturensrige.edition import editions
from kulturensrige.render import cards
from kulturensrige.rules import views
from kulturensrige.words import listing
from support.checks import each
from test_pdf import REPO, page_texts, pdf_text, report_site, squeeze  # noqa: F401 (report_site: the fixture, the PDFs made once per run)


def outline_pages(pdf: pikepdf.Pdf) -> dict[str, int]:
    """Each title of the PDF's outline (its headings) with the page (from 1) of its highest heading: a municipality's
    chapter's, not a section of that name in „De deltagende kommuner“, a level below."""
    pages = {page.obj.objgen: n for n, page in enumerate(pdf.pages, start=1)}
    found: dict[str, tuple[int, int]] = {}
    with pdf.open_outline() as outline:
        stack = [(item, 1) for item in outline.root]
        while stack:
            item, level = stack.pop(0)
            title = str(item.title)
            if isinstance(item.destination, pikepdf.Array) and len(item.destination) and level < found.get(title, (99, 0))[0]:
                found[title] = (level, pages.get(item.destination[0].objgen, 0))
            stack = [(child, level + 1) for child in item.children] + stack
    return {title: page for title, (_, page) in found.items()}


def profile_names(site: Path) -> list[str]:
    """The municipalities' chapters of the whole book, in its order (their titles are the municipalities' names)."""
    return [c.title for c in editions.book_chapters(site) if editions.is_profile(c)]


@pytest.mark.build
def test_each_municipalitys_heading_stands_on_the_page_of_its_first_card(report_site: Path):  # noqa: F811
    """A municipality's chapter never begins at a page's foot with its heading and first lines, its cards overleaf:
    the heading's page has the chapter's first card (its kicker, „Køge · Prøvehandling“)."""
    path = report_site / "pdf" / editions.file_name()
    texts = page_texts(path)
    with pikepdf.open(path) as pdf:
        headings = outline_pages(pdf)
    for name in each(profile_names(report_site)):
        page = headings[name]
        assert squeeze(f"{name} ·") in texts[page - 1], (name, page)


@pytest.mark.build
def test_the_whole_book_says_once_where_to_read_more_and_that_no_quote_is_tied_to_a_municipality(report_site: Path):  # noqa: F811
    """The cover names where the editors' additions are explained; no chapter's key says it again. The sentence that
    the report ties no quote to any municipality stood under a „Citater“ heading in all seven municipalities' chapters;
    since ADR 95 a profile no longer says it, and the whole book then said it nowhere a consultant looks for the
    municipality's quotes: it stands once, with the book's count of the quotes (ADR 97)."""
    data = load(REPO / "data")
    text = pdf_text(report_site / "pdf" / editions.file_name(), editions.TITLE)
    # The cover's credit, and the front page's line on how the book counts (editions.METHOD_MORE).
    assert text.count(squeeze(editions.PRINTED_EDITORS_PLACE)) <= 2
    assert squeeze("Mere om, hvem der siger hvad") not in text
    if not views.any_tied(data):
        said = squeeze(cards.UNTIED_QUOTES)
        assert text.count(said) == 1, text.count(said)
        pages = [page for page in page_texts(report_site / "pdf" / editions.file_name()) if said in squeeze(page)]
        assert squeeze("Bogens egen optælling") in squeeze(pages[0]), pages[0][:400]


def test_a_reasons_places_are_a_line_for_each_chapter_and_one_for_chapters_of_the_same_sections():
    """Places of one chapter stand on one line, and chapters with the same sections share one."""
    titles = ["De deltagende kommuner", "Køge", "Høje-Taastrup", "Sammenlign kommuner"]
    places = [
        "De deltagende kommuner: Kommunerne",
        "De deltagende kommuner: Kommunerne i tal",
        "Køge: Udgangspunkt og resultat",
        "Høje-Taastrup: Udgangspunkt og resultat",
        "Sammenlign kommuner",
    ]
    assert editions.listed_places(places, titles) == [
        "De deltagende kommuner: Kommunerne og Kommunerne i tal",
        "Køge og Høje-Taastrup: Udgangspunkt og resultat",
        "Sammenlign kommuner",
    ]


@pytest.mark.build
def test_om_kilderne_names_the_municipalities_sections_once_for_all_of_them(report_site: Path):  # noqa: F811
    """„Om kilderne“ in the whole book names the seven municipalities' „Udgangspunkt og resultat“ in one line, not
    as seven „Køge: Udgangspunkt og resultat; …“ run on."""
    text = pdf_text(report_site / "pdf" / editions.file_name(), editions.TITLE)
    section = text[text.rindex(squeeze(editions.SOURCES_TITLE)) :]
    names = profile_names(report_site)
    facts = FACTS_HEADING.removeprefix("## ")
    assert squeeze(f"{listing(names)}: {facts}") in section
    assert squeeze(f"{names[0]}: {facts}") not in section
