"""Reader s23 (issue 22), #1, #10 and #11: the PDFs are read on paper, by a consultant. Nothing of the web book's
choice reaches them, a hyphenated name or an address breaks as print breaks it, a table of marks has its title once
and no row of names at its foot, no dead link text, and the cover and the citation advice speak in words, not in
file names and fingerprints."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kulturensrige import load
from kulturensrige.edition import editions
from kulturensrige.edition.printing import MARGIN
from kulturensrige.render import lists
from support.checks import each
from test_pdf import MM, REPO, page_fill, page_texts, report_site, squeeze  # noqa: F401 (report_site: the fixture, the PDFs made once per run)

# What the web book keeps off paper: Bootstrap's class, the chapters' sentences about the filter or a click, and the
# sentences its scripts show later.
WEB_ONLY = ".d-print-none, .kr-web-only, template"
SHORTEST_SENTENCE = 30  # characters: a button's word ("Alle", "Luk") may stand in print as well


def sentences(words: str) -> set[str]:
    """The text's sentences of at least SHORTEST_SENTENCE characters, squeezed as pdf_text reads them."""
    return {squeeze(s) for s in re.split(r"(?<=[.!?])\s+", " ".join(words.split())) if len(s) >= SHORTEST_SENTENCE}


def web_only_sentences(site: Path) -> set[str]:
    """Every sentence of every built page that the web book shows only on a screen, squeezed as pdf_text reads them.
    ADR 87: a list of initiative cards says its statuses sentence before its cards, also where the list is the web's
    alone (the comparison's drill-through): a sentence a printed part of some page says as well is not screen-only."""
    found: set[str] = set()
    printed: set[str] = set()
    for page in site.rglob("*.html"):
        if page.parent.name in ("_static", "pdf"):
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for element in soup.select(WEB_ONLY):
            text = element.decode_contents() if element.name == "template" else element.get_text(" ")
            found |= sentences(BeautifulSoup(text, "html.parser").get_text(" ") if element.name == "template" else text)
            element.decompose()
        printed |= sentences(soup.get_text(" "))
    return found - printed


@pytest.mark.build
def test_no_pdf_prints_a_sentence_the_web_book_shows_only_on_a_screen(report_site: Path):  # noqa: F811
    """#1: the whole book printed »Siden handler om Høje-Taastrup, uanset hvilken kommune du har valgt …« and »Høje-
    Taastrup er valgt og fremhæves nu i resten af bogen.« under every municipality's heading, where nothing is chosen."""
    data = load(REPO / "data")
    sentences = web_only_sentences(report_site)
    for code in data.municipalities["kommunekode"]:
        said = BeautifulSoup(lists.profile_choice(data, code), "html.parser")
        for part in said.select(".kr-profile-says, .kr-profile-chosen"):
            assert squeeze(part.get_text()) in sentences  # the package's sentences are among those the test looks for
    for path in each(sorted((report_site / "pdf").glob("*.pdf"))):
        text = "".join(page_texts(path))
        assert sorted(s for s in sentences if s in text) == [], path.name


def raw_lines(path: Path) -> list[str]:
    """The PDF's lines as printed (pdftotext -raw keeps a hyphen that ends a line, which its default reading drops)."""
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [line.strip() for line in text.splitlines()]


@pytest.mark.build
def test_a_hyphenated_name_breaks_after_its_hyphen_and_an_address_at_no_hyphen_in_any_pdf(report_site: Path):  # noqa: F811
    """#10: table heads broke »Ringkøbing« / »-Skjern«, »Høje« / »-Taastrup«, a code »litteratur« / »-og«, with a
    hyphen beginning the line; and an address broke at its hyphen (»…/kultur-og« / »-sundhed/«). A name breaks after
    its hyphen, read whole across the break, and an address only after a '/'."""
    data = load(REPO / "data")
    names = [name for name in data.municipalities["name"] if "-" in name]
    assert names
    for path in each(sorted((report_site / "pdf").glob("*.pdf"))):
        lines = [line for line in raw_lines(path) if line]
        assert [line for line in lines if re.match(r"-\w", line)] == [], path.name
        assert [line for line in lines if re.search(r"https?://\S*-$", line)] == [], path.name
        joined = "\n".join(lines).replace("-\n", "-")
        for name in names:  # a name printed in the PDF reads whole, hyphen and all
            assert name.replace("-", "") not in re.findall(r"\w+", joined), (path.name, name)


def printed_page(site: Path, path: str) -> BeautifulSoup:
    chapter = next(c for c in editions.book_chapters(site) if c.path == path)
    return BeautifulSoup(str(editions.printable_article(site, chapter, 1, "")), "html.parser")


@pytest.mark.build
def test_a_printed_table_of_marks_has_its_title_once_and_no_row_of_names_at_its_foot(built_site: Path):
    """#10: on paper the comparison's tables printed their title three times (the page's heading, the figure's title
    and the table's caption) and ended with a row that repeats the names, beginning »–«: paper repeats a table's
    head on every page."""
    page = printed_page(built_site, "kommuner/sammenligning.html")
    tables = page.select("table.kr-marks")
    assert tables
    for table in tables:
        figure = table.find_parent(class_="kr-marks-figure")  # a figure is a div on paper
        assert figure is not None
        title = figure.select_one(".kr-figure-title").get_text(strip=True)
        assert table.select("tfoot, caption") == [], title
        assert page.get_text(" ").count(title) == 1, title


