"""Reader27, finding 3: the whole-book PDF read like a web dump at the municipality chapters. Køge began at the foot of
p. 16 with only „3 indsatser.“ and its cards on p. 17; „Mere om, hvem der siger hvad …“ stood 13 times and the same
„Citater“ paragraph 7 times; and „Om kilderne“ named its places run on, „De deltagende kommuner: Kommunerne; De
deltagende kommuner: Kommunerne i tal; Køge: Udgangspunkt og resultat; …“."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pytest

from kulturensrige import load
from kulturensrige.book.profiles import FACTS_HEADING
from kulturensrige.data import provenance
from kulturensrige.edition import editions, printing
from kulturensrige.edition.printing import footer_title
from kulturensrige.render import cards, guide
from kulturensrige.rules import views
from kulturensrige.words import listing
from support.checks import each
from test_pdf import REPO, _starts_at, page_texts, pdf_text, report_site, squeeze  # noqa: F401 (report_site: the fixture, the PDFs made once per run)


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
def test_each_municipalitys_heading_stands_on_the_page_of_its_starting_point(report_site: Path):  # noqa: F811
    """A municipality's chapter never begins at a page's foot with its heading and first lines, what it holds
    overleaf: the heading's page has the chapter's „Udgangspunkt og udbytte“ and its facts, which a profile gives
    before its cards (ADR 123; it held the first card, „Køge · Prøvehandling“, while the cards came first)."""
    path = report_site / "pdf" / editions.file_name()
    texts = page_texts(path)
    with pikepdf.open(path) as pdf:
        headings = outline_pages(pdf)
    for name in each(profile_names(report_site)):
        page = headings[name]
        facts = squeeze(FACTS_HEADING.removeprefix("## "))
        assert facts in texts[page - 1] and squeeze("Udgangspunkt") in texts[page - 1].split(facts, 1)[1], (name, page)


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


# Reader29, F2: the whole book's p. 19 held only the two lines of the key that closed Køge's chapter, and the same key
# closed all seven; »Værdiskabelser i Kulturens Rige« began in the bottom fifth of p. 29; p. 10 ended with the heading
# „Kommunerne i tal“ and two lines, its table on p. 11 (ADR 105).


def _without_footer(page: str) -> str:
    return re.sub(re.escape(squeeze(footer_title(editions.TITLE))) + r"Side\d+af\d+$", "", page)


@pytest.mark.build
def test_the_municipalities_chapters_print_their_key_once_and_no_page_holds_a_key_alone(report_site: Path):  # noqa: F811
    """The key („(red.)“ efter en værdi: …) stands once among the seven municipalities' chapters, and no page of the
    whole book holds a key and nothing else: it stays with the paragraph it follows."""
    path = report_site / "pdf" / editions.file_name()
    texts = page_texts(path)
    key = squeeze(provenance.page_key())
    with pikepdf.open(path) as pdf:
        headings = outline_pages(pdf)
    names = profile_names(report_site)
    after = next(c.title for c in editions.book_chapters(report_site) if c.depth <= 1 and headings.get(c.title, 0) > headings[names[-1]])
    profiles = "".join(texts[headings[names[0]] : headings[after] - 1])  # after the first's heading's page, which
    # may end the chapter before
    assert profiles.count(key) == 1, profiles.count(key)
    assert [n for n, page in enumerate(texts, start=1) if _without_footer(page) == key] == []


@pytest.mark.build
def test_a_chapter_of_the_contents_first_level_begins_in_the_top_third_of_a_page(report_site: Path):  # noqa: F811
    """A chapter of the contents' first level begins a page, or runs on only below a page a chapter would otherwise
    leave less than a third full (printing.TOP_RUN_ON_BELOW): its heading stands in the top third of its page."""
    places = printing.destination_places((report_site / "pdf" / editions.file_name()).read_bytes())
    found = editions.book_chapters(report_site)
    top = [(c.title, places[editions.chapter_id(n)]) for n, c in enumerate(found, start=1) if 0 < c.depth <= 1]
    assert len(top) > 1
    assert [(title, page, round(down, 2)) for title, (page, down) in top if down > printing.TOP_RUN_ON_BELOW] == []


@pytest.mark.build
def test_a_heading_and_the_lines_before_its_table_stand_on_the_tables_page(report_site: Path):  # noqa: F811
    """„Kommunerne i tal“ (the data's municipalities with their codes) stands on the page of its table's first row."""
    data = load(REPO / "data")
    path = report_site / "pdf" / editions.file_name()
    first = data.municipalities.iloc[0]
    pages = [n for n, page in enumerate(page_texts(path), start=1) if squeeze("Kommunerne i tal") in page]
    assert pages, "no „Kommunerne i tal“ in the whole book"
    row = squeeze(f"{first['name']}") + r"\d+" + squeeze(str(first["kommunekode"]))
    assert re.search(row, page_texts(path)[pages[0] - 1]), pages[0]


@pytest.mark.build
def test_a_municipalitys_edition_prints_the_chart_of_quotes_under_its_own_title_where_none_is_the_municipalitys(report_site: Path):  # noqa: F811
    """Reader29, F6: „Diagram 2 (red.). Citater pr. ingrediens (ingen af dem er knyttet til Køge)“, a chart whose title
    said it held nothing of the municipality, in Del 2, which has the same content in every edition. Where the data tie
    no quote to the municipality, the chart has the whole book's title, and it is the same in every such edition."""
    data = load(REPO / "data")
    charts_titles = []
    for row in each(list(data.municipalities.itertuples())):
        text = pdf_text(report_site / "pdf" / editions.file_name(row.slug), f"{editions.TITLE} – {row.name}")
        if (data.quotes["kommunekode"] == row.kommunekode).any():
            continue
        # The chart's old title; the quotes' section is „Citater (ingen knyttet til Køge)“ since reader30 #5.
        assert squeeze(f"Citater pr. ingrediens (ingen af dem er knyttet til {row.name})") not in text, row.name
        found = re.search(r"Diagram\d\(red\.\)\.?" + squeeze("Citater pr. ingrediens") + r"(.{0,12})", text)
        assert found, row.name
        charts_titles.append(found.group(1))
    assert len(set(charts_titles)) <= 1, charts_titles


@pytest.mark.build
def test_the_profiles_closing_line_names_the_one_checklist_and_not_the_same_pages(report_site: Path):  # noqa: F811
    """The line that closes the municipalities' chapters said „på de samme sider står guidens råd som tjekliste under
    „I guiden““: the web's pages. The whole book prints the guide once, under „Den kondenserede guide“ (ADR 102), and
    the line says so, once (ADR 105)."""
    text = pdf_text(report_site / "pdf" / editions.file_name(), editions.TITLE)
    assert squeeze(editions.SAME_PAGES) not in text
    assert text.count(squeeze(f"guidens råd står som tjekliste under „{guide.HEADING}“")) == 1