@pytest.mark.build
def test_a_printed_table_of_marks_cell_holds_its_count_alone(built_site: Path):
    """ADR 67: a marked cell names its municipality for a phone, which reads the table as lines; paper prints the grid,
    whose head names the column, and a cell that also printed the name read »Køge1«."""
    page = printed_page(built_site, "kommuner/sammenligning.html")
    for cell in each(page.select("table.kr-marks td.kr-marked")):
        assert cell.get_text(strip=True).isdigit(), str(cell)


@pytest.mark.build
def test_a_printed_key_to_the_editors_marks_has_no_dead_link_and_leaves_where_to_read_more_to_the_cover(built_site: Path):
    """#10: »Læs mere om, hvem der siger hvad« printed as text that looks like a link and leads nowhere (pp. 9, 20,
    48): the data chapter it links to is the analysts' edition. The line that named it instead then stood after all
    thirteen chapters' keys (reader27 #3): the cover names the place once (editions.PRINTED_EDITORS_PLACE)."""
    keys = 0
    for chapter in each(editions.book_chapters(built_site)):
        page = printed_page(built_site, chapter.path)
        for key in page.select(".kr-key"):
            keys += 1
            assert "Læs mere om, hvem der siger hvad" not in key.get_text(), chapter.path
            assert editions.ANALYSTS_TITLE not in key.get_text(), chapter.path
            assert key.get_text(strip=True), chapter.path
    assert keys


@pytest.mark.build
def test_no_pdfs_cover_or_citation_advice_names_a_file_or_the_fingerprint(report_site: Path):  # noqa: F811
    """#11: the citation advice said »datamappens fingeraftryk (905f0dee36)« and, under it, »filen kulturens-rige-
    koege.pdf«; the whole book's cover named »kulturens-rige_data-og-metode.pdf«, and every table of the reader's PDFs
    ended »… med kolonnernes kilder i kilder.csv«. The analysts' line alone names the fingerprint, and no file; since
    reader30 #6 it stands in the analysts' edition only (ADR 108)."""
    fingerprint = load(REPO / "data").fingerprint
    file_name = re.compile(r"[\w-]+\.(?:pdf|csv)\b", re.I)
    for path in each(sorted((report_site / "pdf").glob("*.pdf"))):
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout
        pages = text.split("\f")
        assert not file_name.search(pages[0]), path.name
        advice = text[text.rindex("Sådan citerer du") :]
        said = " ".join(advice.split()).split("Til analytikere:")
        # Only the analysts' edition has the line; a reader's names its data in its properties (ADR 108).
        assert len(said) == (2 if path.name == editions.ANALYSTS_FILE else 1), path.name
        assert fingerprint not in said[0] and "fingeraftryk" not in said[0], path.name
        assert not file_name.search(advice), path.name
        if path.name != editions.ANALYSTS_FILE:  # the data chapter's edition is about the files
            assert "kilder.csv" not in text, path.name


@pytest.mark.build
def test_no_page_of_a_municipalitys_edition_but_its_last_is_less_than_two_thirds_full_unless_a_drawing_cannot_fit(
    report_site: Path,  # noqa: F811
):
    """#10: Ringkøbing-Skjern's and Køge's editions stood 58-62 % full before their first card and after Diagram 1
    (pages 2 and 4), with every other edition's page 2 so too: a card kept whole now breaks where it would leave a
    third of a page empty, and a chapter that ends a page less than two thirds full lets the next one run on below it
    (printing.CARD_GAP, printing.RUN_ON_BELOW). A diagram's head (title, legend and drawing) never breaks (a broken
    one cut its labels): a page may end short only where the head that opens the next page is taller than the room
    the page left (Køge's page 3, 66 % full, before Diagram 1, session 27)."""
    for path in each(sorted((report_site / "pdf").glob("kulturens-rige-*.pdf"))):
        fills = page_fill(path)
        short = [n for n, fill in enumerate(fills[:-1], start=1) if fill < 2 / 3]
        assert [(n, round(fills[n - 1], 2)) for n in short if _drawing_head(path, n + 1) <= 1 - fills[n - 1]] == [], path.name


def _drawing_head(path: Path, page: int) -> float:
    """The height, as a share of the text area, of the diagram's head that opens `page` (from its title's top to the
    first line of text set under the drawing, in the body's face, ADR 76), 0 if the page opens otherwise."""
    import pymupdf  # noqa: PLC0415 (only this test reads typefaces)

    top, bottom = (float(MARGIN[side].removesuffix("mm")) * MM for side in ("top", "bottom"))
    with pymupdf.open(path) as document:
        sheet = document[page - 1]
        lines = sorted(
            (line["bbox"][1], line["spans"][0]["font"], "".join(s["text"] for s in line["spans"]))
            for block in sheet.get_text("dict")["blocks"]
            for line in block.get("lines", [])
            if line["spans"] and "".join(s["text"] for s in line["spans"]).strip()
        )
        area = sheet.rect.height - top - bottom
    if not lines or not re.match(rf"{editions.DIAGRAM} \d", lines[0][2]):
        return 0.0
    under = next((y for y, font, _ in lines[1:] if font.startswith("CharisSIL")), lines[0][0])
    return (under - lines[0][0]) / area
