"""The PDF editions: every municipality's and the whole book's, read back with poppler-utils and pikepdf.

veraPDF cannot be installed from the registries this project reaches (it needs Maven). Every PDF is checked
with outloud, a PDF/UA-1 checker in Python whose conformance rules follow the Matterhorn Protocol's
checkpoints (of the two hostile editions, made by the same code path, the longer one), and each property the
issue names is also checked on its own: tags, /Lang, title shown as window title, outline, embedded fonts, A4,
figures with alternative text, text in reading order, and only http(s) links.

Page counts at the report's scale: a municipality's edition has 12–40 pages (measured 16–19), the
whole book 60–200 (measured 111).
"""

from __future__ import annotations

import concurrent.futures
import csv
import dataclasses
import datetime as dt
import html
import http.server
import io
import json
import os
import re
import shutil
import stat
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from pathlib import Path

import outloud
import pikepdf
import pytest
import soupsieve
from bs4 import BeautifulSoup, NavigableString, Tag

from hostile import HOSTILE_MUNICIPALITY, hostile_data
from kulturensrige import Dataset, load
from kulturensrige.book import extension
from kulturensrige.data import provenance
from kulturensrige.data.buildkey import BUILT, write_record
from kulturensrige.data.schema import NOT_STATED
from kulturensrige.edition import editions, printing
from kulturensrige.edition.chromium import ChromiumFailed, driving, started_chromium
from kulturensrige.edition.links import inferred_notes, link_editions, with_link
from kulturensrige.edition.pdf_accessibility import struct_elements
from kulturensrige.edition.pdf_images import share_identical_images
from kulturensrige.edition.printing import (
    MARGIN,
    PLOTLY_JS,
    Page,
    PrintError,
    PrintJob,
    footer_title,
    outline_pages,
    print_pdfs,
    with_front_pages,
)
from kulturensrige.render import browser, cards, charts, figures, lists
from kulturensrige.rules import filters, views
from kulturensrige.words import day, listing
from support.browser_files import built_sentences, write_browser_files
from support.builds import made_once, run_folder
from support.checks import each
from support.folders import with_inferred_ties
from support.scripts import run_script, script
from support.threads import own_thread
from test_recipes import recipes_book  # noqa: F401 (the fixture: the recipes' book with its PDFs, made once per run)

REPO = Path(__file__).resolve().parent.parent

EDITION_PAGES = range(10, 41)  # an edition of a municipality with little data runs to 11 pages since its tables leave out rows nobody has
BOOK_PAGES = range(40, 201)  # the reader's book, 63 pages since the data chapter is an edition of its own (ADR 49)
A4 = (595.28, 841.89)
STAMP = editions.Stamp("data", "0123456789", dt.date(2026, 12, 1))
PRINTED_LATER = 1800000000  # 2027-01-15: report_site's PDFs are printed on a later day than the shared build's

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils mangler (scripts/install_pdf_tools.sh)")


# -- reading a PDF ---------------------------------------------------------------------------------------


def squeeze(text: str) -> str:
    """Text as it reads on the page, without whitespace and invisible format characters (a line break in the PDF
    is not a change of words), nor hyphens: pdftotext drops a hyphen a line breaks after ("KL-" / "huset" reads
    "KLhuset"). A right-to-left override (U+202E ... U+202C) is printed, and read back, reversed."""
    text = re.sub("\u202e([^\u202c]*)\u202c", lambda m: m.group(1)[::-1], text)
    return "".join(c for c in text if not c.isspace() and c != "-" and unicodedata.category(c) != "Cf")


def pdf_text(path: Path, title: str) -> str:
    """The PDF's text in reading order (pdftotext), squeezed, with the repeated page footer taken out. The footer's
    page count is the PDF's own: 'Side 2 af 13' before a title '6-ugers …' squeezes to 'Side2af136ugers', and a
    pattern of any digits took the 6 with it."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout
    with pikepdf.open(path) as pdf:
        pages = len(pdf.pages)
    return re.sub(re.escape(squeeze(footer_title(title))) + rf"Side\d+af{pages}", "", squeeze(text))


def outline_titles(pdf: pikepdf.Pdf) -> list[str]:
    titles = []
    with pdf.open_outline() as outline:
        stack = list(outline.root)
        while stack:
            item = stack.pop(0)
            titles.append(str(item.title))
            stack = list(item.children) + stack
    return titles


def link_targets(pdf: pikepdf.Pdf) -> list[str]:
    """Every link annotation's action: its URI, or the action type when it is not a URI."""
    targets = []
    for page in pdf.pages:
        for annotation in page.get("/Annots", []):
            action = annotation.get("/A")
            if action is not None:
                targets.append(str(action.get("/URI")) if action.get("/S") == "/URI" else str(action.get("/S")))
    return targets


def no_active_content(pdf: pikepdf.Pdf) -> None:
    """No script, no embedded file, no action that runs on opening."""
    root = pdf.Root
    names = root.get("/Names", pikepdf.Dictionary())
    assert "/JavaScript" not in names and "/EmbeddedFiles" not in names
    assert "/OpenAction" not in root or "/JS" not in root.OpenAction
    assert "/AA" not in root
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary):
            assert "/JS" not in obj and obj.get("/S") not in ("/JavaScript", "/Launch", "/ImportData", "/SubmitForm")
            assert obj.get("/Type") != "/EmbeddedFile"


# What outloud reports on the editions that is not a fault of theirs, and why. Anything else fails the test.
PDF_UA_ACCEPTED = {
    # Only the reference validator (veraPDF) should back a declaration of PDF/UA conformance, and it cannot run here.
    "DOC-012": "the editions do not declare pdfuaid:part",
    # A heuristic: a tagged line near the top or bottom of three or more pages. Here that is real content that
    # recurs: a quote card's attribution ("Kommune: ikke angivet i rapporten"), "Hent tabellen som CSV", and the
    # header row Chromium repeats (tagged as TH) where a table runs onto the next page.
    "PAG-001": "recurring content near a page edge read as a running header",
    # A heuristic: the part of a table that runs onto the next page, whose text the parent tree gives to the
    # TH and TD cells of that table, is read as a ruled grid no table covers.
    "TBL-014": "a table's continuation on the next page",
    # Paint order is not reading order: plotly draws axes, bars and labels in its own order; the tag tree, which
    # screen readers follow, has the figure's alternative text.
    "ORD-001": "figures painted in another order than their tags",
}
# The whole book also has tables with a header cell in every row (th scope="row", or scope="rowgroup" above
# a group of rows): more TH than TD, which outloud reads as headings broken into one-word cells.
PDF_UA_ACCEPTED_IN_BOOK = {**PDF_UA_ACCEPTED, "TBL-010": "tables with row headers"}


def check_pdf_ua(path: Path, accepted: dict[str, str] = PDF_UA_ACCEPTED) -> None:
    """outloud's PDF/UA-1 and semantic rules find nothing beyond the findings accepted above."""
    result = outloud.check(str(path))
    unexpected = [(f.rule, f.page, f.message, f.evidence) for f in result.sorted_findings() if f.rule not in accepted]
    assert unexpected == [], unexpected
    assert result.verdict != "unreadable"


def check_vector_only(path: Path) -> None:
    """The edition's figures are drawn, not pictures: the PDF holds no raster image."""
    listing = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()
    assert listing[2:] == [], listing[:5]


def check_contents(path: Path, minimum: int) -> None:
    """Each line of the table of contents (from its heading, "Indhold", to the end of its page) names a heading
    found on the page it gives."""
    contents = str(dict(outline_pages(path.read_bytes())).get("Indhold", 0))
    command = ["pdftotext", "-layout", "-f", contents, "-l", contents, str(path), "-"]
    layout = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    # The contents end at their first blank line: a chapter that runs on below them may begin with a table, whose rows
    # ("Afsnit   sections.csv   22") read as entries.
    listing = layout[layout.index("Indhold") :].split("\n\n")[0]
    entries = re.findall(r"^\s*(?:\d+\.\s)?(.+?)\s{2,}(\d+)$", listing, re.M)
    assert len(entries) >= minimum, layout
    for title, page in entries:
        on_page = subprocess.run(["pdftotext", "-f", page, "-l", page, str(path), "-"], capture_output=True, text=True, check=True)
        assert squeeze(title) in squeeze(on_page.stdout), (title, page)


def check_accessible(path: Path, title: str, pages: range, figures: int) -> None:
    """Tagged, Danish, titled (shown as window title), outlined, embedded fonts, A4, figures with alt text."""
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.M), info
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts
    with pikepdf.open(path) as pdf:
        assert str(pdf.Root.Lang) == "da"
        assert " ".join(str(pdf.docinfo.Title).split()) == " ".join(title.split())
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle) is True
        assert " ".join(str(pdf.open_metadata()["dc:title"]).split()) == " ".join(title.split())
        assert bool(pdf.Root.MarkInfo.Marked) is True
        assert len(pdf.pages) in pages, len(pdf.pages)
        for page in pdf.pages:
            box = [float(v) for v in page.MediaBox]
            assert abs(box[2] - box[0] - A4[0]) < 2 and abs(box[3] - box[1] - A4[1]) < 2, box
        tags = [str(e.S) for e in struct_elements(pdf)]
        for tag in ("/H1", "/H2", "/P", "/L", "/LI", "/Table", "/TH", "/TD", "/Figure", "/BlockQuote"):
            assert tag in tags, tag
        pictures = [e for e in struct_elements(pdf) if e.S == "/Figure"]
        assert len(pictures) >= figures and all(str(e.get("/Alt", "")).strip() for e in pictures)
        assert len(outline_titles(pdf)) >= 5
        for target in link_targets(pdf):
            assert target.startswith(("http://", "https://")) or target == "/GoTo", target
        no_active_content(pdf)


# -- the printed page: type size, how full each page is, where chapters begin ------------------------------

WORD = re.compile(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>')
MM = 72 / 25.4


def page_words(path: Path) -> list[tuple[float, list[tuple[float, float, str]]]]:
    """Each page's height and its words' (top, bottom, text), as poppler's pdftotext -bbox places them (points)."""
    xml = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in re.split(r"<page ", xml)[1:]:
        height = float(re.search(r'height="([\d.]+)"', page).group(1))
        pages.append((height, [(float(top), float(bottom), text) for top, bottom, text in WORD.findall(page)]))
    return pages


def body_text_size(path: Path) -> float:
    """The median type size of the text in points, letter by letter: the size most of the text is set in, as the PDF
    sets it (PyMuPDF's span sizes). The editions set text and headings in two typefaces (ADR 76) whose boxes differ in
    height, so a word box's height, which poppler gives, no longer says its size."""
    import pymupdf  # noqa: PLC0415 (only this test reads type sizes)

    with pymupdf.open(path) as document:
        sizes = [
            span["size"]
            for page in document
            for block in page.get_text("dict")["blocks"]
            for line in block.get("lines", [])
            for span in line["spans"]
            for letter in span["text"]
            if not letter.isspace()
        ]
    return statistics.median(sizes)


def page_fill(path: Path) -> list[float]:
    """How far down each page's text reaches, as a share of the space between the page margins (the footer,
    printed in the bottom margin, does not count)."""
    top, bottom = (float(MARGIN[side].removesuffix("mm")) * MM for side in ("top", "bottom"))
    fills = []
    for height, words in page_words(path):
        lowest = max((b for _, b, _ in words if b < height - bottom), default=top)
        fills.append((lowest - top) / (height - top - bottom))
    return fills


def chapter_pages(pdf: pikepdf.Pdf) -> set[int]:
    """The pages (from 1) on which a chapter begins: a heading of the first two levels of the outline (the title
    and its chapters: h1 and h2; Chromium makes the outline from the headings)."""
    pages = {page.obj.objgen: n for n, page in enumerate(pdf.pages, start=1)}
    found = set()
    with pdf.open_outline() as outline:
        stack = [(item, 1) for item in outline.root]
        while stack:
            item, level = stack.pop(0)
            if level <= 2 and isinstance(item.destination, pikepdf.Array) and len(item.destination):
                found.add(pages.get(item.destination[0].objgen, 0))
            stack = [(child, level + 1) for child in item.children] + stack
    return found


LINE = re.compile(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>', re.S)
LINE_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>')


def page_lines(path: Path, first: int = 0, last: int = 0) -> list[tuple[float, float, list[tuple[float, float, list]]]]:
    """Each page's width, height and text lines as poppler's pdftotext -bbox-layout finds them: a line's top and
    bottom and its words' (left, right, text), in reading order (top to bottom, then left to right)."""
    command = ["pdftotext", "-bbox-layout", *(["-f", str(first), "-l", str(last)] if first else []), str(path), "-"]
    xml = html.unescape(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
    pages = []
    for page in re.split(r"<page ", xml)[1:]:
        width, height = (float(v) for v in re.search(r'width="([\d.]+)" height="([\d.]+)"', page).groups())
        lines = [
            (float(top), float(bottom), [(float(a), float(b), t) for a, b, t in LINE_WORD.findall(body)])
            for _, top, _, bottom, body in LINE.findall(page)
        ]
        pages.append((width, height, sorted(lines, key=lambda line: (line[0], line[2][0][0] if line[2] else 0))))
    return pages


def stranded_headings(path: Path, labels: list[str] = ()) -> list[tuple[int, str]]:
    """(page, heading) for every page whose last lines of text (above the footer) are a whole heading that begins
    on that page (by the outline, which has every heading), or one of `labels` (a card's label, not a heading):
    a heading left at a page's foot without what follows it."""
    on_page: dict[int, set[str]] = {}
    for title, page in outline_pages(path.read_bytes()):
        on_page.setdefault(page, set()).add(squeeze(title))
    anywhere = {squeeze(label) for label in labels}
    bottom_margin = float(MARGIN["bottom"].removesuffix("mm")) * MM
    found = []
    for n, (_, height, lines) in enumerate(page_lines(path), start=1):
        wanted, tail = on_page.get(n, set()) | anywhere, ""
        for _, _, words in reversed([line for line in lines if line[1] < height - bottom_margin][-4:]):
            tail = squeeze(" ".join(w[2] for w in words)) + tail
            if tail in wanted:
                found.append((n, tail))
                break
    return found


def link_targets_by_line(path: Path, page_number: int) -> list[tuple[float, float, int]]:
    """Each internal link on a page: its top and bottom (points from the page's top) and the page it leads to."""
    with pikepdf.open(path) as pdf:
        pages = {page.obj.objgen: n for n, page in enumerate(pdf.pages, start=1)}
        dests = pdf.Root.get("/Dests", pikepdf.Dictionary())
        page = pdf.pages[page_number - 1]
        height = float(page.MediaBox[3])
        found = []
        for annotation in page.get("/Annots", []):
            target = dests.get(str(annotation.get("/Dest", "")))
            if isinstance(target, pikepdf.Array) and len(target):
                low, high = sorted(float(v) for v in (annotation.Rect[1], annotation.Rect[3]))
                found.append((height - high, height - low, pages.get(target[0].objgen, 0)))
    return found


def contents_problems(path: Path) -> list[str]:
    """What is wrong with the table of contents as printed: a word (an entry's number, its title, its page number)
    reaching outside the page's text area, where Chromium clips it; an entry whose page number is not the page its
    link leads to; a list numbered out of its own sequence (each sub-list counts from 1 under its entry)."""
    bookmarks = outline_pages(path.read_bytes())
    start = dict(bookmarks)["Indhold"]
    after = [page for title, page in bookmarks if page > start]
    end = min(after) - 1 if after else start
    left, right = (float(MARGIN[side].removesuffix("mm")) * MM for side in ("left", "right"))
    problems, entries, begun = [], [], False
    for n in range(start, end + 1):
        width, _, lines = page_lines(path, n, n)[0]
        links = link_targets_by_line(path, n)
        for top, bottom, words in lines:
            begun = begun or [w[2] for w in words] == ["Indhold"]
            if not begun:  # the cover, on the same page as the contents in a municipality's edition
                continue
            problems += [f"{text!r} outside the text area" for a, b, text in words if a < left - 1 or b > width - right + 1]
            leads_to = [target for high, low, target in links if high - 1 <= (top + bottom) / 2 <= low + 1]
            if words and re.fullmatch(r"\d+\.", words[0][2]):
                entries.append([round(words[0][1]), int(words[0][2][:-1]), " ".join(w[2] for w in words[1:]), top, leads_to])
            elif len(words) == 1 and words[0][2].isdigit() and entries and abs(entries[-1][3] - top) < 2:
                entries[-1].append(int(words[0][2]))
    # An entry's level is where its number ends (a list's numbers are right-aligned): the top list's, a sub-list's.
    levels = sorted({e[0] for e in entries})
    counters: list[int] = []
    for right_edge, number_, title, _, leads_to, *page in entries:
        level = levels.index(right_edge)
        counters = (counters + [0] * (level + 1))[: level + 1]  # a deeper list ends where its entry's level goes on
        counters[level] += 1
        if number_ != counters[level]:
            problems.append(f"{title!r} numbered {number_}, not {counters[level]}")
        if len(leads_to) != 1 or page != leads_to:
            problems.append(f"{title!r} gives page {page}, its link leads to {leads_to}")
    return problems if entries else ["no numbered entries found"]


# -- the editions -------------------------------------------------------------------------------------


def drawn_diagrams(data: Dataset, code: str) -> list[int]:
    """The numbers of the diagrams a municipality's edition draws: a chart not worth drawing is a sentence over its table
    (editions.worth_drawing, issue 22), numbered all the same."""
    made = editions.EditionCharts.compute(data)
    page = BeautifulSoup(editions.municipality_edition(data, code, STAMP, made, PLOTLY_JS.as_uri()), "html.parser")
    return [
        int(re.match(r"Diagram (\d+)(?:\s\(red\.\))?\.", figure.select_one(".kr-figure-title").get_text()).group(1))
        for figure in page.select(".kr-figure")
        if figure.select_one("script.kr-edition-figure")
    ]


def municipality_pdfs(data_dir: Path, out: Path, codes: list[str] | None = None) -> dict[str, Path]:
    """Print the municipality editions of a data folder through the package (no book build needed)."""
    data = load(data_dir)
    charts = editions.EditionCharts.compute(data)
    rows = [r for r in data.municipalities.itertuples() if codes is None or r.kommunekode in codes]
    jobs = [
        PrintJob(
            editions.municipality_edition(data, r.kommunekode, STAMP, charts, PLOTLY_JS.as_uri()),
            out / editions.file_name(r.slug),
            f"{editions.TITLE} – {r.name}",
        )
        for r in rows
    ]
    # In its own thread: the browser tests' session-wide Playwright keeps an asyncio loop running in this one,
    # and Playwright's sync API refuses to start inside a running loop.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as worker:
        worker.submit(print_pdfs, jobs).result()
    return {r.kommunekode: out / editions.file_name(r.slug) for r in rows}


@pytest.fixture(scope="session")
def report_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the built book with `make pdf`'s work done in it (the shared build stays untouched), once per run."""

    def print_into(site: Path) -> None:
        shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("pdf"))
        result = subprocess.run(
            [sys.executable, str(REPO / "scripts" / "build_pdf.py"), "--data", str(REPO / "data"), "--site", str(site)],
            capture_output=True,
            text=True,
            # Printed on another day than the shared build's (1700000000): the editions must say the build's day.
            env={**os.environ, "SOURCE_DATE_EPOCH": str(PRINTED_LATER)},
        )
        assert result.returncode == 0, result.stderr[-3000:]
        assert "PDF-filer skrevet" in result.stdout and result.stderr == ""

    return made_once(run_folder(tmp_path_factory) / "pdf-site", "html", print_into)


@pytest.mark.build
def test_every_edition_says_the_day_the_site_was_built_not_the_day_it_was_printed(report_site: Path):
    """Reading 16, #1: a site built one day and printed another gave PDFs »Bygget 14. november 2023« beside pages
    saying 5. december 2026. The editions are of the built book: its footer's day is theirs."""
    front = BeautifulSoup((report_site / "index.html").read_text(encoding="utf-8"), "html.parser").get_text(" ")
    built = re.search(r"Bygget (\d+\. \w+ \d{4})", front)
    assert built and built.group(1) == "14. november 2023"
    printed = day(dt.datetime.fromtimestamp(PRINTED_LATER, dt.UTC).date())
    for path in each(sorted((report_site / "pdf").glob("*.pdf"))):
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout
        text = " ".join(text.split())
        assert f"Bygget {built.group(1)}" in text and printed not in text, path.name


@pytest.mark.build
def test_an_editions_citation_stands_whole_on_one_page(report_site: Path):
    """Reader 17: every municipality's edition ended on a page holding only the citation's example line, cut off from
    its heading "Sådan citerer du" on the page before. The section is read whole: heading and example on one page."""
    for path in each(sorted((report_site / "pdf").glob("kulturens-rige-*.pdf"))):
        pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout).group(1))
        last = subprocess.run(["pdftotext", "-f", str(pages), "-l", str(pages), str(path), "-"], capture_output=True, text=True).stdout
        assert "Sådan citerer du" in last and "Eksempel" in last, (path.name, last[:200])


def report_municipalities() -> list[str]:
    """data/'s municipality codes, read as the tests are collected: each edition is checked by a test of its own,
    so pytest-xdist checks them side by side."""
    with (REPO / "data" / "municipalities.csv").open(encoding="utf-8", newline="") as table:
        return [row["kommunekode"] for row in csv.DictReader(table)]


@pytest.mark.build
@pytest.mark.parametrize("code", report_municipalities())
def test_every_municipality_gets_an_edition_with_its_name_initiatives_and_quotes_verbatim(report_site: Path, code: str):
    data = load(REPO / "data")
    assert sorted(report_municipalities()) == sorted(data.municipalities["kommunekode"])
    for row in each(data.municipalities[data.municipalities["kommunekode"] == code].itertuples()):
        path = report_site / "pdf" / f"kulturens-rige-{row.slug}.pdf"
        title = f"Kulturens Rige – {row.name}"
        text = pdf_text(path, title)
        assert squeeze(f"Udgaven for {row.name}") in text and squeeze(f"Kommunekode{row.kommunekode}") in text
        for initiative in data.initiatives.loc[data.initiatives["kommunekode"] == row.kommunekode, "title"]:
            assert squeeze(initiative) in text, (row.name, initiative)
        tied = data.quotes[data.quotes["kommunekode"] == row.kommunekode]
        for quote in tied.itertuples():
            if quote.attribution == "inferred" and quote.cleared != "ja":
                # The edition follows the pages' default: no inferred tie of a quote not cleared, nor its reason (ADR 33).
                assert squeeze(quote.attribution_rationale) not in text, quote.quote_id
                continue
            assert squeeze(quote.text) in text, (row.name, quote.quote_id)
            if quote.attribution == "inferred":
                assert squeeze(quote.attribution_rationale) in text, quote.quote_id
        assert squeeze(data.fingerprint) not in text  # in its properties (ADR 108)
        assert squeeze(f"Kommunekode{row.kommunekode} (redaktionens tilføjelse)") in text
        assert squeeze(f"Region{row.region} (redaktionens tilføjelse)") in text
        check_accessible(path, title, EDITION_PAGES, figures=len(drawn_diagrams(data, row.kommunekode)))
        check_contents(path, minimum=10)
        check_vector_only(path)
        check_pdf_ua(path)


@pytest.mark.long
@pytest.mark.build
def test_the_built_page_and_the_whole_book_pdf_say_whose_absence_each_empty_value_of_figure_1_is(report_site: Path):
    """read21 #1, where a reader meets it: the built page's table of Figure 1 and the whole-book PDF printed 'ikke angivet'
    under the bare headings Form, Dato and Sted, and the legend 'tom: sted ikke angivet'."""
    page = BeautifulSoup((report_site / "kulturens-rige.html").read_text(encoding="utf-8"), "html.parser")
    cells = [td.get_text(" ", strip=True) for td in page.select("details table td")]
    # In the one form of an absence, as every download cell says it (ADR 109, reading 30, #2).
    absent = "ikke angivet i rapporten"
    assert absent in cells and NOT_STATED not in cells
    text = pdf_text(report_site / "pdf" / "kulturens-rige.pdf", "Kulturens Rige")
    # The heading's first words: pdftotext may read the rest of a wrapped heading after the first row's cells, and a
    # table broken over two pages repeats its heading on the second.
    start = text.index(squeeze("Begivenhed (red.)"))  # the mark, its key at the chapter's end (ADR 40)
    table = text[start : text.index(squeeze("Fakta om forløbet"), start)]
    # A cell wraps, and pdftotext reads a wrapped row's lines in its own order: count the cells, not the rows.
    events = load(REPO / "data").programme_events
    left_out = sum(int((events[column] == NOT_STATED).sum()) for column in ("mode", "date", "place"))
    assert table.count(squeeze(absent)) == left_out and squeeze(NOT_STATED) not in table.replace(squeeze(absent), "")
    assert squeeze(f"tom: stedet er {absent}") in text and squeeze("tom: sted ikke angivet") not in text


@pytest.mark.long
@pytest.mark.build
def test_the_whole_book_pdf_prints_each_editors_mark_where_its_page_has_one(report_site: Path):
    """The s20 reading, #1: the marks became buttons (ADR 40) and the whole-book PDF dropped them all: Køge's code,
    region and starting point, the quote cards' kinds and Figure 1's title stood unmarked, though every chapter's key
    said what »(red.)« means. Each mark a printed block keeps reads after the words before it, as on the page; a table's
    cells are left to the page's own test, as pdftotext reads a wrapped cell's lines in its own order."""
    text = pdf_text(report_site / "pdf" / "kulturens-rige.pdf", "Kulturens Rige")
    mark = squeeze(provenance.owner_mark(provenance.EDITORS_SHORT))
    left_out = f"{editions.DROPPED_SELECTOR}, table"

    def printed(node: Tag) -> bool:
        return not any(soupsieve.match(left_out, p) for p in node.find_parents())

    missing, found = [], 0
    for chapter in editions.book_chapters(report_site):
        page = BeautifulSoup((report_site / chapter.path).read_text(encoding="utf-8"), "html.parser")
        for button in filter(printed, page.select("article.bd-article button.kr-red")):  # not in a table or left out
            # A profile's line on the checklists under each ingredient's „I guiden“ names the whole book's one
            # checklist instead, without the mark of the ingredients' ties, which that checklist carries (ADR 102).
            if editions.GUIDE_SHARES_SAID.search(str(button.find_previous(string=True))):
                continue
            before = ""
            for string in button.find_all_previous(string=True):
                if type(string) is NavigableString and printed(string):
                    before = squeeze(string) + before
                if len(before) >= 10:
                    break
            # Every mark prints as the page's short mark, keyed at the chapter's end (ADR 81; reading 21, finding 3 had
            # spelled a kind's mark out, which put "(redaktionens titel)" into running sentences).
            said = before[-10:] + mark
            found += 1
            if said not in text:
                missing.append((chapter.path, said))
    # Fewer since a block says whose once at its end (ADR 55): 17 marks printed from buttons in the report's data.
    assert found > 10 and not missing, missing
    # An editors' title keeps the page's short mark, as Figure 1's title does (ADR 61, 81); the profiles and the lists
    # of quotes say whose once, at the block's end (ADR 55).
    kept = ("Musikalske besøg af seniorband og musikskole (red.)",)
    for said in (*kept, "Figur 1 (red.). Forløbet i Kulturens Rige."):
        assert squeeze(said) in text, said
    # The columns of the comparison: each heading once, not after the names that stand over them on the web.
    names = "|".join(re.escape(squeeze(n)) for n in load(REPO / "data").municipalities["name"])
    assert not re.search(rf"(?:{names}){squeeze('Køge')}{squeeze('Indsatser')}", text)


@pytest.mark.build
def test_the_whole_book_has_every_chapter_in_reading_order(report_site: Path):
    path = report_site / "pdf" / "kulturens-rige.pdf"
    text = pdf_text(path, "Kulturens Rige")
    cursor = text.index(squeeze("Indhold"))
    # Once in the table of contents, then once more as each chapter's heading, in the same order.
    for chapter in editions.book_chapters(report_site) * 2:
        cursor = text.index(squeeze(chapter.title), cursor) + len(squeeze(chapter.title))
    data = load(REPO / "data")
    for quote in each(data.quotes.itertuples()):
        assert squeeze(quote.text) in text, quote.quote_id
    pages = [(report_site / c.path).read_text(encoding="utf-8") for c in editions.book_chapters(report_site)]
    charts = sum(page.count('<figure class="kr-figure"') for page in pages)
    check_accessible(path, "Kulturens Rige", BOOK_PAGES, figures=charts)
    check_contents(path, minimum=len(editions.book_chapters(report_site)))
    check_vector_only(path)
    check_pdf_ua(path, PDF_UA_ACCEPTED_IN_BOOK)


@pytest.mark.build
def test_the_whole_book_pdf_is_the_report_and_the_data_chapter_is_the_analysts_own_edition(report_site: Path):
    """Issue 22, item 2: a consultant printing the whole book got some 40 pages of data chapter, data dictionary and
    validation messages. The whole book holds the pages a reader reads, the references last; the analysts' pages are
    their own edition, in reading order, as accessible as every other, offered on the data chapter's page."""
    reader = [c.title for c in editions.book_chapters(report_site)]
    analysts = [c.title for c in editions.book_chapters(report_site, analysts=True)]
    assert analysts and "Dataordbog" in analysts and "Referencer" in reader and reader[-1] == "Referencer"
    book, theirs = report_site / "pdf" / editions.file_name(), report_site / "pdf" / editions.ANALYSTS_FILE
    with pikepdf.open(book) as pdf:
        assert not set(outline_titles(pdf)) & set(analysts), outline_titles(pdf)
    text = pdf_text(theirs, editions.ANALYSTS_TITLE)
    cursor = text.index(squeeze("Indhold"))
    for title in each(analysts * 2):  # in the contents, then as each chapter's heading, in the same order
        cursor = text.index(squeeze(title), cursor) + len(squeeze(title))
    with pikepdf.open(theirs) as pdf:  # check_accessible's tags are a report's (figures, quotes): these are its basics
        assert str(pdf.Root.Lang) == "da" and bool(pdf.Root.MarkInfo.Marked) is True
        assert " ".join(str(pdf.docinfo.Title).split()) == editions.ANALYSTS_TITLE
        assert {"/H1", "/H2", "/P", "/Table", "/TH", "/TD"} <= {str(e.S) for e in struct_elements(pdf)}
    check_contents(theirs, minimum=len(analysts))
    check_vector_only(theirs)
    check_pdf_ua(theirs, PDF_UA_ACCEPTED_IN_BOOK)
    chapter = (report_site / f"{cards.DATA_CHAPTER}.html").read_text(encoding="utf-8")
    href = f"../pdf/{editions.ANALYSTS_FILE}"
    assert re.search(rf'<a href="{re.escape(href)}" type="application/pdf">Hent kapitlet om data og metode som PDF</a>', chapter)


@pytest.mark.build
def test_no_edition_loses_a_real_hyphen_at_a_line_break(report_site: Path):
    """Reading 18: a line ending in a real hyphen reads as a word hyphenated at the break in pdftotext and every tool
    that copies a PDF's text ('KL-' / 'huset' -> 'KLhuset'): every hyphenated word of the quotes reads whole in each
    edition. A table's narrow columns may still break a name after its hyphen (printing.kept_whole_at_hyphens), which
    the PDF's text read as printed (pdftotext -raw) keeps."""
    data = load(REPO / "data")
    hyphenated = {w for text in data.quotes["text"] for w in re.findall(r"\w+(?:-\w+)+", text)}
    assert "KL-huset" in hyphenated
    for path in each(sorted((report_site / "pdf").glob("*.pdf"))):
        raw = ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"]
        text = subprocess.run(raw, capture_output=True, text=True, check=True).stdout.replace("-\n", "-")
        words = set(re.findall(r"\w+", text))
        lost = [w for w in hyphenated if w.replace("-", "") in words]
        assert not lost, (path.name, lost)


@pytest.mark.build
def test_the_built_pages_link_to_their_editions_with_size_saying_pdf_once(report_site: Path):
    """Reader31, #8: „Hent hele bogen som PDF (PDF, 1,1 MB)“ said PDF twice; the link says it, the size follows."""
    data = load(REPO / "data")
    for row in data.municipalities.itertuples():
        page = (report_site / "kommuner" / f"profil-{row.slug}.html").read_text(encoding="utf-8")
        link = re.search(r'<a href="([^"]+)" type="application/pdf">Hent (.+?)-udgaven som PDF</a> \(([\d,.]+ [kM]B)\)', page)
        assert link and link.group(1) == f"../pdf/kulturens-rige-{row.slug}.pdf" and link.group(2) == row.name
    front = (report_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="pdf/kulturens-rige.pdf" type="application/pdf">Hent hele bogen som PDF</a> \([\d,]+ MB\)', front)


# Body text as a printed report's (issue 22): Chromium shrank every page to fit a table wider than the page.
BODY_TEXT_POINTS = (10, 11)
# A page whose text ends above this share of it is short. A drawing with its title, the tallest block that must
# stay whole (editions.PLOT_HEIGHT), takes at most two thirds of a page, so only a break before a chapter leaves less.
SHORT_PAGE = 1 / 3


@pytest.mark.build
def test_every_edition_is_set_in_body_text_of_10_to_11_points(report_site: Path):
    for path in each(sorted((report_site / "pdf").glob("*.pdf"))):
        size = body_text_size(path)
        assert BODY_TEXT_POINTS[0] <= size <= BODY_TEXT_POINTS[1], (path.name, round(size, 2))


# Words of the web book's navigation and controls: a link to where a reader starts or to their municipality, a
# download, a tap.
WEB_ONLY_WORDS = [
    "Start her",
    "Din kommune",
    "Guiden som tjekliste",
    "Mere om at citere",
    "bogen som PDF",
    "udgaven som PDF",
    "Tryk på",
    "Klik på",
    "Tryk eller klik",
]


@pytest.mark.build
def test_no_edition_prints_the_web_books_navigation(report_site: Path):
    """The whole-book PDF printed the front page's 'Start her: Læs bogens gengivelse forfra · Din kommune · …', 'Hent
    hele bogen som PDF' inside that very PDF, each profile's link to its own edition and 'Tryk på et tal …'."""
    data = load(REPO / "data")
    titles = {"kulturens-rige.pdf": "Kulturens Rige"} | {
        f"kulturens-rige-{row.slug}.pdf": f"Kulturens Rige – {row.name}" for row in data.municipalities.itertuples()
    }
    for name, title in each(sorted(titles.items())):
        text = pdf_text(report_site / "pdf" / name, title)
        assert [w for w in WEB_ONLY_WORDS if squeeze(w) in text] == [], name


def _named(value: object) -> str:
    """A dictionary entry as text, an object of its own (a mask) by its number: pikepdf prints every stream alike."""
    return f"obj {value.objgen}" if isinstance(value, pikepdf.Object) and value.is_indirect else repr(value)


def _stored_images(path: Path) -> list[tuple[bytes, str]]:
    """Every picture a PDF stores, as its bytes and its dictionary."""
    with pikepdf.open(path) as document:
        return [
            (bytes(o.read_bytes()), repr(sorted((str(k), _named(v)) for k, v in o.items() if k not in ("/Length", "/Filter"))))
            for o in document.objects
            if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Image"
        ]


@pytest.mark.build
def test_the_pages_that_link_to_the_editions_keep_the_sites_permissions(report_site: Path, data):
    """The front page, the profiles and kr-data.js were rewritten owner-only (0600) by the PDF links: a web server
    running as another user answered 404 for them, and the filter was gone on every page. The links now rewrite the
    sentence files beside kr-data.js (browser.SENTENCE_FILES)."""
    mode = stat.S_IMODE((report_site / "baggrund.html").stat().st_mode)
    # The sentence files the build writes: the "on" position's only where the data hold an inferred tie.
    static = [report_site / "_static" / browser.SENTENCE_FILES[inferred] for inferred in browser.sentence_positions(data)]
    rewritten = [report_site / "index.html", *static, *(report_site / "kommuner").glob("profil-*.html")]
    for page in each(rewritten):
        assert stat.S_IMODE(page.stat().st_mode) == mode, (page.name, oct(page.stat().st_mode))


@pytest.mark.build
def test_no_edition_stores_the_same_picture_twice(report_site: Path):
    """Guldborgsund's edition was 2.4 MB against 0.55–0.94 MB for the others: Chromium wrote the picture of a hatched
    bar's pattern once per bar (45 times 48 kB). Each picture is stored once."""
    for path in each(sorted((report_site / "pdf").glob("*.pdf"))):
        images = _stored_images(path)
        assert len(images) == len(set(images)), (path.name, len(images), len(set(images)))


def test_identical_pictures_are_stored_once_and_a_different_one_stays(tmp_path: Path):
    document = pikepdf.new()
    pictures = [b"\x80" * 300, b"\x80" * 300, b"\x10" * 300]
    for picture in pictures:
        image = document.make_stream(picture, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image, Width=10, Height=10,
                                     ColorSpace=pikepdf.Name.DeviceRGB, BitsPerComponent=8)  # fmt: skip
        page = pikepdf.Page(pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, 10, 10]))
        page.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
        page.obj.Contents = document.make_stream(b"q 10 0 0 10 0 0 cm /Im0 Do Q")
        document.pages.append(page)
    assert share_identical_images(document) == 1
    document.save(tmp_path / "shared.pdf")
    images = _stored_images(tmp_path / "shared.pdf")
    assert sorted(picture for picture, _ in images) == [b"\x10" * 300, b"\x80" * 300]
    with pikepdf.open(tmp_path / "shared.pdf") as saved:
        used = [page.Resources.XObject.Im0.read_bytes() for page in saved.pages]
    assert used == pictures


def _tagged_pdf(pages: list[bytes], destinations: tuple[str, ...] = ()) -> bytes:
    """A PDF whose pages draw `pages` (content streams), each page's text tagged as one P of a tag tree, with a named
    destination on the first page for each of `destinations`."""
    document = pikepdf.new()
    font = document.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica))
    root = document.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot, K=pikepdf.Array()))
    for content in pages:
        page = pikepdf.Page(pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, 200, 100]))
        page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        page.obj.Contents = document.make_stream(content)
        document.pages.append(page)
        element = pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.P, P=root, Pg=document.pages[-1].obj, K=0)
        root.K.append(document.make_indirect(element))
    document.Root.StructTreeRoot = root
    place = [document.pages[0].obj, pikepdf.Name.XYZ, 0, 50, 0]
    document.Root.Dests = pikepdf.Dictionary({"/" + name: pikepdf.Array(place) for name in destinations})
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _text_line(text: str, y: int = 50) -> bytes:
    return f"/P <</MCID 0>> BDC BT /F1 10 Tf 10 {y} Td ({text}) Tj ET EMC".encode()


def test_the_contents_page_printed_again_replaces_only_what_its_page_draws():
    """An edition is printed whole once with its contents' page numbers blank, and the pages up to the contents' last
    printed again with the numbers in: those pages draw the new print and keep their place in the tag tree, and the
    place marks' destinations are gone; a page whose text moved (another line, another tag) cannot, and the whole is
    then printed again."""
    blank = _tagged_pdf([_text_line("Kapitel 1   "), _text_line("Kapitel 1 her")], ("kapitel-1", "kr-kort-1"))
    numbered = _tagged_pdf([_text_line("Kapitel 1  2")])
    spliced = with_front_pages(blank, numbered, {"kr-kort-1"})
    assert spliced is not None
    with pikepdf.open(io.BytesIO(spliced)) as document:
        drawn = [page.Contents.read_bytes() for page in document.pages]
        tagged_pages = [element.Pg.objgen for element in struct_elements(document)]
        assert sorted(tagged_pages) == sorted(page.obj.objgen for page in document.pages)
        assert list(document.Root.Dests.keys()) == ["/kapitel-1"]
    assert drawn == [_text_line("Kapitel 1  2"), _text_line("Kapitel 1 her")]
    moved = _tagged_pdf([_text_line("Kapitel 1  2") + b" " + _text_line("ny linje", 30)])
    assert with_front_pages(blank, moved, set()) is None


# An edition in small: its contents (with places for the page numbers, macros.html), two chapters, a card each.
SMALL_EDITION = """<!DOCTYPE html><html lang="da"><head><title>Lille udgave</title><style>
html { font-family: "DejaVu Sans", sans-serif; } .kr-chapter { break-before: page; }
.kr-place-mark { display: block; height: 0; } .fyld { height: 180mm; }
</style></head><body><nav><h1>Indhold</h1>{entries}</nav>{chapters}
<script>document.documentElement.dataset.krReady = 'ja'</script></body></html>"""


def _small_edition() -> str:
    entry = '<p><a href="#{0}"><span class="kr-toc-title">{1}</span> <span class="kr-toc-page">&#8199;&#8199;&#8199;</span></a></p>'
    chapter = (
        '<section class="kr-chapter"><h2 id="{0}">{1}</h2><div class="kr-card">Et kort om {1}.</div><div class="fyld"></div></section>'
    )
    names = [("kapitel-1", "Første kapitel"), ("kapitel-2", "Andet kapitel")]
    entries, chapters = ("".join(template.format(*name) for name in names) for template in (entry, chapter))
    return SMALL_EDITION.replace("{entries}", entries).replace("{chapters}", chapters)


@pytest.mark.browser  # printed by Chromium
@own_thread  # Playwright's sync API, beside the session's (support/threads.py)
def test_an_edition_is_printed_whole_once_and_only_its_contents_again_with_the_page_numbers(tmp_path: Path):
    """The print that finds where the chapters end and the cards stand is the published one: an edition whose layout
    stands after it is printed whole once, and its contents' page once more with the page numbers in (it was an
    untagged draft and then the whole again). The marks' links are hidden, so no trace of them is published."""
    prints = []
    job = PrintJob(_small_edition(), tmp_path / "lille.pdf", "Lille udgave")

    def printed_by_chromium():
        with started_chromium() as chromium:
            page = Page(chromium, [tmp_path])
            page.load(job, tmp_path)
            pdf = page.page.pdf

            def counted(**options):
                prints.append((options.get("tagged"), options.get("page_ranges", "alle")))
                return pdf(**options)

            page.page.pdf = counted
            page.load = lambda *_: None
            return page.print(job, tmp_path)

    # In its own thread, as report_site's printers: a browser test's session-wide Playwright, run before this one in
    # the same process (a long test goes first), keeps an asyncio loop running there, where the sync API will not start.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as worker:
        printed, links = worker.submit(printed_by_chromium).result()
    printing.write_finished(printed, job, links)
    assert prints == [(True, "alle"), (True, "1-2")]
    assert squeeze("Første kapitel 2 Andet kapitel 3") in squeeze(
        subprocess.run(["pdftotext", "-l", "1", str(job.output), "-"], capture_output=True, text=True, check=True).stdout
    )
    with pikepdf.open(job.output) as document:
        assert sorted(document.Root.Dests.keys()) == ["/kapitel-1", "/kapitel-2"]
        leads = [(n, str(link.Dest)) for n, page in enumerate(document.pages, start=1) for link in page.get("/Annots", [])]
    assert set(leads) == {(1, "/kapitel-1"), (1, "/kapitel-2")}


def test_a_picture_named_after_its_mask_in_the_same_round_is_shared_in_the_next(tmp_path: Path):
    """A grey picture shown on its own comes first, and two pictures' masks have its bytes: their masks are pointed at
    it, which gives those pictures a key no picture had when the round began; the page naming them is read later in
    the same round. They are shared in the next round (it was a KeyError)."""
    document = pikepdf.new()
    grey = {"Type": pikepdf.Name.XObject, "Subtype": pikepdf.Name.Image, "Width": 10, "Height": 10, "BitsPerComponent": 8}
    alone = document.make_stream(b"\x40" * 100, ColorSpace=pikepdf.Name.DeviceGray, **grey)
    masked = [
        document.make_stream(
            b"\x80" * 300,
            ColorSpace=pikepdf.Name.DeviceRGB,
            SMask=document.make_stream(b"\x40" * 100, ColorSpace=pikepdf.Name.DeviceGray, **grey),
            **grey,
        )
        for _ in range(2)
    ]
    page = pikepdf.Page(pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, 10, 10]))
    page.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=alone, Im1=masked[0], Im2=masked[1]))
    page.obj.Contents = document.make_stream(b"q 10 0 0 10 0 0 cm /Im0 Do /Im1 Do /Im2 Do Q")
    document.pages.append(page)
    assert share_identical_images(document) == 3  # two masks, then one picture
    document.save(tmp_path / "shared.pdf")
    assert len(_stored_images(tmp_path / "shared.pdf")) == 2


def _masked_pages(masks: list[bytes]) -> pikepdf.Pdf:
    """A PDF of one page per mask, each showing the same 10×10 picture under that grey mask (/SMask)."""
    document = pikepdf.new()
    for alpha in masks:
        mask = document.make_stream(alpha, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image, Width=10, Height=10,
                                    ColorSpace=pikepdf.Name.DeviceGray, BitsPerComponent=8)  # fmt: skip
        image = document.make_stream(b"\x80" * 300, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image, Width=10, Height=10,
                                     ColorSpace=pikepdf.Name.DeviceRGB, BitsPerComponent=8, SMask=mask)  # fmt: skip
        page = pikepdf.Page(pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, 10, 10]))
        page.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
        page.obj.Contents = document.make_stream(b"q 10 0 0 10 0 0 cm /Im0 Do Q")
        document.pages.append(page)
    return document


def test_pictures_alike_but_with_different_masks_both_stay(tmp_path: Path):
    """A hostile round: two pictures of the same bytes with masks of different bytes were taken for one."""
    document = _masked_pages([b"\x00" * 100, b"\xff" * 100])
    assert share_identical_images(document) == 0
    masks = [page.Resources.XObject.Im0.SMask.read_bytes() for page in document.pages]
    assert masks == [b"\x00" * 100, b"\xff" * 100]


def test_a_picture_and_its_mask_repeated_are_stored_once(tmp_path: Path):
    """A hatched bar's picture carries a grey mask (/SMask) of its own, written again with every copy: the masks are
    shared first, and the pictures with them."""
    document = _masked_pages([b"\x40" * 100] * 3)
    assert share_identical_images(document) == 4  # two masks, then two pictures
    document.save(tmp_path / "shared.pdf")
    assert sorted(picture for picture, _ in _stored_images(tmp_path / "shared.pdf")) == [b"\x40" * 100, b"\x80" * 300]


@pytest.mark.build
def test_a_page_breaks_early_only_before_a_chapter(report_site: Path):
    """A page less than a third full is the last, or ends a chapter that began on an earlier page, and the next
    page begins a chapter: a chapter short enough to leave its page mostly empty shares it with the next."""
    for path in each(sorted((report_site / "pdf").glob("*.pdf"))):
        with pikepdf.open(path) as pdf:
            chapters = chapter_pages(pdf)
        fills = page_fill(path)
        short = [n for n, fill in enumerate(fills[:-1], start=1) if fill < SHORT_PAGE]
        early = [(n, round(fills[n - 1], 2)) for n in short if n + 1 not in chapters or n in chapters]
        assert early == [], (path.name, early)


@pytest.mark.build
def test_no_chapter_leaves_its_last_page_nearly_empty(report_site: Path):
    """The whole book's pages 4 and 6 held the last three or four lines of a chapter, the next one beginning a new
    page. A chapter that would leave its last page less than a third full now lets the next one run on below it
    (printing.RUN_ON_BELOW): no page of any edition but its last is that empty."""
    for path in each(sorted((report_site / "pdf").glob("*.pdf"))):
        fills = page_fill(path)
        assert [(n, round(fill, 2)) for n, fill in enumerate(fills[:-1], start=1) if fill < SHORT_PAGE] == [], path.name


def page_texts(path: Path) -> list[str]:
    """Each page's text, squeezed (pdftotext ends every page with a form feed)."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [squeeze(page) for page in text.split("\f")]


def _starts_at(path: Path, page: int, text: str) -> float:
    """How far down the text area of a page (0 at the top margin, 1 at the bottom one) the line stands that begins
    `text` (squeezed)."""
    top, bottom = (float(MARGIN[side].removesuffix("mm")) * MM for side in ("top", "bottom"))
    ((_, height, lines),) = page_lines(path, page, page)
    for line_top, _, words in lines:
        line = squeeze("".join(word[2] for word in words))
        if line and (text.startswith(line) or line.endswith(text[: len(line)]) or text[:20] in line):
            return (line_top - top) / (height - top - bottom)
    return 1.0


@pytest.mark.build
def test_a_card_breaks_across_pages_only_where_kept_whole_it_would_leave_half_a_page_empty(report_site: Path, data):
    """Egedal's edition split a quote card over pages 9 and 10, its frame open with blank space inside. A card (a
    quote's words, an initiative's title and description) now stands whole on one page, unless it begins in the
    upper half of a page: kept whole, it would have left that much empty (printing.CARD_GAP)."""
    cards_ = [[squeeze(t)] for t in data.quotes["text"]] + [
        [squeeze(r.title), squeeze(r.description)] for r in data.initiatives.itertuples()
    ]
    for path in each(sorted((report_site / "pdf").glob("*.pdf"))):
        pages = page_texts(path)
        whole = "".join(pages)
        split = [
            (start, round(_starts_at(path, start, parts[0]), 2), parts[-1][:40])
            for parts in cards_
            if all(part[:40] in whole for part in parts) and not any(all(part in page for part in parts) for page in pages)
            for start in [next(n for n, page in enumerate(pages, start=1) if parts[0][:40] in page)]
        ]
        assert [card for card in split if card[1] >= printing.CARD_GAP + CARD_LABEL] == [], (path.name, split)


def outline_levels(path: Path) -> list[tuple[str, int, int]]:
    """(title, level from 1, page from 1) of every bookmark in reading order."""
    with pikepdf.open(path) as pdf:
        pages = {page.obj.objgen: n for n, page in enumerate(pdf.pages, start=1)}
        found = []
        with pdf.open_outline() as outline:
            stack = [(item, 1) for item in outline.root]
            while stack:
                item, level = stack.pop(0)
                if isinstance(item.destination, pikepdf.Array) and len(item.destination):
                    found.append((" ".join(str(item.title).split()), level, pages.get(item.destination[0].objgen, 0)))
                stack = [(child, level + 1) for child in item.children] + stack
    return found


@pytest.mark.build
def test_the_whole_books_cards_print_no_chip_or_section_line_naming_the_chapter_they_stand_in(report_site: Path, data):
    """Reader of session 26, finding 3: in the chapter »Fælles fundamenter« every card ended „● 2 Fælles fundamenter“
    and „Afsnit: Fælles fundamenter“, the chapter's own name twice under each quote. On an ingredient's chapter's
    pages of quotes (its first section's, to the page where its second begins) no card prints its chip or its
    section's line. The chapter's attention points and guide items are no cards and keep theirs."""
    path = report_site / "pdf" / editions.file_name()
    pages, marks = page_texts(path), outline_levels(path)
    for ingredient in each(list(data.ingredients.itertuples())):
        n, level = next((n, m[1]) for n, m in enumerate(marks) if m[0] == ingredient.name)
        after = marks[n + 1 :]
        chapters_end = next((k for k, (_, other, _) in enumerate(after) if other <= level), len(after))
        inside = [(title, page) for title, other, page in after[:chapters_end] if other == level + 1]
        (quotes, start), (_, end) = inside[0], inside[1]
        # From the heading of its quotes: the page may begin with the end of the chapter before (its guide's chips).
        chapter = "".join(pages[start - 1 : max(start, end - 1)]).partition(squeeze(quotes))[2]
        assert squeeze(f"Afsnit: {filters.section_title(data, ingredient.section_id)}") not in chapter, (ingredient.name, start)
        assert squeeze(f"{ingredient.number} {ingredient.name}") not in chapter, (ingredient.name, start)


# Above a quote's words a card holds its padding and perhaps its label ("★ Citat knyttet til …"): its first line of
# words stands this much of a page below the card's top.
CARD_LABEL = 0.05


# A municipality's edition leaves no page emptier than this but a chapter's last (the next page begins a chapter, or
# the edition ends there).
HALF_PAGE = 1 / 2


@pytest.mark.build
def test_a_municipalitys_edition_leaves_no_page_half_empty_but_a_chapters_last(report_site: Path):
    """Køge's pages 2 and 7 were half empty: a long initiative's card, kept whole, went on to the next page, and the
    ingredients' chapter began a page of its own after a short one. Issue 22: a page was left a third full before a
    drawing of one bar (Egedal) or of no bar of the municipality's own (Guldborgsund, page 3), which broke to the next
    page; such a chart is a sentence now (editions.worth_drawing), and no figure is excused."""
    for path in each(sorted((report_site / "pdf").glob("kulturens-rige-*.pdf"))):
        with pikepdf.open(path) as pdf:
            starts = chapter_pages(pdf)
        fills = page_fill(path)
        half = [(n, round(fill, 2)) for n, fill in enumerate(fills[:-1], start=1) if fill < HALF_PAGE and n + 1 not in starts]
        assert half == [], (path.name, half)


def content_pages(element: pikepdf.Object, pages: dict, page: pikepdf.Object | None = None) -> set[int]:
    """The pages (from 1) that a tagged element's content is drawn on: its marked content, and its children's."""
    if not isinstance(element, pikepdf.Dictionary):  # a marked-content id, on the page its element names
        return {pages[page.objgen]} if page is not None else set()
    page = element.get("/Pg", page)
    if "/MCID" in element:  # a marked-content reference
        return {pages[page.objgen]} if page is not None else set()
    kids = element.get("/K")
    found: set[int] = set()
    for kid in kids if isinstance(kids, pikepdf.Array) else [] if kids is None else [kids]:
        found |= content_pages(kid, pages, page)
    return found


def tagged_in_order(element: pikepdf.Object) -> list[pikepdf.Dictionary]:
    """Every element of a tag tree in reading order (struct_elements gives them in no order)."""
    kids = element.get("/K") if isinstance(element, pikepdf.Dictionary) else None
    listed = kids if isinstance(kids, pikepdf.Array) else [] if kids is None else [kids]
    inside = [kid for kid in listed if isinstance(kid, pikepdf.Dictionary)]
    return [element] * ("/S" in element) + [found for kid in inside for found in tagged_in_order(kid)]


@pytest.mark.build
def test_every_drawing_stands_whole_on_one_page_with_its_title(report_site: Path):
    """Egedal's diagram 3 began at the foot of page 7 and went on at the top of page 8: its label "Leg, mod og læring"
    and its axis title ("ngrediens") were cut at the break, its title and notes a page from its last bars (the s20
    reader). A drawing (a tagged Figure) is drawn on one page, and an edition's "Diagram N." title on that page too."""
    data = load(REPO / "data")
    for path in each(sorted((report_site / "pdf").glob("*.pdf"))):
        with pikepdf.open(path) as pdf:
            pages = {page.obj.objgen: n for n, page in enumerate(pdf.pages, start=1)}
            drawn = [sorted(content_pages(e, pages)) for e in tagged_in_order(pdf.Root.StructTreeRoot) if e.S == "/Figure"]
        assert [at for at in drawn if len(at) != 1] == [], (path.name, drawn)
        if path.name in (editions.file_name(), editions.ANALYSTS_FILE):  # the book's pages number no diagrams
            continue
        texts = page_texts(path)
        code = data.municipalities.loc[data.municipalities["slug"] == path.stem.removeprefix("kulturens-rige-"), "kommunekode"].iloc[0]
        numbers = drawn_diagrams(data, code)
        assert len(numbers) == len(drawn), (path.name, numbers, drawn)
        # An editors' diagram is titled „Diagram 1 (red.).“ (ADR 81): the title is its number, the mark, then the stop.
        mark = re.escape(squeeze(" " + provenance.owner_mark(provenance.EDITORS_SHORT)))
        titles = [re.compile(rf"Diagram{number}(?:{mark})?\.") for number in numbers]
        titled = [next(n for n, text in enumerate(texts, start=1) if title.search(text)) for title in titles]
        assert titled == [at[0] for at in drawn], (path.name, titled, drawn)


@pytest.mark.build
def test_the_chosen_municipality_is_marked_in_every_figure_and_table_of_its_edition(report_site: Path):
    """Each diagram says how the municipality is marked, and its table marks the municipality's column with the sign."""
    data = load(REPO / "data")
    for row in each(data.municipalities.itertuples()):
        title = f"Kulturens Rige – {row.name}"
        text = pdf_text(report_site / "pdf" / f"kulturens-rige-{row.slug}.pdf", title)
        # An editors' diagram carries the short mark after its number, „Diagram 1 (red.).“ (ADR 81): the pattern counted
        # „Diagram 1.“ only and found none once the mark stood there.
        mark = re.escape(squeeze(" " + provenance.owner_mark(provenance.EDITORS_SHORT)))
        diagrams = len(re.findall(squeeze("Diagram ") + rf"\d+(?:{mark})?\.", text))
        assert diagrams >= 1
        notes = (squeeze(editions.mark_note(row.name)), squeeze(editions.highlight_note(row.name)), squeeze(editions.untied_note(row.name)))
        # Where the data tie no quote to any municipality, the quotes' diagram has no column to mark and says nothing of one;
        # a chart not worth drawing is a sentence, with no marks of a drawing to explain (editions.worth_drawing).
        unmarked = 0 if views.any_tied(data) else 1
        assert sum(text.count(note) for note in notes) == len(drawn_diagrams(data, row.kommunekode)) - unmarked, row.name
        # The name's first word: a table's header may wrap the rest ("Høje-" / "Taastrup") below the next column's. A
        # stacked chart's table heads its column "★ Heraf Køge (fremhævet)" (charts.py); a table that runs on over a
        # page repeats its head, which made up for that column's count while the pages fell so.
        first = re.split(r"[\s-]", row.name)[0]
        marked = text.count(editions.CHOSEN_SIGN + first) + len(
            re.findall(re.escape(editions.CHOSEN_SIGN) + r"Heraf(?:ved)?" + re.escape(first), text)
        )
        assert marked >= diagrams - unmarked, row.name


@pytest.mark.build
def test_no_edition_says_a_table_marks_its_municipality_where_the_table_has_no_column_of_it(report_site: Path):
    """Reading 21's look at Egedal's p. 7: where the data tie no quote, Diagram 3's table has no column of Egedal's, yet
    its note said "Egedal er markeret i tabellen med ★": a mark the page lacked. Each 'markeret i tabellen' note stands
    only beside a table whose head carries the sign before the municipality's name."""
    data = load(REPO / "data")
    for row in each(data.municipalities.itertuples()):
        text = pdf_text(report_site / "pdf" / f"kulturens-rige-{row.slug}.pdf", f"Kulturens Rige – {row.name}")
        claims = text.count(squeeze(editions.untied_note(row.name)))
        first = re.split(r"[\s-]", row.name)[0]
        columns = len(re.findall(re.escape(editions.CHOSEN_SIGN) + r"Heraf(?:ved)?" + re.escape(first), text))
        assert claims <= columns, row.name


@pytest.mark.build
def test_no_heading_is_left_at_the_foot_of_a_page(report_site: Path):
    """A heading of any level, or a quote card's label ("★ Citat knyttet til Egedal"), goes onto the next page
    with what follows it (edition.css, break-after: avoid)."""
    labels = [f"★ Citat knyttet til {name}" for name in load(REPO / "data").municipalities["name"]]
    for path in each(sorted((report_site / "pdf").glob("*.pdf"))):
        assert stranded_headings(path, labels) == [], path.name


def leads_left_at_a_pages_foot(path: Path) -> list[tuple[int, str]]:
    """(page, lines) for each page but the last whose last line of text (above the footer) ends in a colon: a sentence
    leading into what stands overleaf, such as „Rapporten nævner selv dette opmærksomhedspunkt:“ under its heading
    „Opmærksomhedspunkter“. The outline-based test of headings (stranded_headings) sees only a heading that is a
    page's last text, and a lead is no bold line (pages_ending_in_bold)."""
    bottom_margin = float(MARGIN["bottom"].removesuffix("mm")) * MM
    found = []
    pages = page_lines(path)
    for n, (_, height, lines) in enumerate(pages[:-1], start=1):
        text = [" ".join(word[2] for word in words) for _, low, words in lines if low < height - bottom_margin and words]
        if text and text[-1].rstrip().endswith(":"):
            found.append((n, " / ".join(text[-2:])))
    return found


@pytest.mark.build
def test_no_page_ends_with_a_lead_or_a_heading_and_its_lead_without_what_they_lead_into(report_site: Path):
    """Reader31 #7: Egedal's p. 8 ended with „Opmærksomhedspunkter“ and „Rapporten nævner selv dette
    opmærksomhedspunkt:“, the point on p. 9; so did Aarhus', Guldborgsund's and Ringkøbing-Skjern's editions, and the
    analysts' edition ended p. 5 with „Sådan ser arkene ud med de data, denne udgave er bygget fra:“, the table on p. 6.
    A lead goes over the page with the first lines of what it leads into, and its heading with it (editions.LEADS_ON)."""
    for path in each(sorted((report_site / "pdf").glob("*.pdf"))):
        assert leads_left_at_a_pages_foot(path) == [], (path.name, leads_left_at_a_pages_foot(path))


def page_of(path: Path, text: str) -> int:
    """The first page (from 1) whose text, spaces aside, holds `text`'s first words; 0 if none."""
    words = squeeze(" ".join(text.split()[:8]))
    pages = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout.split("\f")
    return next((n for n, page in enumerate(pages, start=1) if words in squeeze(page)), 0)


@pytest.mark.build
def test_the_checklists_heading_and_lead_in_stand_on_the_page_of_its_first_item(report_site: Path):
    """Reader review 5, #6: the checklist's heading and the paragraph leading into it stood at a page's foot, every
    item overleaf; no heading with only its lead-in is a page's last text (edition.css, .kr-lead-in)."""
    data = load(REPO / "data")
    first = data.guide_recommendations.sort_values("position").iloc[0].text
    for path in each(sorted((report_site / "pdf").glob("kulturens-rige-*.pdf"))):
        heading = [page for title, page in outline_pages(path.read_bytes()) if title == "Guidens anbefalinger: tjekliste"]
        assert heading and heading[0] == page_of(path, first), (path.name, heading, page_of(path, first))


@pytest.mark.build
def test_the_contents_are_whole_numbered_list_by_list_and_give_each_headings_page(report_site: Path):
    """Every number and page number of the table of contents lies inside the page's text area (the whole book's
    "13." was clipped), each sub-list counts from 1, and each page number is its heading's page."""
    for path in each(sorted((report_site / "pdf").glob("*.pdf"))):
        assert contents_problems(path) == [], path.name


def test_an_editions_tables_and_charts_mark_its_municipality_as_the_web_does(data, edition_charts):
    """Every table of a municipality's edition marks the municipality's column (bold, framed, the sign before its
    name in the header) and no other; a heatmap's column is drawn as bars beside all municipalities' in another
    colour, with its name in the legend; the quotes' bars keep their pieces with the municipality's part in full
    colour and the rest faint, as on the web; and every figure says what the marks mean."""
    edition_charts = edition_charts
    for row in each(data.municipalities.itertuples()):
        page = BeautifulSoup(editions.municipality_edition(data, row.kommunekode, STAMP, edition_charts, PLOTLY_JS.as_uri()), "html.parser")
        for figure in each(page.select(".kr-figure")):
            island = figure.select_one("script.kr-edition-figure")
            if island is None:  # a sentence for a chart not worth drawing (editions.worth_drawing): its table marks alike
                heads = [th.get_text() for th in figure.select("table thead th.kr-chosen")]
                assert len(heads) == 1 and row.name in heads[0] and figure.select_one(".kr-mark-note") is None, heads
                continue
            plot = json.loads(island.string)
            stacked = plot["layout"].get("barmode") == "stack"
            faint = [t for t in plot["data"] if "muted" in t.get("meta", {})]
            # None of the quotes the municipality's: no bar dimmed, as on the web (reader review 18, #2).
            note = (editions.highlight_note if faint else editions.untied_note)(row.name) if stacked else editions.mark_note(row.name)
            table = figure.select_one("table")
            heads = [th.get_text() for th in table.select("thead th.kr-chosen")]
            if stacked and not faint and not views.any_tied(data):
                # No quote tied to any municipality: the table has no column of its quotes to mark (s20 reader, #1), and
                # the figure says nothing of a mark (reading 21's look at Egedal's p. 7).
                assert heads == [] and figure.select_one(".kr-mark-note") is None, heads
                continue
            assert figure.select_one(".kr-mark-note").get_text() == note
            assert len(heads) == 1 and heads[0].startswith(f"{editions.CHOSEN_SIGN}\N{NO-BREAK SPACE}"), heads
            assert row.name in heads[0], heads
            column = [th.get_text() for th in table.select("thead th")].index(table.select_one("thead th.kr-chosen").get_text())
            for line in each(table.select("tbody tr")):
                cells = line.find_all(["th", "td"])
                assert [i for i, cell in enumerate(cells) if "kr-chosen" in cell.get("class", [])] == [column]
            names = [trace.get("name") for trace in plot["data"]]
            if stacked:
                assert not faint or (len(faint) == len(plot["data"]) // 2 and names == names[: len(faint)] * 2), names
                continue
            assert names[0] == html.escape(row.name, quote=False) and names[1] == charts.ALL_MUNICIPALITIES, names
            colours = [trace["marker"]["color"] for trace in plot["data"]]
            assert colours[0] != colours[1] and plot["layout"].get("showlegend") is not False


def test_words_with_a_real_hyphen_are_kept_on_one_line_in_text_only():
    """printing.kept_whole_at_hyphens: text gets the spans; the head, scripts, pictures, code and tags do not; a table's
    hyphenated word breaks after its hyphen, kept with the letter before it (reader s23, #10), and a list of ids after
    its separators (read21d), an entity stays whole."""
    document = (
        '<head><title>Høje-Taastrup</title></head><p class="a-b">i KL-huset, dem - hvordan <code>a-b</code> '
        "kulturens-rige-ringkoebing-skjern-egedal.pdf</p><svg><text>x-y</text></svg><script>a-b</script>"
        "<table><tr><th>Høje-Taastrup</th><td>dans;musik &amp; sang</td><td><code>a-b</code></td></tr></table>"
    )
    assert printing.kept_whole_at_hyphens(document) == (
        '<head><title>Høje-Taastrup</title></head><p class="a-b">i <span class="kr-nobr">KL-huset,</span> '
        '<span class="kr-nobr">dem - hvordan</span> <code>a-b</code> kulturens-rige-ringkoebing-skjern-egedal.pdf</p>'
        '<svg><text>x-y</text></svg><script>a-b</script><table><tr><th>Høj<span class="kr-nobr">e-</span><wbr>Taastrup</th>'
        "<td>dans;<wbr>musik &amp; sang</td><td><code>a-b</code></td></tr></table>"
    )
    # A table's address, already broken after its '/' (editions._printable_address_breaks), breaks at no hyphen: the
    # whole book printed "…/kultur-og-" / "sundhed/".
    address = '<a href="https://x.dk/kultur-og-sundhed/"><span class="kr-nobr">https://</span><wbr/><span class="kr-nobr">x.dk/</span></a>'
    address = address.replace("x.dk/</span>", 'x.dk/</span><wbr/><span class="kr-nobr">kultur-og-sundhed/</span>')
    cell = f"<table><tr><td>{address}</td></tr></table>"
    assert printing.kept_whole_at_hyphens(cell) == cell


def test_the_reports_words_in_a_table_cell_are_kept_whole_at_their_hyphens():
    """A quoted passage in a cell (»…«) keeps its hyphenated words on one line: broken after the hyphen, the PDF's text
    read »mental wellbeing« in the whole book's »Hvor værkerne citeres«, not the report's words (ADR 76). The cell's
    other words still break after their hyphens."""
    cell = "<table><tr><td>»A state of mental well-being that […]«</td><td>Høje-Taastrup</td></tr></table>"
    assert printing.kept_whole_at_hyphens(cell) == (
        '<table><tr><td>»A state of mental <span class="kr-nobr">well-being</span> that […]«</td>'
        '<td>Høj<span class="kr-nobr">e-</span><wbr>Taastrup</td></tr></table>'
    )


def test_a_long_word_costs_the_hyphen_keeping_time_in_proportion_to_its_length():
    """A 30,000-letter word without a space (accepted in a quote) took kept_whole_at_hyphens 30 s, once per edition
    that printed it (the pattern tried every start of the word to its end): build_pdf took 5x as long (issue 25)."""
    word = "x" * 30_000
    started = time.perf_counter()
    kept = printing.kept_whole_at_hyphens(f"<p>{word} a-b</p>")
    assert time.perf_counter() - started < 2.0
    assert kept == f'<p>{word} <span class="kr-nobr">a-b</span></p>'


def test_a_wide_short_table_is_printed_turned_and_a_narrow_one_as_it_is():
    """Ten columns do not fit an A4 page: the printed book swaps a wide table's rows and columns, headers and all."""
    head = "".join(f'<th scope="col">K{j}</th>' for j in range(10))
    rows = "".join(f'<tr><th scope="row">R{i}</th>' + "".join(f"<td>{i}{j}</td>" for j in range(1, 10)) + "</tr>" for i in range(3))
    narrow = (
        '<table><thead><tr><th scope="col">A</th><th scope="col">B</th></tr></thead>'
        '<tbody><tr><th scope="row">x</th><td>1</td></tr></tbody></table>'
    )
    page = BeautifulSoup(f"<article><table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>{narrow}</article>", "html.parser")
    editions._printable_wide_tables(page.article, page)
    wide, kept = page.select("table")
    assert [th.get_text() for th in wide.select("thead th")] == ["", "R0", "R1", "R2"]
    assert [th["scope"] for th in wide.select("thead th")] == ["col"] * 4
    lines = [[cell.get_text() for cell in tr.find_all(["th", "td"])] for tr in wide.select("tbody tr")]
    assert lines[0] == ["K1", "01", "11", "21"] and lines[-1] == ["K9", "09", "19", "29"] and len(lines) == 9
    assert all(tr.find("th")["scope"] == "row" for tr in wide.select("tbody tr"))
    assert str(kept) == narrow


def test_the_cover_marks_code_and_region_as_the_editors_additions():
    """The report names neither municipality codes nor regions; the edition says whose they are, in the book's words."""
    data = load(REPO / "data")
    page = editions.municipality_edition(data, "259", STAMP, editions.EditionCharts.compute(data), PLOTLY_JS.as_uri())
    cover = BeautifulSoup(page, "html.parser").select_one("header.kr-cover")
    facts = {dt.get_text(): dt.find_next_sibling("dd").get_text(" ", strip=True) for dt in cover.select(".kr-stamp dt")}
    # The code stands in »Om kilderne«, not on the cover (reader32, #8; ADR 123).
    assert "Kommunekode" not in facts
    assert facts["Region"] == "Region Sjælland (redaktionens tilføjelse)"
    assert facts["Kommune (officielt navn)"] == "Køge"  # reading 14, #17: only a name the editors respelled is marked
    note = "Kommunekode og region er redaktionens tilføjelser: rapporten nævner hverken kommunekoder eller regioner."
    # Said after the contents on the cover's page (ADR 90: one note before the contents, the retelling rule).
    assert note in BeautifulSoup(page, "html.parser").select_one("nav.kr-toc ~ .kr-after-toc").get_text(" ", strip=True)
    # The overview chapter says the same through the one provenance wording, not in fixed words of its own.
    overview = (REPO / "book" / "kommuner" / "oversigt.ipynb").read_text(encoding="utf-8")
    # ADR 112 (reader31, #1): in the page's fold, in full words.
    called = 'lists.whose_in_full(data, \\"Kolonnerne Kommunekode og Region\\", '
    assert called + '\\"municipalities.kommunekode\\", \\"municipalities.region\\")' in overview
    assert "Rapporten nævner ingen kommunekoder" in str(lists.whose(data, "municipalities.kommunekode"))
    checklist = BeautifulSoup(page, "html.parser").select(".kr-checklist li")
    # ADR 81: each point's ingredients read "Ingredienser (red.): …"; the chapter's lead says the coupling is the editors'.
    assert checklist and all("Ingredienser (red.):" in item.get_text(" ", strip=True) for item in checklist)
    # ADR 100: the lead says whose the ties are and why. Since ADR 123 (reader32, #8) a point close to the report's
    # words gives only the report's, so the lead no longer calls every point the editors'.
    lead = checklist[0].find_parent(class_="kr-checklist").find_previous("p").get_text()
    assert "Rapporten kobler ikke guidens anbefalinger til ingredienserne; koblingen er redaktionens læsning." in lead


def test_a_heatmap_prints_as_coloured_cells_with_its_numbers_and_labels():
    """The labels are the chart model's plain text (figures.Axes), escaped once by the grid's template."""
    trace = {
        "type": "heatmap",
        "x": ["K&amp;ge", "Ikke angivet"],
        "y": ["Etablering af<br>”vi”", "&lt;b&gt;x"],
        "z": [[0, 4], [2, 0]],
        "colorscale": [[0.0, "#00224e"], [0.5, "#7c7b78"], [1.0, "#fee838"]],
    }
    axes = figures.Axes(["Etablering af ”vi”", "<b>x"], ["K&ge", "Ikke angivet"], ["259", ""])
    grid = BeautifulSoup(editions.heatmap_grid(trace, axes), "html.parser")
    assert [th.get_text() for th in grid.select(".kr-heat-column")] == ["K&ge", "Ikke angivet"]
    assert [th.get_text() for th in grid.select(".kr-heat-row")] == ["Etablering af ”vi”", "<b>x"]
    cells = grid.select(".kr-heat-cell")
    assert [c.get_text() for c in cells] == ["0", "4", "2", "0"]
    # The scale runs from the smallest to the largest count; text is black or white, whichever contrasts more.
    assert cells[0]["style"] == "background: #00224e; color: #ffffff"
    assert cells[1]["style"] == "background: #fee838; color: #000000"
    assert cells[2]["style"].startswith("background: #7c7b78")
    wide = {**trace, "x": [f"K{i}" for i in range(20)], "z": [[i for i in range(20)], [0] * 20]}
    names = [f"K{i}" for i in range(20)]
    swapped = BeautifulSoup(editions.heatmap_grid(wide, figures.Axes(axes.rows, names, names)), "html.parser")
    assert len(swapped.select(".kr-heat-row")) == 20 and len(swapped.select(".kr-heat-column")) == 2
    assert "repeat(2, auto)" in swapped.select_one(".kr-heat")["style"] and not swapped.select("table")


def test_the_printed_matrix_keeps_the_webs_scale_and_draws_the_untied_column_over_it(tied_data):
    """Issue 22: the printed grid spread its colours from the smallest to the largest count, 'Uden kommune''s, so every
    municipality's cell was near the scale's start. It ends where the web's does, at the municipalities' highest
    count, and draws the cells above it in their own colour (charts.OVER_SCALE), the count readable on it."""
    chart = charts.ingredient_municipality_matrix(tied_data)
    heat, over, _ = chart.plot(views.ALL)["data"]
    grid = BeautifulSoup(editions.heatmap_grid(heat, chart.axes, over), "html.parser")
    styles = [c["style"] for c in grid.select(".kr-heat-cell")]
    places = [(i, j) for i in range(len(heat["z"])) for j in range(len(chart.axes.columns))]
    for (i, j), style in zip(places, styles, strict=True):
        if heat["z"][i][j] > heat["zmax"]:
            assert style.startswith(f"background: {charts.OVER_SCALE['light']}; color: #ffffff"), (i, j)
        else:
            assert charts.OVER_SCALE["light"] not in style, (i, j)
    highest = [s for (i, j), s in zip(places, styles, strict=True) if heat["z"][i][j] == heat["zmax"]]
    assert highest and all(s.startswith(f"background: {charts.HEAT_STOPS['light'][-1]}") for s in highest), highest


def test_a_printed_long_list_says_how_many_cards_it_shows_of_all(monkeypatch):
    """The first page of cards is HTML and the rest JSON rows: the printed note counts both."""
    monkeypatch.setenv("KR_LIST_LIMIT", "3")
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    data = load(REPO / "data")
    section = str(cards.quote_list(data, data.quotes))
    article = BeautifulSoup(f"<article>{section}</article>", "html.parser").article
    editions._printable_long_lists(article)
    total = len(cards.group_turns(data.quotes))
    assert article.select_one(".kr-list-nojs").get_text() == f"Udgaven viser de første 2 kort af {total}; alle står i bogen."


def test_the_general_quotes_are_made_once_before_the_printers_start():
    """The printers are processes that inherit what EditionCharts.compute made: general quotes left to the first
    edition would be made again in every printer."""
    data = load(REPO / "data")
    shared = editions.EditionCharts.compute(data).general_quotes
    assert set(shared) == set(data.ingredients["ingredient_id"])
    assert editions.ingredient_items(data, "259", shared) == editions.ingredient_items(data, "259")


def _page(script: str) -> str:
    body = f"<h1>Overskrift</h1><p>Tekst.</p><script>{script}</script>"
    return f'<!doctype html><html lang="da"><head><title>T</title></head><body>{body}</body></html>'


@pytest.mark.browser  # printed by Chromium
def test_printers_make_each_html_as_they_take_the_job_and_a_failed_figure_stops_the_run(tmp_path: Path):
    made = []

    def page() -> str:
        made.append("x")  # in the printer's process: the parent's list stays empty
        return _page("document.documentElement.dataset.krReady = 'ja'")

    jobs = [PrintJob(page, tmp_path / f"ok-{n}.pdf", "T") for n in range(3)]
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as worker:
        assert worker.submit(print_pdfs, jobs).result() == [job.output for job in jobs]
        assert made == [] and all("Overskrift" in pdf_text(job.output, "T") for job in jobs)
        failing = [*jobs, PrintJob(_page("document.documentElement.dataset.krReady = 'fejl'"), tmp_path / "fejl.pdf", "T")]
        with pytest.raises(PrintError, match="fejl.pdf: figurerne kunne ikke tegnes"):
            worker.submit(print_pdfs, failing).result()
    assert not (tmp_path / "fejl.pdf").exists()


@pytest.mark.browser  # printed by Chromium
def test_a_printer_swaps_each_later_edition_with_the_same_head_into_its_page(tmp_path: Path):
    """plotly.js is parsed once per printer: an edition whose head (style sheet, scripts) is the one loaded is
    swapped into the page, with its own title and body, and drawn by the page's krDraw (figures.js)."""
    head = "<script>window.krDraw = () => { window.draws = (window.draws || 0) + 1; const d = document.documentElement;"
    head += " document.body.append(`tegning ${window.draws}`); d.dataset.krReady = 'ja'; };</script>"

    def edition(n: int) -> str:
        body = f"<h1>Udgave {n}</h1><p>Tekst &amp; mere.</p><script>window.krDraw()</script>"
        return f'<!DOCTYPE html><html lang="da"><head><title>Titel {n} &amp; co</title>{head}</head><body>{body}</body></html>'

    jobs = [PrintJob(edition(n), tmp_path / f"u{n}.pdf", f"Titel {n} & co") for n in (1, 2)]
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as worker:
        worker.submit(print_pdfs, jobs, 1).result()
    first, second = (pdf_text(job.output, job.title) for job in jobs)
    assert squeeze("Udgave 1 Tekst & mere. tegning 1") in first
    assert squeeze("Udgave 2 Tekst & mere. tegning 2") in second and "Udgave1" not in second
    with pikepdf.open(jobs[1].output) as pdf:
        assert str(pdf.docinfo.Title) == "Titel 2 & co"


@pytest.mark.build  # the README's recipes' book and its PDFs (tests/test_recipes.py's `recipes_book`, made once per run)
@pytest.mark.browser  # printed by Chromium
def test_an_eighth_municipality_gets_its_own_edition(recipes_book: tuple[Path, Path]):  # noqa: F811 (the fixture imported above)
    """The recipe "Ny kommune" adds an eighth municipality to data/'s seven (Vejle: one initiative, two quotes
    `stated`) and runs `make pdf`: its edition is checked here, where this test printed the edition of
    tests/fixtures/eighth_municipality/ (the same shape: one initiative, two quotes `stated`) by itself."""
    data_dir, site = recipes_book
    data = load(data_dir)
    added = sorted(set(data.municipalities["kommunekode"]) - set(report_municipalities()))
    assert len(added) == 1, added
    code = added[0]
    row = data.municipalities[data.municipalities["kommunekode"] == code].iloc[0]
    path = site / "pdf" / editions.file_name(row["slug"])
    assert path.name == f"kulturens-rige-{row.slug}.pdf"
    title = f"Kulturens Rige – {row['name']}"
    text = pdf_text(path, title)
    assert squeeze(row["name"]) in text
    for initiative in each(data.initiatives.loc[data.initiatives["kommunekode"] == code, "title"]):
        assert squeeze(initiative) in text
    for quote in each(data.quotes.loc[data.quotes["kommunekode"] == code, "text"]):
        assert squeeze(quote) in text
    check_accessible(path, title, EDITION_PAGES, figures=len(drawn_diagrams(data, code)))
    check_vector_only(path)
    check_pdf_ua(path)


@pytest.mark.long
@pytest.mark.browser  # printed by Chromium
@pytest.mark.parametrize("code", ["259", HOSTILE_MUNICIPALITY])  # each printed in a test of its own, side by side
def test_hostile_data_is_printed_as_text_and_makes_no_link_or_script(hostile_folder: Path, tmp_path: Path, code: str):
    data_dir = hostile_folder
    data = load(data_dir)
    pdfs = municipality_pdfs(data_dir, tmp_path / "pdf", [code])
    assert list(pdfs) == [code]
    path = pdfs[code]
    row = data.municipalities[data.municipalities["kommunekode"] == code].iloc[0]
    title = f"Kulturens Rige – {row['name']}"
    text = pdf_text(path, title)
    assert squeeze(row["name"]) in text
    for initiative in data.initiatives.loc[data.initiatives["kommunekode"] == code].itertuples():
        assert squeeze(initiative.title) in text and squeeze(initiative.description) in text
    for quote in data.quotes.loc[data.quotes["kommunekode"] == code].itertuples():
        assert squeeze(quote.text) in text, quote.quote_id
        if quote.attribution == "inferred":
            assert squeeze(quote.attribution_rationale) in text
    with pikepdf.open(path) as pdf:
        assert all(t == "/GoTo" for t in link_targets(pdf)), link_targets(pdf)
        no_active_content(pdf)
    if code == HOSTILE_MUNICIPALITY:
        # PDF/UA once for the two, on this one: both editions are made by the same code path (`municipality_pdfs`),
        # and this one holds the extremes (the whole attack as its name and title of over 200 characters, the
        # 100,000-character quote, an inferred tie's reason of payloads: 195 pages). Køge's exchange and organisation
        # rows are printed by the code test_every_municipality_gets_an_edition_… checks with outloud on data/'s seven.
        # outloud costs about 6 s of CPU an edition this long. The fixture's names and titles are paragraphs of
        # payloads, and the PDF keeps them as the document title and the headings they are.
        check_pdf_ua(path, {**PDF_UA_ACCEPTED, "HDG-011": "a heading of many sentences", "DOC-040": "a title of over 200 characters"})
        long_quote = data.quotes.loc[data.quotes["quote_id"] == "hostile-lang", "text"].iloc[0]
        assert squeeze(long_quote) in text


class _Listener:
    """A host on 127.0.0.1 that notes every path asked of it: a printed document must ask it nothing."""

    def __init__(self) -> None:
        asked = self.asked = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
                asked.append(self.path)
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.address = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def payloads(self, *, navigation: bool) -> str:
        """Markup that asks the host for something in every way a page can: pictures, styles, scripts, frames, a
        fetch, a beacon, and with `navigation` a move to another page (which no Content-Security-Policy governs)."""
        at = self.address
        moves = f'addEventListener("load", () => {{ location.href = "{at}/navigation"; open("{at}/window"); }});' if navigation else ""
        return (
            f'<img src="{at}/img"><link rel="stylesheet" href="{at}/css"><script src="{at}/js"></script>'
            f'<iframe src="{at}/frame"></iframe><object data="{at}/object"></object><p style="background: url({at}/style)">x</p>'
            f'<script>fetch("{at}/fetch").catch(() => {{}}); navigator.sendBeacon("{at}/beacon"); new Image().src = "{at}/image";'
            f"{moves}</script>" + (f'<meta http-equiv="refresh" content="0; url={at}/refresh">' if navigation else "")
        )


@pytest.mark.browser  # printed by Chromium
def test_the_printer_makes_no_request_but_for_the_sites_files_whatever_its_html_asks(tmp_path: Path):
    """Defence in depth, apart from the editions' policy: a document that asks another host for things in every way
    (forged, with no policy of its own) is printed, and the host is asked nothing."""
    host = _Listener()
    document = (
        '<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>T</title></head><body><h1>Overskrift</h1>'
        f"{host.payloads(navigation=True)}"
        "<script>document.documentElement.dataset.krReady = 'ja'</script></body></html>"
    )
    job = PrintJob(document, tmp_path / "forfalsket.pdf", "T")
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as worker:
        worker.submit(print_pdfs, [job]).result()
    assert "Overskrift" in pdf_text(job.output, "T")
    time.sleep(0.5)  # what the page asked for as it closed has arrived by now
    assert host.asked == []


@pytest.mark.browser  # opened in Chromium
@own_thread  # Playwright's sync API, beside the session's (support/threads.py)
def _drawn(document: Path) -> tuple[str, int]:
    """The document opened in a Chromium that blocks nothing itself: figures.js's state, and the plots it drew."""
    with started_chromium() as chromium:
        page = chromium.new_page()
        page.goto(document.as_uri())
        page.wait_for_function("document.documentElement.dataset.krReady", timeout=60_000)
        return page.evaluate("document.documentElement.dataset.krReady"), page.locator(".kr-plot svg.main-svg").count()


def test_an_editions_policy_runs_only_its_drawing_and_fetches_nothing_from_another_host(tied_data, tmp_path: Path):
    """An edition printed from data whose quote is an <img src=http://…> shows it as text; and were markup ever to
    get through (here put into the HTML by hand), the edition's Content-Security-Policy runs none of it and fetches
    nothing, in a browser that blocks nothing itself, while figures.js still draws every chart. A navigation is no
    policy's to stop: the printer stops it (the test above)."""
    host = _Listener()
    quotes = tied_data.quotes.copy()
    tied = quotes.index[quotes["kommunekode"] != ""][0]
    quotes.loc[tied, "text"] = f"<img src={host.address}/data.png>"
    hostile = dataclasses.replace(tied_data, tables={**tied_data.tables, "quotes": quotes})
    code = quotes.loc[tied, "kommunekode"]
    charts_ = editions.EditionCharts.compute(hostile)
    document = editions.municipality_edition(hostile, code, STAMP, charts_, PLOTLY_JS.as_uri())
    assert html.escape(f"<img src={host.address}/data.png>", quote=False) in document
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', document)
    assert policy is not None and "default-src 'none'" in policy.group(1) and "unsafe" not in policy.group(1)
    forged = tmp_path / "udgave.html"
    forged.write_text(document.replace("</main>", host.payloads(navigation=False) + "</main>"), encoding="utf-8")
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as worker:  # Playwright's sync API, apart (municipality_pdfs)
        ready, plots = worker.submit(_drawn, forged).result()
    assert ready == "ja" and plots > 0
    time.sleep(0.5)
    assert host.asked == []


# -- the whole book's cleaning, and the links in the built pages ------------------------------------------


def _site(tmp_path: Path, article: str, name: str = "Køge") -> Path:
    site = tmp_path / "html"
    (site / "kommuner").mkdir(parents=True)
    nav = '<nav class="bd-docs-nav"><ul><li><a class="reference internal" href="kommuner/profil-koege.html">K</a></li></ul></nav>'
    (site / "index.html").write_text(f'<html><body>{nav}<article class="bd-article"><h1>Forside</h1><p>x</p></article></body></html>')
    profile = f'<html><body><article class="bd-article"><h1>{name}</h1>{article}</article></body></html>'
    (site / "kommuner" / "profil-koege.html").write_text(profile)
    return site


def test_the_printed_book_keeps_only_http_links_and_links_into_the_book(tmp_path: Path):
    site = _site(
        tmp_path,
        '<p><a href="javascript:alert(1)">js</a> <a href="https://example.org/x">ude</a> <a href="../index.html#a">bog</a>'
        ' <a href=" JaVaScRiPt:alert(1)">js2</a> <a href="data:text/html,x">data</a> <a href="mailto:a@b.dk">post</a></p>'
        '<script>window.x=1</script><img src="https://example.org/spor.png" alt="spor"><p onclick="x()">klik</p>',
    )
    chapter = editions.chapters(site)[1]
    offline = str(editions.printable_article(site, chapter, 2, ""))
    assert re.findall(r'href="([^"]*)"', offline) == ["https://example.org/x"]
    assert "<script" not in offline and "onclick" not in offline and "<img" not in offline
    assert ">js<" not in offline and "js" in offline and "bog" in offline
    online = str(editions.printable_article(site, chapter, 2, "https://bog.example.dk/kr/"))
    assert re.findall(r'href="([^"]*)"', online) == ["https://example.org/x", "https://bog.example.dk/kr/index.html#a"]
    assert editions.book_address("javascript:alert(1)") == "" and editions.book_address("https://a.dk/b") == "https://a.dk/b/"


def test_the_printed_book_reads_each_editors_mark_as_its_words_and_leaves_out_the_names_over_the_columns(tmp_path: Path):
    """The s20 reading, #1: the whole-book PDF dropped every '(red.)' with the page's buttons ("Interviewcitat ·",
    "Figur 1. Forløbet i Kulturens Rige ."), and printed the names that stand over the columns while they scroll
    right before the columns' own headings ("KøgeHøje-Taastrup")."""
    body = (
        '<p class="kr-card-kicker">Interviewcitat <span class="kr-by" title="redaktionens betegnelse">(red.)</span></p>'
        '<div class="kr-compare-names" aria-hidden="true"><span>Køge</span><span>Høje-Taastrup</span></div>'
        '<section class="kr-compare-column"><h3>Køge</h3></section>'
    )
    site = _site(tmp_path, extension.marks_explained(body, "../om-data/genkoersel.html#hvem"))
    printed = BeautifulSoup(str(editions.printable_article(site, editions.chapters(site)[1], 2, "")), "html.parser")
    assert not printed.select("button")
    # ADR 81: the whole-book PDF prints every mark as the page does, "(red.)", keyed by the page's key at the chapter's end.
    assert printed.select_one(".kr-card-kicker").get_text() == "Interviewcitat\u00a0(red.)"
    assert " ".join(printed.get_text(" ").split()).startswith("Køge Interviewcitat (red.) Køge")
    assert provenance.page_key() in printed.get_text(), "the key the marks open stands at the chapter's end"


def test_a_municipalitys_edition_links_only_within_itself_or_to_the_books_address(data, edition_charts):
    """With no quote tied to a municipality, the edition's sentence in place of its quotes linked the ingredient pages
    relatively: in the PDF each led to the printing's scratch folder (file:///tmp/kr-pdf-…/ingredienser/…)."""
    edition_charts = edition_charts
    for book_url in ("", "https://bog.example.dk/kr/"):
        stamp = dataclasses.replace(STAMP, book_url=book_url)
        for code in each(data.municipalities["kommunekode"]):
            page = editions.municipality_edition(data, code, stamp, edition_charts, PLOTLY_JS.as_uri())
            links = [str(a["href"]) for a in BeautifulSoup(page, "html.parser").select("a[href]")]
            outside = [h for h in links if not h.startswith("#") and not (book_url and h.startswith(book_url))]
            assert outside == [], (code, book_url, outside)


def test_a_printed_chapter_keeps_each_editors_mark_as_words_and_the_key_without_its_close_button(tmp_path: Path):
    """The marks are buttons that open the page's key (ADR 40), and the printed book drops buttons: Figure 1's
    'Begivenhed (red.)' printed as 'Begivenhed', whose word it is lost on paper."""
    body = extension.marks_explained("<table><tr><th>Begivenhed (red.)</th><td>Forløbets start</td></tr></table>", "x.html")
    chapter = editions.chapters(_site(tmp_path, body))[1]
    printed = BeautifulSoup(str(editions.printable_article(tmp_path / "html", chapter, 2, "")), "html.parser")
    assert printed.select_one("th").get_text() == "Begivenhed\N{NO-BREAK SPACE}(red.)"
    assert provenance.page_key() in printed.get_text() and not printed.select("button") and "Luk" not in printed.get_text()


def test_links_to_editions_appear_only_for_pdfs_that_exist_and_escape_the_name(tmp_path: Path):
    data = load(hostile_data(tmp_path / "hostile", base=with_inferred_ties(tmp_path / "tied")))
    site = tmp_path / "html"
    (site / "kommuner").mkdir(parents=True)
    article = '<html><body><article class="bd-article"><section><h1>T</h1><p>tekst</p></section></article></body></html>'
    for row in data.municipalities.itertuples():
        (site / "kommuner" / f"profil-{row.slug}.html").write_text(article)
    (site / "index.html").write_text(article)
    (site / "pdf").mkdir()
    (site / "pdf" / "kulturens-rige-koege.pdf").write_bytes(b"%PDF-1.7\n" + b"x" * 2400)
    write_browser_files(site / "_static", data)
    assert link_editions(site, data) == [site / "kommuner" / "profil-koege.html"]
    # The filter's bar offers the edition where nothing on a page depends on the choice: Køge's only.
    sentences = built_sentences(site / "_static")
    koege = data.municipalities.set_index("slug").at["koege", "kommunekode"]
    assert sentences[koege]["pdf_href"] == "pdf/kulturens-rige-koege.pdf" and "(2 kB)" in sentences[koege + "|uden-udledte"]["pdf"]
    # The view the edition is not (ADR 33), said of the edition.
    assert "(2 kB; den viser ikke tilknytninger udledt af redaktionen)" in sentences[koege]["pdf"]
    assert [key for key, s in sentences.items() if "pdf" in s] == [koege, koege + "|uden-udledte"]
    page = (site / "kommuner" / "profil-koege.html").read_text()
    # The link is the web's: an edition or a printed page leaves it out (kr-web-only).
    assert '<h1>T</h1><!-- kr-pdf --><p class="kr-edition-link kr-web-only"><a href="../pdf/kulturens-rige-koege.pdf"' in page
    assert "</a> (2 kB)" in page and "<img" not in page and "&lt;img src=x onerror=" in page
    assert "kr-pdf" not in (site / "index.html").read_text()
    (site / "pdf" / "kulturens-rige-koege.pdf").unlink()
    assert link_editions(site, data) == []
    assert (site / "kommuner" / "profil-koege.html").read_text() == article
    assert {f.name: f.read_text(encoding="utf-8") for f in (site / "_static").iterdir()} == browser.browser_files(data)
    assert with_link(article, "") == article


@pytest.mark.browser  # tries to start Chromium
def test_build_pdf_under_an_address_space_limit_says_in_one_line_that_chromium_cannot_start_and_leaves_the_site(tmp_path: Path):
    """Under `prlimit --as` neither Playwright's driver nor Chromium can reserve what it needs (hostile round 10, #7):
    one Danish line that says so and what to do, no traceback or native stack, and the site as it was."""
    site = _site(tmp_path, "<p>x</p>")
    write_record(site, {"data_fingerprint": load(REPO / "data").fingerprint, BUILT: "2023-11-14"})
    before = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*"))
    command = [sys.executable, str(REPO / "scripts" / "build_pdf.py"), "--data", str(REPO / "data"), "--site", str(site)]
    result = subprocess.run(["prlimit", "--as=1500000000", *command], capture_output=True, text=True, timeout=300)
    assert result.returncode == 1 and result.stderr.count("\n") == 1, result.stderr
    assert "Chromium kunne ikke startes" in result.stderr and "ulimit -v unlimited" in result.stderr
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")) == before


@pytest.mark.browser  # started by Playwright
@own_thread  # Playwright's sync API, beside the session's (support/threads.py)
def test_a_chromium_that_stops_while_it_works_is_one_line_naming_the_work():
    with started_chromium() as browser:
        browser.close()
        with pytest.raises(ChromiumFailed) as failed, driving("udskrivningen af x.pdf"):
            browser.new_page()
    assert str(failed.value).startswith("Chromium stoppede under udskrivningen af x.pdf") and "\n" not in str(failed.value)


@pytest.mark.parametrize(
    ("given", "reason"),
    [
        ("https://bruger:hemmelig@bog.example.dk/kr/", "har login-oplysninger (navn eller adgangskode før @)"),
        ("https://bog.example.dk/kr/?utm=pdf", "har en forespørgsel (?…)"),
        ("https://bog.example.dk/kr/#top", "har et fragment (#…)"),
        ("https://bog.example.dk/kr/\x1b[2J", "har mellemrum, styretegn eller usynlige tegn (fx et retningstegn)"),
        ("https://bog.example.dk/\u202ekr/", "har mellemrum, styretegn eller usynlige tegn (fx et retningstegn)"),
        ("ftp://bog.example.dk/", "er ikke en http(s)-adresse"),
        # Hostile round 13, #6: every internal link is made absolute with it; 100,000 characters ran for minutes.
        ("https://a.example/" + "a" * 3000, "er 3.018 tegn lang"),
    ],
)
def test_a_book_url_with_login_query_fragment_or_hidden_characters_is_refused_in_one_line(given: str, reason: str, tmp_path: Path):
    """Each would be printed into every published PDF; the check comes before any work (no site is needed)."""
    result = run_script("build_pdf", "--site", str(tmp_path / "ingen"), "--book-url", given)
    assert result.returncode == 2
    allowed = "tilladt: en http(s)-adresse på højst 2.000 tegn uden login, ?, # og styretegn, fx https://eksempel.dk/kulturens-rige/"
    assert result.stderr.splitlines() == [f"--book-url: {given!r} {reason}; {allowed}."]


@pytest.mark.parametrize(
    ("given", "reason"),
    [
        ("http://localhost:99999", "har portnummeret 99999; en port er et tal fra 1 til 65535"),
        ("http://localhost:0/", "har portnummeret 0; en port er et tal fra 1 til 65535"),
        ("http://[::1]:70000/kr/", "har portnummeret 70000; en port er et tal fra 1 til 65535"),
        ("https://bog.example.dk:x/", "har portnummeret 'x', som ikke er et tal; en port er et tal fra 1 til 65535"),
    ],
)
def test_a_book_url_with_a_port_out_of_range_is_said_to_have_a_wrong_port(given: str, reason: str, tmp_path: Path):
    """sec25d #3: `--book-url http://localhost:99999` was blamed on the scheme ('er ikke en http(s)-adresse')."""
    result = run_script("build_pdf", "--site", str(tmp_path / "ingen"), "--book-url", given)
    assert result.returncode == 2
    allowed = "tilladt: en http(s)-adresse på højst 2.000 tegn uden login, ?, # og styretegn, fx https://eksempel.dk/kulturens-rige/"
    assert result.stderr.splitlines() == [f"--book-url: {given!r} {reason}; {allowed}."]


def test_a_book_url_from_the_environment_is_refused_naming_the_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("KR_BOOK_URL", "https://bog.example.dk/kr/#top")
    result = run_script("build_pdf", "--site", str(tmp_path / "ingen"))
    assert result.returncode == 2 and result.stderr.startswith("KR_BOOK_URL: 'https://bog.example.dk/kr/#top' har et fragment (#…);")


def test_a_book_url_is_read_with_its_scheme_in_any_case():
    assert editions.book_address_problem("HTTPS://E.DK") is None
    assert editions.book_address("HTTPS://E.DK") == "https://E.DK/"
    assert editions.book_address("Http://bog.example.dk:8080/kr") == "http://bog.example.dk:8080/kr/"


def test_build_pdf_refuses_a_site_whose_pdf_folder_is_a_symlink_and_writes_nothing_outside(tmp_path: Path, monkeypatch):
    """rm -rf html/pdf && ln -s /outside html/pdf: the eight PDFs went to /outside, and an old file there was deleted
    as stale. The printer is stood in for by one that writes each job's file at once."""
    site = _site(tmp_path, "<p>x</p>")
    write_record(site, {"data_fingerprint": load(REPO / "data").fingerprint, BUILT: "2023-11-14"})
    outside = tmp_path / "ude"
    outside.mkdir()
    (outside / "kulturens-rige-gammel.pdf").write_bytes(b"%PDF en andens")
    (site / "pdf").symlink_to(outside)
    build = script("build_pdf")
    monkeypatch.setattr(build, "print_pdfs", lambda jobs: [job.output.write_bytes(b"%PDF") and job.output for job in jobs])
    monkeypatch.setattr(build, "link_editions", lambda site, data: [])
    result = run_script("build_pdf", "--site", str(site), "--data", str(REPO / "data"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        (
            f"PDF-udgaverne er ikke skrevet: pdf i bogen er et symbolsk link (til {outside}), og det, der skrives gennem det, "
            f"havner uden for bogen; byg bogen igen med make book (en ny bog har ingen links); bogen i {site.resolve()} er som før."
        )
    ]
    assert sorted(p.name for p in outside.iterdir()) == ["kulturens-rige-gammel.pdf"]
    assert sorted(p.name for p in site.parent.iterdir()) == ["html", "ude"]


def test_an_editions_link_says_it_leaves_out_the_inferred_ties_when_the_reader_has_turned_them_on(tmp_path: Path, tied_folder: Path):
    """The link to a municipality's edition was the same whichever position "Medtag udledte tilknytninger" had. The
    edition follows the pages' default and prints no inferred tie of a quote that is not cleared (ADR 33): where the
    municipality has such ties, the profile page's link has a note shown only with the switch on (kr-filter.js), and the
    bar's link says so in that view; an edition of a municipality without any says nothing."""
    data = load(tied_folder)
    site = tmp_path / "html"
    (site / "kommuner").mkdir(parents=True)
    (site / "pdf").mkdir()
    write_browser_files(site / "_static", data)
    article = '<html><body><article class="bd-article"><section><h1>T</h1></section></article></body></html>'
    for row in data.municipalities.itertuples():
        (site / "kommuner" / f"profil-{row.slug}.html").write_text(article)
        (site / "pdf" / f"kulturens-rige-{row.slug}.pdf").write_bytes(b"%PDF-1.7\n")
    link_editions(site, data)
    sentences = built_sentences(site / "_static")
    inferred = set(data.quotes.loc[data.quotes["attribution"] == "inferred", "kommunekode"])
    assert inferred and set(data.municipalities["kommunekode"]) - inferred
    for row in each(data.municipalities.itertuples()):
        page = BeautifulSoup((site / "kommuner" / f"profil-{row.slug}.html").read_text(), "html.parser")
        note = page.select_one(".kr-edition-link [data-kr-inferred=on]")
        on, off = sentences[row.kommunekode]["pdf"], sentences[f"{row.kommunekode}|uden-udledte"]["pdf"]
        assert "udledte" not in off and page.select_one(".kr-edition-link [data-kr-inferred=off]") is None
        if row.kommunekode in inferred:
            assert (
                note is not None
                and note.has_attr("hidden")
                and note.get_text(strip=True) == dict(inferred_notes(data, row.kommunekode))["on"]
            )
            assert "Udgaven viser ikke de tilknytninger, der er udledt af redaktionen" in note.get_text(strip=True)
            assert on.endswith("; den viser ikke tilknytninger udledt af redaktionen)"), on
        else:
            assert note is None and off == on


def test_build_pdf_refuses_a_book_built_from_other_data(tmp_path: Path):
    """build_pdf reads which data the site was built from in the build's own record, not in a page."""
    site = _site(tmp_path, "<p>x</p>")
    front = site / "index.html"
    # The footer's fingerprint is the data's, the record's another: the record decides.
    front.write_text(front.read_text() + f"<footer>fingeraftryk <code>{load(REPO / 'data').fingerprint}</code></footer>")
    write_record(site, {"data_fingerprint": "ffffffffff"})
    # In this process (support.scripts): three new interpreters, each importing pandas, cost more than the refusals.
    result = run_script("build_pdf", "--site", str(site))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and "bygget fra andre data" in result.stderr
    (site / "kr-build.json").unlink()
    result = run_script("build_pdf", "--site", str(site))
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "kr-build.json" in result.stderr
    assert not (site / "pdf").exists()
    result = run_script("build_pdf", "--site", str(tmp_path / "ingen"), "--book-url", "javascript:x")
    assert result.returncode == 2 and result.stderr.startswith("--book-url: 'javascript:x' er ikke en http(s)-adresse; tilladt:")


# A list item whose bullet shows and whose first box is a list whose first item's bullet shows too, on the same line:
# two bullets in a row ("• ◦ 4 Gnist og flamme"). Chromium draws a bullet as a shape, which pdftotext does not read,
# so the printed HTML is checked as Chromium lays it out for print.
TWO_BULLETS = """() => {
  const bulleted = (el) => getComputedStyle(el).display === 'list-item' && getComputedStyle(el).listStyleType !== 'none';
  return [...document.querySelectorAll('li')].filter((li) => {
    const first = li.firstElementChild;
    if (!bulleted(li) || !first || !['UL', 'OL'].includes(first.tagName)) return false;
    if (li.firstChild.textContent.trim() !== first.textContent.trim()) return false;
    const inner = first.firstElementChild;
    return inner && bulleted(inner) && Math.abs(inner.getBoundingClientRect().top - li.getBoundingClientRect().top) < 4;
  }).map((li) => li.textContent.replace(/\\s+/g, ' ').trim().slice(0, 80));
}"""


@pytest.mark.build
@pytest.mark.browser  # laid out by Chromium
def test_no_edition_prints_two_bullets_in_a_row(built_site: Path, data, edition_charts, page):
    """Issue 22: the whole book's profile of Køge printed "• ◦ 4 Gnist og flamme" under "Ingredienser i kommunens
    citater": a list of badges opened a list item, and both lists kept their bullets. Every edition, laid out for
    print, has no list item that starts with a second bullet."""
    made = edition_charts
    documents = {"kulturens-rige": editions.book_edition(built_site, data, STAMP, PLOTLY_JS.as_uri())}
    documents |= {
        r.slug: editions.municipality_edition(data, r.kommunekode, STAMP, made, PLOTLY_JS.as_uri())
        for r in data.municipalities.itertuples()
    }
    page.emulate_media(media="print")
    for name, document in each(list(documents.items())):
        page.set_content(document, wait_until="domcontentloaded")
        assert not page.evaluate(TWO_BULLETS), name


@pytest.mark.build
def test_no_pdf_table_splits_a_code_inside_a_word_or_loses_a_names_hyphen(report_site: Path):
    """read21d, #5: in the whole-book PDF the data chapter's codes broke mid-word ("municip" / "alities", "figur:k" /
    "unstfor" / "mer-") and the comparisons' headers broke "Høje-Taastrup" at its hyphen, which pdftotext reads as
    "HøjeTaastrup". Every code in a printed table reads whole, or broken only at a joint ('.', ':', '_', '-'), and no
    hyphenated municipality name loses its hyphen in any PDF. A name or a code breaks after its hyphen, as print does
    (reader s23, #10): read as printed (pdftotext -raw), the hyphen ends the line and the name reads whole across it."""
    data = load(REPO / "data")
    names = [name for name in data.municipalities["name"] if "-" in name]
    # The names: a code of one word, short enough to be kept whole (a message's whole line in code may wrap).
    codes = {
        code.get_text()
        for page in report_site.rglob("*.html")
        for code in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("table code")
        if " " not in code.get_text() and len(code.get_text()) <= printing.LONGEST_KEPT_WHOLE
    }
    assert names and "municipalities.kommunekode" in codes
    for path in each(sorted((report_site / "pdf").glob("*.pdf"))):
        raw = ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"]
        text = subprocess.run(raw, capture_output=True, text=True, check=True).stdout.replace("-\n", "-")
        assert "\u00ad" not in text, path.name
        words = set(re.findall(r"\w+", text))
        assert not [n for n in names if n.replace("-", "") in words], path.name
        if path.name == editions.ANALYSTS_FILE:  # the data chapter's edition (issue 22, item 2)
            # pdftotext reads a table's cells in its own order, so a code's parts are found as whole words each.
            tokens = set(re.findall(r"[^\W_]+", text))
            parts = {p for c in codes for p in re.findall(r"[^\W_]+", c)}
            assert not sorted(p for p in parts if p not in tokens), path.name


def _descendants(pid: int) -> set[int]:
    """Every process under `pid`, read from /proc: the printers, their Playwright drivers and Chromiums."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        try:
            parent = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1]) if entry.isdigit() else None
        except (OSError, IndexError):
            continue
        if parent is not None:
            children.setdefault(parent, []).append(int(entry))
    found: set[int] = set()
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.browser
@pytest.mark.long
def test_the_printers_end_with_build_pdf_killed_outright_and_leave_no_half_written_pdf(built_site: Path, tmp_path: Path):
    """sec25d #2: after a SIGKILL of build_pdf.py its printers printed on for half a minute into a copy of the site no
    one would swap in. They end with it now, with their Chromiums, leaving no PDF being written and no work folder."""
    site = tmp_path / "bog" / "html"
    shutil.copytree(built_site, site, symlinks=True)
    # A short TMPDIR: Chromium's profile under it holds a Unix socket, whose path may be at most 107 bytes, and under
    # pytest's own temporary folders (/tmp/pytest-of-root/pytest-6/popen-gw1/test_…/tmp) it was longer: Chromium
    # could not start, in every full run and never with a short --basetemp.
    tmp = Path(tempfile.mkdtemp(prefix="kr-"))
    before = {str(p.relative_to(site)): p.stat().st_mtime_ns for p in site.rglob("*")}
    command = [sys.executable, str(REPO / "scripts" / "build_pdf.py"), "--data", str(REPO / "data"), "--site", str(site)]
    env = {**os.environ, "TMPDIR": str(tmp)}
    said = tmp_path / "build_pdf.err"
    with said.open("wb") as errors:
        printer = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=errors)
    try:
        deadline = time.monotonic() + 300
        while not list(site.parent.glob(".html.*/pdf/*.pdf")) and printer.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert printer.poll() is None, f"build_pdf ended before its first PDF: {said.read_text(encoding='utf-8', errors='replace')}"
        under = _descendants(printer.pid)
        assert len(under) >= printing.PRINTERS
    finally:
        printer.kill()
        printer.wait()
    deadline = time.monotonic() + 10
    while any(_running(pid) for pid in under) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in under if _running(pid)]
    for pid in left:
        os.kill(pid, 9)
    assert left == [], "a printer, driver or Chromium outlived build_pdf.py by 10 s"
    assert list(tmp_path.rglob("*" + printing.WRITING)) == []
    assert list(tmp.iterdir()) == []
    tmp.rmdir()
    assert {str(p.relative_to(site)): p.stat().st_mtime_ns for p in site.rglob("*")} == before


@pytest.mark.build
def test_every_edition_names_its_data_in_its_properties_and_only_the_analysts_on_a_page_its_last(report_site: Path):
    """The cover is the report's, for a reader: the analysts' "datamappens fingeraftryk" stands on their edition's last
    page. A reader's edition ended on that line, the last thing a committee read (reader30 #6; ADR 108): it names its
    data folder and fingerprint in its document properties („Emne“), as every edition does."""
    said = squeeze(editions.Stamp("data", load(REPO / "data").fingerprint, dt.date(2026, 12, 1)).source)
    for path in each(sorted((report_site / "pdf").glob("*.pdf"))):
        pages = page_texts(path)
        with pikepdf.open(path) as pdf:
            assert squeeze(str(pdf.docinfo.get("/Subject", ""))) == said, path.name
            with pdf.open_metadata() as meta:
                assert squeeze(meta.get("dc:description", "")) == said, path.name
        assert "fingeraftryk" not in pages[0], path.name
        last = pages[-2 if not pages[-1] else -1]
        if path.name == editions.ANALYSTS_FILE:
            assert said in last, path.name
        else:
            assert not [n for n, page in enumerate(pages, start=1) if "fingeraftryk" in page], path.name


@pytest.mark.build
def test_no_page_of_any_edition_but_its_last_is_more_than_half_empty(report_site: Path):
    """Egedal's page 5 ended at 43 % of its height: the next figure's title, notes and drawing went on whole. A card
    kept whole that would leave more than printing.CARD_GAP of a page empty now breaks, its headings kept with their
    first lines, so no page before the last is more than half empty (measured as how far down each page's text
    reaches, with poppler). A drawing is never split (it cut its labels, issue 22): the page before one that opens the
    next page is a third full at least, as a drawing with its title takes two thirds of a page (editions.PLOT_HEIGHT).
    A drawing's title is "Diagram …" in a municipality's edition and the chart's own in the whole book's. So is the
    page before a municipality's chapter in the whole book: its heading goes onto the next page with its lines and its
    first card (editions.WITH_NEXT), as the opening of half a page, where Køge's heading and first lines stood at the
    foot of p. 16 and its cards overleaf (reader27 #3). So is the page before a chapter of the contents' first level,
    which begins a page unless the chapter before would leave a page less than a third full: »Værdiskabelser i
    Kulturens Rige« ran on in the bottom fifth of a page (reader29, F2; ADR 105)."""
    drawings = ("Diagram", *(squeeze(chart.title)[:9] for chart in charts.plotted(load(REPO / "data"))))
    found = editions.book_chapters(report_site)
    # A first-level chapter by its whole title: „Kulturens“ also begins a page of running text.
    chapters = (
        *(squeeze(c.title)[:9] for c in found if editions.is_profile(c)),
        *(squeeze(c.title)[:40] for c in found if 0 < c.depth <= 1),
    )
    for path in each(sorted((report_site / "pdf").glob("*.pdf"))):
        fills = page_fill(path)
        opens = [squeeze(text)[:40] for text in page_texts(path)]
        whole = (*drawings, *chapters) if path.name == editions.file_name() else drawings
        # The whole book's cover, and the analysts' edition's, stand alone on their page (.kr-cover-alone).
        first = 2 if path.name in (editions.file_name(), editions.ANALYSTS_FILE) else 1
        least = [SHORT_PAGE if opens[n].startswith(whole) else 1 / 2 for n in range(1, len(fills) + 1)]
        assert [(n, round(f, 2)) for n, f in enumerate(fills[first - 1 : -1], start=first) if f < least[n - 1]] == [], path.name


@pytest.mark.browser  # tries to start Chromium
def test_build_pdf_under_a_temporary_folder_too_long_for_chromiums_socket_names_the_folder_and_a_shorter_tmpdir(tmp_path: Path):
    """Chromium's socket lies in $TMPDIR, and its path may hold 107 bytes: under a longer TMPDIR the line said that the
    machine might lack memory (issue 25, #5). It names the folder, the limit and what to do; the site stays as it was."""
    site = _site(tmp_path, "<p>x</p>")
    write_record(site, {"data_fingerprint": load(REPO / "data").fingerprint, BUILT: "2023-11-14"})
    before = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*"))
    long_folder = Path("/tmp") / ("t" * 70)  # not under tmp_path: its listing is compared
    long_folder.mkdir(exist_ok=True)
    command = [sys.executable, str(REPO / "scripts" / "build_pdf.py"), "--data", str(REPO / "data"), "--site", str(site)]
    environment = {**os.environ, "TMPDIR": str(long_folder)}
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=300, env=environment)
    finally:
        shutil.rmtree(long_folder, ignore_errors=True)
    assert result.returncode == 1 and result.stderr.count("\n") == 1, result.stderr
    assert f"den midlertidige mappe (TMPDIR) {long_folder} har en sti på 75 bytes" in result.stderr
    assert "de 107 bytes, en Unix-socket må have" in result.stderr and "højst 62 bytes (fx TMPDIR=/tmp)" in result.stderr
    assert "hukommelse" not in result.stderr
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")) == before


def test_every_pdf_names_a_quote_kind_the_editors_gave_in_the_same_full_words(data, tmp_path: Path):
    """Reading 21, finding 3: the whole-book PDF printed 'Interviewcitat (red.)' where the municipal editions and
    kilder.csv say 'redaktionens betegnelse'. A card's kind mark on a page names its kind, and paper writes it out."""
    rows = data.quotes[data.quotes["kind"] == "interview"].head(1).to_dict("records")
    in_editions = cards.speaker_line(data, rows)[0]
    on_page = cards.speaker_line(data, rows, keyed=True)[0]
    assert on_page == "Interviewcitat (red.)" and in_editions == "Interviewcitat (redaktionens betegnelse)"
    kinds = provenance.value_label(data.options, "quote_kinds.label_source")
    body = extension.marks_explained(f'<p><span class="kr-kind">{on_page}</span> · Rolle</p>', "x.html", kinds=kinds)
    assert BeautifulSoup(body, "html.parser").select_one("button.kr-red")["title"] == kinds
    site = _site(tmp_path, body)
    printed = BeautifulSoup(str(editions.printable_article(site, editions.chapters(site)[1], 2, "")), "html.parser")
    # ADR 81: the whole-book PDF prints a kind's mark as the page does, "(red.)"; the page's key spells it out.
    assert printed.select_one(".kr-kind").get_text().replace("\u00a0", " ") == on_page
    assert provenance.page_key() in printed.get_text(), "the key the mark opens stands at the chapter's end"


@pytest.mark.long
@pytest.mark.build
def test_the_whole_book_pdf_keeps_a_figures_label_with_its_text(report_site: Path):
    """Reading 21, finding 9: 'Figuren viser:' stood alone at the foot of page 5, its text on page 6."""
    path = report_site / "pdf" / "kulturens-rige.pdf"
    pages = page_texts(path)
    footer = re.compile(re.escape(squeeze(footer_title("Kulturens Rige"))) + r"Side\d+af\d+$")
    label = squeeze("Figuren viser:")
    labelled = [i for i, page in enumerate(pages, 1) if label in page]
    assert labelled, "no figure's label in the PDF"
    stranded = [i for i in labelled if footer.sub("", pages[i - 1]).endswith(label)]
    assert stranded == []


@pytest.mark.parametrize("files", [[], ["noter.txt"]], ids=["empty", "a folder of other files"])
def test_a_site_folder_that_is_no_built_book_is_said_to_be_unbuilt_and_where_a_build_goes(files: list[str], tmp_path: Path):
    """Hostile review 22, #4: `build_pdf.py --site DIR` with a folder of other files said »angiv en ny eller tom mappe«,
    but --site must be a built book; an empty folder was already told to build it. Both now say so, and where a
    build with --output puts its site."""
    site = tmp_path / "side"
    site.mkdir()
    for name in files:
        (site / name).write_text("mine noter", encoding="utf-8")
    result = run_script("build_pdf", "--data", str(REPO / "data"), "--site", str(site))
    remedy = (
        "kør først make book (med samme DATA); en bog bygget med build_book.py --output MAPPE ligger i MAPPE/_build/html, "
        "og det er den mappe, --site skal angive."
    )
    said = (
        f"{site} — er ikke en bygget bog (mappen har ingen index.html); {remedy}" if files else f"Bogen er ikke bygget i {site}: {remedy}"
    )
    assert (result.returncode, result.stderr.splitlines()) == (2 if files else 1, [said])
    assert sorted(p.name for p in site.iterdir()) == files


def editors_chart_lines(options) -> set[str]:
    """How every chart's note begins where the chart is the editors': 'Redaktionens optælling og betegnelser, ikke
    rapportens' (provenance.chart_parts, the one wording), squeezed."""
    parts = [provenance.chart_parts(options, figure_id) for figure_id in provenance.CHART_VALUES]
    return {squeeze(whose.editors) for whose in parts if whose.editors}


def paragraphs_from(path: Path, starts: set[str]) -> list[tuple[int, int, str]]:
    """(page, lines, first line) of every paragraph whose first line begins with one of `starts` (squeezed): its lines
    run on while each begins at most four tenths of a line's box below the one before ends (a paragraph's margin is
    more). Measured between the boxes, not from top to top: a book face's box is taller than its line (ADR 76)."""
    found = []
    for n, (_, _, lines) in enumerate(page_lines(path), start=1):
        texts = [squeeze("".join(w[2] for w in words)) for _, _, words in lines]
        for i, text in enumerate(texts):
            if not any(text.startswith(start[: len(text)]) and text[:20] == start[:20] for start in starts):
                continue
            count = 1
            while i + count < len(lines) and lines[i + count][0] - lines[i + count - 1][1] <= 0.4 * (lines[i][1] - lines[i][0]):
                count += 1
            found.append((n, count, text[:40]))
    return found


@pytest.mark.build
def test_no_figure_note_in_any_edition_is_longer_than_two_lines(report_site: Path, data):
    """Reader s22, #1: Egedal's first diagram carried four lines of reasons under it, the whole book's charts up to
    twelve. A figure's note says whose it is, in at most two lines; the reasons stand in »Om kilderne«."""
    starts = editors_chart_lines(data.options)
    mark = squeeze(" " + provenance.owner_mark(provenance.EDITORS_SHORT))
    # The analysts' edition (the data chapter, ADR 49) draws no chart: it has no note to measure.
    for path in each(sorted(p for p in (report_site / "pdf").glob("*.pdf") if p.name != editions.ANALYSTS_FILE)):
        notes = paragraphs_from(path, starts)
        assert [note for note in notes if note[1] > 2] == [], path.name
        if path.name == editions.file_name():  # the whole book notes every diagram of the editors' under it
            assert notes, path.name
        else:  # ADR 81: a municipality's edition marks its editors' diagram „Diagram 1 (red.).“ and has no line under it
            assert notes == [], path.name
            assert re.search(squeeze("Diagram ") + rf"\d+{re.escape(mark)}\.", "".join(page_texts(path))), path.name


@pytest.mark.build
def test_each_edition_ends_with_om_kilderne_which_its_notes_point_to_and_which_holds_the_reasons(report_site: Path, data):
    """The section the short notes point to is the last of an edition's content, before how to cite it, and the
    reasons of the initiatives and the diagrams stand there, not before it (Egedal's twelve lines above diagram 1)."""
    told = editions.edition_sources(data)
    # The first sentence of the editors' reasons for the initiatives, which every municipality's edition gives.
    initiatives = cards.whose_terms_text(data, True)[1].split(";")[0]
    titles = {editions.file_name(r.slug): f"{editions.TITLE} – {r.name}" for r in data.municipalities.itertuples()}
    # The analysts' edition (the data chapter, ADR 49) draws no chart and points to no reasons.
    for path in each(sorted(p for p in (report_site / "pdf").glob("*.pdf") if p.name != editions.ANALYSTS_FILE)):
        with pikepdf.open(path) as pdf:
            outline = outline_titles(pdf)
        assert outline[-2:] == [editions.SOURCES_TITLE, "Sådan citerer du"], (path.name, outline[-3:])
        before, _, after = pdf_text(path, titles.get(path.name, editions.TITLE)).rpartition(squeeze(editions.SOURCES_TITLE))
        assert squeeze(editions.SOURCES_POINTER) in before, path.name
        if path.name in titles:  # a municipality's edition: its initiatives' and diagrams' reasons stand at the end
            for about in (initiatives, told["figures_about"], told["quotes_figure_about"]):
                assert squeeze(about) in after and squeeze(about) not in before, (path.name, about[:60])


# -- reading like a printed report (reader24, #4-#7, #13) ------------------------------------------------


SOFT_HYPHEN_TEXT = "\u00ad"
THREE_LINES = 3 * 10.5 * 1.45  # three lines of body text in points (edition.css: 10.5 pt, line-height 1.45)


def layout_pages(path: Path) -> list[str]:
    """Each page's text as pdftotext -layout places it: a line of the page is a line of the text."""
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")


@pytest.mark.build
def test_the_whole_book_prints_each_work_the_report_cites_in_its_table_and_no_bare_list_of_keys(report_site: Path, data):
    """reader24 #4: each »[1]« stood on a line of its own above its entry. Reader30 #8: the list left, »Værkerne, som
    rapporten nævner dem«, was a bare list of keys („Amhøj. 2019a.“) under the table that names each work with where the
    report cites it; on paper no citation links to it. The table names every work the built page's list has."""
    page = BeautifulSoup((report_site / "referencer.html").read_text(encoding="utf-8"), "html.parser")
    heading = page.select_one("section:has(.citation-list):not(:has(section)) > h2").get_text(" ", strip=True).removesuffix("#").strip()
    assert len(page.select(".citation-list .citation")) == len(data.references)
    text = pdf_text(report_site / "pdf" / editions.file_name(), editions.TITLE)
    assert squeeze(heading) not in text and squeeze("Amhøj. 2019a.") not in text
    assert [c for c in data.references["citation"] if squeeze(c) not in text] == []


@pytest.mark.build
def test_no_edition_prints_a_tables_zeros_in_ink(report_site: Path):
    """reader24 #5: the tables of counts printed as grids of »0« (Køge's page 4: 7 columns by 20 rows), the few counts
    lost among them. A 0 is in the cell for the tags and a screen reader, in the colour of its paper, as on the web: no
    page prints a grid whose counts are mostly zeros in ink (a chart's axis has its 0, and a table of counts that are
    mostly not 0, as the whole book's quotes per ingredient, keeps its few zeros, as the web does)."""
    import pymupdf  # noqa: PLC0415 (only these tests read colours)

    for path in each(sorted((report_site / "pdf").glob("*.pdf"))):
        inked = []
        for n, page in enumerate(pymupdf.open(path), start=1):
            spans = [s for block in page.get_text("dict")["blocks"] for line in block.get("lines", []) for s in line["spans"]]
            # Darker than a light grey: the paper's white (0xffffff) and the chosen column's tint (0xeef6fc) are not ink.
            inked_numbers = [
                s["text"].strip() for s in spans if s["text"].strip().isdigit() and sum(s["color"].to_bytes(3, "big")) < 3 * 0xC0
            ]
            zeros = inked_numbers.count("0")
            if zeros > 4 and zeros > len(inked_numbers) / 2:
                inked.append((n, zeros, len(inked_numbers)))
        assert inked == [], path.name


@pytest.mark.build
def test_a_figure_is_headed_diagram_only_where_its_chart_is_drawn_and_each_kind_is_numbered_from_1(report_site: Path, data):
    """reader24 #5: Egedal's »Diagram 1« stood over a sentence and a table, no diagram. A drawn chart is »Diagram N«,
    its text alternative after it (»Figuren viser:«); a chart not worth drawing (editions.worth_drawing) is »Tabel N«,
    its sentence and table; each kind numbered 1, 2, … in the order they stand."""
    for code in each(list(data.municipalities["kommunekode"])):
        slug = data.municipalities.set_index("kommunekode").loc[code, "slug"]
        text = " ".join(" ".join(layout_pages(report_site / "pdf" / editions.file_name(slug))).split())
        # An editors' figure is titled „Diagram 1 (red.).“ / „Tabel 1 (red.).“ (ADR 81): its number, the mark, the stop.
        mark = re.escape(" " + provenance.owner_mark(provenance.EDITORS_SHORT))
        titles = list(re.finditer(rf"\b(Diagram|Tabel) (\d+)(?:{mark})?\. ", text))
        assert titles, slug
        for kind in ("Diagram", "Tabel"):
            numbers = [int(t.group(2)) for t in titles if t.group(1) == kind]
            assert numbers == list(range(1, len(numbers) + 1)), (slug, kind, numbers)
        for title, after in zip(titles, [*titles[1:], None], strict=True):
            shown = "Figuren viser:" in text[title.end() : after.start() if after else None]
            assert shown == (title.group(1) == "Diagram"), (slug, title.group(0))


@pytest.mark.build
def test_a_card_that_goes_on_overleaf_closes_its_frame_under_its_last_line(report_site: Path):
    """reader24 #6: Køge's »Gang i gården« began at the foot of page 2, its frame ran on empty for 4 cm (its facts,
    kept whole, went overleaf) and closed on page 3. A card that breaks lets its facts go on line by line and closes its
    frame at the page's foot (box-decoration-break: clone): no frame on any page reaches more than three lines of
    body text below the page's last text (a fact of three lines, "Organisationer nævnt ved indsatsen", goes overleaf
    whole with its terms)."""
    import pymupdf  # noqa: PLC0415 (only these tests read drawings)

    foot = float(MARGIN["bottom"].removesuffix("mm")) * MM
    for path in each(sorted((report_site / "pdf").glob("*.pdf"))):
        empty = []
        for n, page in enumerate(pymupdf.open(path), start=1):
            bottom = page.rect.height - foot
            texts = [block[3] for block in page.get_text("blocks") if block[3] < bottom]
            # The frames' grey (#999, edition.css): cards, and the tables' rules, which end under their last row.
            frames = [
                d["rect"].y1
                for d in page.get_drawings()
                if abs(((d.get("color") or d.get("fill") or (0,))[0]) - 0.6) < 0.02 and d["rect"].y1 < bottom + 5
            ]
            if texts and frames and max(frames) - max(texts) > THREE_LINES:
                empty.append((n, round(max(frames) - max(texts))))
        assert empty == [], path.name


@pytest.mark.build
def test_no_readers_edition_speaks_of_choosing_a_municipality(report_site: Path):
    """reader24 #7: the whole book printed the web's »… og et valg af kommune markerer ingen af dem«, and its sources
    »… så et valg af kommune ændrer ikke søjlerne«: on paper nothing is chosen (editions.WEB_CLAUSES, .kr-web-only).
    The filter's vocabulary in no reader's edition; the analysts' edition is about the web book and its filter."""
    vocabulary = re.compile(
        r"valg af kommune|vælge?s? en kommune|valgt kommune|kommunen? (?:er )?valgt|kommunefilte|i filteret|vælger du", re.I
    )
    for path in each(sorted(p for p in (report_site / "pdf").glob("*.pdf") if p.name != editions.ANALYSTS_FILE)):
        text = " ".join(" ".join(layout_pages(path)).split())
        assert [m.group(0) for m in vocabulary.finditer(text)] == [], path.name


@pytest.mark.build
def test_the_guides_boxes_stand_apart_from_their_words(report_site: Path):
    """reader24 #7: »☐Saml en tværfaglig gruppe …«: the box read as part of the word."""
    text = "\n".join(layout_pages(report_site / "pdf" / editions.file_name()))
    assert "☐" in text
    assert re.findall(r"☐\S", text) == []


@pytest.mark.build
def test_the_front_pages_figures_print_as_a_table_of_number_what_and_where(report_site: Path):
    """reader24 #7: the front page's figures ran on, »7 kommuner Rapportens afsnit »De deltagende kommuner««. Printed,
    each is a row: the number, what it counts and, on a line of its own column, the report's section it stands in."""
    page = BeautifulSoup((report_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    lines = [line.strip() for text in layout_pages(report_site / "pdf" / editions.file_name()) for line in text.splitlines()]
    for item in each(page.select("ul.kr-key-figures > li")):
        number = item.select_one(".kr-figure-number").get_text(strip=True)
        source = item.select_one(".kr-figure-source")
        row = [line for line in lines if line.startswith(number + " ")]
        assert row, number
        if source is not None:
            where = " ".join(source.get_text(" ").split())
            # Its own column: the section stands beside the words, apart by the columns' gap, never run on after them.
            assert any(re.search(r"\S {2,}" + re.escape(where), line) for line in lines), where


@pytest.mark.build
def test_side_by_side_prints_each_municipality_with_its_terms_on_the_line_of_their_kind(report_site: Path):
    """reader24 #7: »Side om side« printed four pages of bullets, »Målgrupper • ikke angivet • …«, the municipality's
    name and »Indsatser« equal bold lines. Printed, each kind of term is a line with its terms after it."""
    page = BeautifulSoup((report_site / "kommuner" / "sammenligning.html").read_text(encoding="utf-8"), "html.parser")
    lines = [" ".join(line.split()) for text in layout_pages(report_site / "pdf" / editions.file_name()) for line in text.splitlines()]
    for heading in each(page.select("section.kr-compare-column > h4")):
        first = " ".join(heading.find_next_sibling("ul").li.get_text(" ").replace(SOFT_HYPHEN_TEXT, "").split())
        kind = heading.get_text(strip=True).split()[0]
        assert any(line.startswith(kind) and first[:20] in line for line in lines), (kind, first)


@pytest.mark.build
def test_the_analysts_edition_says_once_which_data_it_is_built_from(report_site: Path):
    """reader24 #13: »Denne udgave er bygget sådan:« stood before »Denne udgave er bygget fra datamappen …«."""
    text = " ".join(" ".join(layout_pages(report_site / "pdf" / editions.ANALYSTS_FILE)).split())
    assert text.count("Denne udgave er bygget") == 1


@pytest.mark.build
def test_the_whole_books_cover_is_a_title_page_with_whose_it_is_at_its_foot(report_site: Path, data):
    """reader24 #7: page 1 was a bare title, »Hele bogen« and a note in small type under it. A title page: the title,
    the report's kind and publisher as the report names them, the edition's name, and at the page's foot whose the
    edition is (the editors' note) and its day."""
    report = data.publication.iloc[0]
    path = report_site / "pdf" / editions.file_name()
    first = " ".join(layout_pages(path)[0].split())
    assert editions.publisher_line(data) in first and str(report.publisher) in editions.publisher_line(data)
    assert first.index(editions.TITLE) < first.index(editions.publisher_line(data)) < first.index("Hele bogen")
    height, words = page_words(path)[0]
    top, bottom = (float(MARGIN[side].removesuffix("mm")) * MM for side in ("top", "bottom"))
    lines = {text: (line_top - top) / (height - top - bottom) for line_top, _, text in words}
    # "Rapporten Kulturens Rige er udgivet af …" and "Bygget …": both in the page's lowest quarter.
    assert lines["Rapporten"] > 3 / 4 and lines["Bygget"] > 3 / 4, (lines["Rapporten"], lines["Bygget"])


# A printed report's faces (ADR 76): the text in a book face, headings and tables in a sans. All in DejaVu Sans, the editions read as
# a technical export (reader24, PDF findings; issue 22, part 7).
TEXT_FACE, HEADING_FACE = "CharisSIL", "LiberationSans"


@pytest.mark.build
def test_an_edition_sets_its_text_in_a_book_face_and_its_headings_in_a_sans(report_site: Path):
    import pymupdf  # noqa: PLC0415 (only these tests read fonts)

    for path in each(sorted((report_site / "pdf").glob("*.pdf"))):
        text, headings = {}, {}
        with pymupdf.open(path) as document:
            for page in document:
                for block in page.get_text("dict")["blocks"]:
                    for span in (s for line in block.get("lines", []) for s in line["spans"]):
                        face = span["font"].split("+")[-1].split("-")[0]
                        counted = headings if span["size"] >= 12.5 else text if 10 <= span["size"] <= 11 else {}
                        counted[face] = counted.get(face, 0) + len(span["text"].strip())
        # The analysts' edition is mostly the dictionary's tables, which print in the sans as every table does.
        assert path.name == editions.ANALYSTS_FILE or max(text, key=text.get) == TEXT_FACE, (path.name, text)
        assert TEXT_FACE in text, (path.name, text)
        assert max(headings, key=headings.get) == HEADING_FACE, (path.name, headings)


def _printed_with_the_editions_css(body: str, output: Path, title: str) -> PrintJob:
    """A page of test blocks printed as the editions print: their style sheet, one browser, the layout's ready mark."""
    css = (Path(editions.__file__).parent / "templates" / "edition.css").read_text(encoding="utf-8")
    document = (
        f'<!DOCTYPE html><html lang="da"><head><title>{title}</title><style>{css}</style></head><body>{body}'
        "<script>document.documentElement.dataset.krReady = 'ja'</script></body></html>"
    )
    job = PrintJob(document, output, title)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as worker:
        worker.submit(print_pdfs, [job], 1).result()
    return job


@pytest.mark.browser  # printed by Chromium
def test_a_table_that_goes_on_overleaf_leaves_at_least_three_rows_on_each_page(tmp_path: Path):
    """A table of twelve rows under blocks of every height from most of a page to nearly all of it, each in a chapter
    of its own, printed with the editions' style sheet: wherever the page breaks the table, each page holds three of
    its rows or more. Høje-Taastrup's Diagram 2 table sent one row and its repeated head to page 5, and the analysts'
    edition began a table with two rows at a page's foot (issue 22, part 7)."""
    rows, heights = 12, range(190, 256, 3)
    chapters = "".join(
        f'<section class="kr-chapter"><div style="height: {mm}mm"></div><table><thead><tr><th>Række</th><th>Tal</th></tr>'
        "</thead><tbody>" + "".join(f"<tr><td>T{n}R{r}</td><td>{r}</td></tr>" for r in range(1, rows + 1)) + "</tbody></table></section>"
        for n, mm in enumerate(heights)
    )
    job = _printed_with_the_editions_css(chapters, tmp_path / "tabeller.pdf", "Tabeller")
    pages = subprocess.run(["pdftotext", str(job.output), "-"], capture_output=True, text=True, check=True).stdout.split("\f")
    split = 0
    for n in range(len(heights)):
        counts = [c for c in (len(re.findall(rf"\bT{n}R\d+\b", page)) for page in pages) if c]
        split += len(counts) > 1
        assert sum(counts) == rows and all(c >= 3 for c in counts), (n, heights[n], counts)
    assert split, "no table went on overleaf: the heights no longer test a break"


@pytest.mark.build
def test_the_whole_books_sources_name_a_place_all_municipalities_share_once_over_its_entries(report_site: Path, data):
    """Reader30 #8: „Køge, Høje-Taastrup, …, Aarhus og Rudersdal: Indsatser“ headed four entries of »Om kilderne« and
    „…: Udgangspunkt og resultat“ three; each now stands once, over the entries that give it."""
    text = pdf_text(report_site / "pdf" / editions.file_name(), editions.TITLE)
    section = text[text.rindex(squeeze(editions.SOURCES_TITLE)) :]
    section = section[: section.index(squeeze("Sådan citerer du"))]
    every = re.escape(squeeze(listing(list(data.municipalities["name"])) + ":"))
    shared = re.findall(every + r"(Indsatser|Udgangspunktogresultat)", section)
    assert shared and len(shared) == len(set(shared)), shared


def test_a_place_several_entries_of_om_kilderne_give_stands_once_over_them_where_the_first_stood():
    entries = [
        (["A: a"], "1."),
        (["B: b", "Alle: Indsatser"], "2."),
        (["C: c"], "3."),
        (["B: b2", "Alle: Indsatser"], "4."),
        (["D: d", "E: e"], "5."),
    ]
    assert editions.under_shared_places(entries) == [
        ("", ["A: a"], "1."),
        ("Alle: Indsatser", ["B: b"], "2."),
        ("Alle: Indsatser", ["B: b2"], "4."),
        ("", ["C: c"], "3."),
        ("", ["D: d", "E: e"], "5."),
    ]


@pytest.mark.build
def test_the_whole_books_sources_section_says_each_reason_once(report_site: Path):
    """»Om kilderne« gives each reason once, under all the places whose note points to it: the whole book printed the
    municipalities' and their cards' same reasons after every one of them, five pages (reader24; issue 22, part 7)."""
    text = pdf_text(report_site / "pdf" / editions.file_name(), editions.TITLE)
    section = text[text.rindex(squeeze(editions.SOURCES_TITLE)) :]
    section = section[: section.index(squeeze("Sådan citerer du"))]
    sentences = [s for s in re.split(r"(?<=\.)(?=[A-ZÆØÅ„»])", section) if len(s) > 40]
    repeated = {s for s in sentences if sentences.count(s) > 1}
    assert sentences and not repeated, sorted(repeated)[:3]


def pages_ending_in_bold(path: Path) -> list[tuple[int, str]]:
    """(page, text) for each page but the last whose last text is bold and has nothing beside it: a heading, a label or
    an entry's names whose content went overleaf. A wrapped bold line printed as a block a line (a table's head cell)
    counts whole, and a bold term with its description beside it (a card's facts, a table's row) is no such end."""
    import pymupdf  # noqa: PLC0415 (only these tests read fonts)

    bottom = float(MARGIN["bottom"].removesuffix("mm")) * MM
    found = []
    with pymupdf.open(path) as document:
        for n, page in enumerate(document, start=1):
            blocks = [b for b in page.get_text("dict")["blocks"] if b.get("lines") and b["bbox"][3] < page.rect.height - bottom]
            spans = [(s, line["bbox"]) for b in blocks for line in b["lines"] for s in line["spans"] if s["text"].strip()]
            if not spans or n == len(document):
                continue
            low = max(box[3] for _, box in spans)
            last = [b for b in blocks if b["bbox"][3] > low - 2]
            top = min(b["bbox"][1] for b in last)
            while above := [b for b in blocks if top - 4 < b["bbox"][3] <= top + 1 and b not in last]:
                last += above
                top = min(b["bbox"][1] for b in above)
            beside = [s for s, box in spans if box[3] > top + 1]
            if all("Bold" in s["font"] for s in beside):
                found.append((n, " ".join(s["text"] for s in beside)))
    return found


@pytest.mark.build
def test_no_page_of_any_edition_ends_in_a_bold_line_whose_text_is_overleaf(report_site: Path):
    """A printed report never leaves a heading or a label at a page's foot without what it heads: the whole book left
    »Målgrupper pr. kommune« (p. 14), »Om figuren i rapporten (red.)« (p. 40) and an »Om kilderne« entry's names there,
    which the outline-based test of headings (test_no_heading_is_left_at_the_foot_of_a_page) does not see."""
    for path in each(sorted((report_site / "pdf").glob("*.pdf"))):
        assert not pages_ending_in_bold(path), (path.name, pages_ending_in_bold(path))


# A figure's or table's numbered title as an edition prints it: "Tabel 1 (red.). Målgrupper pr. kommune", "Figur 3 (red.). …".
FIGURE_TITLE = re.compile(r"(?:Tabel|Diagram|Figur)\s\d+(?:\s\(red\.\))?\.\s\S")
BOOK_FACE = "CharisSIL"


def figures_begun_overleaf(path: Path) -> list[tuple[int, str]]:
    """(page, title) for each figure's or table's numbered title below which its page holds nothing of the figure
    itself: no drawing (a chart's paths, a table's rules) and no line but the prose of its lead (the book face, not
    bold, at the left margin). The title with its sentence stood at a page's foot, its table overleaf (Egedal's p. 3,
    reader30 #2); neither the outline (a figure's title is no heading) nor a page's last line in bold sees that."""
    import pymupdf  # noqa: PLC0415 (only these tests read fonts)

    bottom, left = (float(MARGIN[side].removesuffix("mm")) * MM for side in ("bottom", "left"))
    found = []
    with pymupdf.open(path) as document:
        for n, page in enumerate(document, start=1):
            foot = page.rect.height - bottom
            lines = [
                (line["bbox"], line["spans"])
                for block in page.get_text("dict")["blocks"]
                for line in block.get("lines", [])
                if line["spans"] and line["bbox"][3] < foot
            ]
            drawn = [d["rect"] for d in page.get_drawings() if d["rect"].y1 < foot]
            for box, spans in lines:
                title = "".join(s["text"] for s in spans)
                if not FIGURE_TITLE.match(title) or "Bold" not in spans[0]["font"]:
                    continue
                below = [(b, s[0]) for b, s in lines if b[1] >= box[3] - 1]
                prose = all(first["font"].removesuffix("-Italic") == BOOK_FACE and b[0] < left + 3 for b, first in below)
                if prose and not any(r.y0 >= box[3] - 1 for r in drawn):
                    found.append((n, title))
    return found


@pytest.mark.build
def test_no_figures_or_tables_title_is_left_at_a_pages_foot_without_the_figure(report_site: Path):
    """A figure's title and the sentence that leads into it go onto the next page with its table or drawing: Egedal's
    and Aarhus' „Tabel 1 (red.)“ and its sentence ended p. 3, the table on p. 4 (reader30 #2)."""
    for path in each(sorted((report_site / "pdf").glob("*.pdf"))):
        assert figures_begun_overleaf(path) == [], (path.name, figures_begun_overleaf(path))


@pytest.mark.browser  # printed by Chromium
def test_a_card_whose_heading_and_lead_in_would_fill_the_page_goes_on_whole_and_leaves_them(tmp_path: Path):
    """A heading, its lead-in and a quote card kept with them (.kr-keep) under blocks of every height from half a page
    to two thirds of one, each on a page of its own, printed with the editions' style sheet and layout rounds: no card
    breaks with its words in the page's lower third, and no page that goes on is less than two thirds full. Høje-
    Taastrup's first card under »Citater fra alle kommuner« broke with its words at 79 % of page 6: kept whole with its
    heading, it left the page 64 % full; now heading and lead-in stay, and the card goes on whole (issue 22, part 7)."""
    words = " ".join(["ord"] * 24)
    heights = range(140, 186, 2)
    variants = "".join(
        f'<div style="break-before: page"><div style="height: {mm}mm; display: flex; align-items: flex-end">Fyld{n}</div>'
        '<div class="kr-keep"><h4>Citater</h4>'
        f'<p class="kr-list-summary">Indledning{n} {words} {words} {words}</p>'
        f'<div class="kr-card"><p>V{n}start {" ".join([words] * 18)} V{n}slut</p></div></div></div>'
        for n, mm in enumerate(heights)
    )
    job = _printed_with_the_editions_css(variants, tmp_path / "kort.pdf", "Kort")
    top, bottom = (float(MARGIN[side].removesuffix("mm")) * MM for side in ("top", "bottom"))
    found = {
        text: (n, (y - top) / (height - top - bottom))
        for n, (height, page) in enumerate(page_words(job.output), start=1)
        for y, _, text in page
    }
    fills = page_fill(job.output)
    alone = 0
    for n, mm in enumerate(heights):
        page, (first, starts), (last, _) = found[f"Fyld{n}"][0], found[f"V{n}start"], found[f"V{n}slut"]
        assert first == last or starts < printing.CARD_GAP + CARD_LABEL, (mm, first, round(starts, 2))
        assert last == page or fills[page - 1] >= printing.RUN_ON_BELOW, (mm, page, round(fills[page - 1], 2))
        alone += first == last > page == found[f"Indledning{n}"][0]
    assert alone, "no card went on alone: the heights no longer test it"


def test_a_card_that_would_leave_its_page_short_goes_on_alone_where_its_lead_in_fills_the_page_and_else_breaks():
    """Kept whole with its heading and lead-in, a card went on and left the page before it 64 % full: where heading
    and lead-in (how far down the next page the card began) fill that page to CARD_GAP with room to spare, the card
    goes on alone; where they do not, or the keep holds only headings, it may break, as before."""
    marks = {"ends": [], "cards": [["a", "A", 0, True], ["b", "B", 1, True], ["c", "C", 2, False], ["d", "D", 3, True]], "tables": []}
    places = {"a": (6, 0.62), "A": (7, 0.12), "b": (6, 0.60), "B": (7, 0.04), "c": (6, 0.62), "C": (7, 0.12)}
    places |= {"d": (6, 0.70), "D": (7, 0.02)}  # two thirds full already: kept whole, it goes on with its heading
    assert printing._relayout(marks, places) == ([], [1, 2], [0], [])


def test_a_figures_table_breaks_where_kept_whole_it_would_leave_its_page_a_sixth_empty_and_a_card_only_at_a_third():
    """Reader28, F7: figure 1's table „Tallene“, kept whole as a card is, went to the whole book's p. 6 and left p. 5
    72 % full. A figure's table (marks["tables"]) that would leave the page before it less than TABLE_GAP full now
    breaks, its header repeated; a card there still goes on whole."""
    marks = {"ends": [], "cards": [["t", "T", 0, False], ["c", "C", 1, False], ["u", "U", 2, False]], "tables": [0, 2]}
    places = {"t": (5, 0.72), "T": (6, 0.0), "c": (5, 0.72), "C": (6, 0.0), "u": (7, 0.9), "U": (8, 0.0)}
    assert printing._relayout(marks, places) == ([], [0], [], [])


def test_a_table_kept_with_its_title_and_sentence_breaks_below_them_and_never_goes_on_alone():
    """A figure without a drawing is kept whole with its title and sentence (.kr-keep). Where, kept whole, it would
    leave its page short, it breaks below them; gone on alone, as a card with a lead-in does, the title and sentence
    stood at the page's foot, the table overleaf (reader30 #2)."""
    marks = {"ends": [], "cards": [["t", "T", 0, True], ["c", "C", 1, True]], "tables": [0]}
    places = {"t": (3, 0.62), "T": (4, 0.12), "c": (5, 0.62), "C": (6, 0.12)}
    assert printing._relayout(marks, places) == ([], [0], [1], [])


def test_a_round_that_runs_a_chapter_on_breaks_no_card_until_the_pages_are_printed_again():
    """The whole book's »Værdiskabelser« began a page of its own in the first print, where its third card, kept whole,
    went on and left that page short: the card was let break, the chapter ran on below the one before in the same
    round, and the card broke at the foot of that page, its words at 85 %. A round that runs a chapter on now leaves
    the cards as they are; the next print finds them where the chapter put them."""
    marks = {"ends": [["end-1", 0]], "cards": [["b", "B", 4, False]], "tables": []}
    places = {"end-1": (30, 0.2), "b": (30, 0.55), "B": (31, 0.04)}
    assert printing._relayout(marks, places) == ([1], [], [], [])
    assert printing._relayout({**marks, "ends": []}, places) == ([], [4], [], [])


def test_a_first_level_chapter_runs_on_only_below_a_third_and_after_the_chapters_before_it():
    """Reader29, F2: »Værdiskabelser i Kulturens Rige« ran on in the bottom fifth of a page, below a chapter that left
    its last page less than two thirds full (RUN_ON_BELOW). A chapter of the contents' first level (the third item of
    an end) runs on only below a page less than a third full (TOP_RUN_ON_BELOW), and not in a round in which a chapter
    before it runs on, which moves the end it was measured by (»Referencer« ran on at 49 %; ADR 105). It runs on only
    once the chapter before it was set closer (the fourth item; ADR 115)."""
    places = {"e1": (10, 0.5), "e2": (20, 0.5)}
    assert printing._relayout({"ends": [["e1", 0, False], ["e2", 1, True]], "cards": [], "tables": []}, places) == ([1], [], [], [])
    places = {"e1": (10, 0.2), "e2": (20, 0.1), "e3": (30, 0.1)}
    marks = {"ends": [["e1", 0, True, True], ["e2", 1, True, True], ["e3", 2, False, False]], "cards": [], "tables": []}
    assert printing._relayout(marks, places) == ([1, 3], [], [], [])


def test_a_chapter_that_leaves_a_few_lines_before_a_first_level_chapter_is_set_closer_before_that_one_runs_on():
    """Reader31 #7: »Ingredienslisten«, the book's core chapter, ran on mid-page below the last three lines of
    »Evalueringsdesign«, where every other chapter of the contents' first level began a page. The chapter before such
    a chapter is first set closer (CLOSER), which may pull its last lines back; the next round runs the chapter on only
    if it did not. Chapters set closer in one round do not hold up the first-level chapters after them (each still
    begins a page), and the cards wait for the next print as they do for a chapter run on (ADR 115)."""
    places = {"e1": (32, 0.1), "e2": (45, 0.05), "b": (40, 0.5), "B": (41, 0.0)}
    marks = {"ends": [["e1", 4, True, False], ["e2", 8, True, False]], "cards": [["b", "B", 2, False]], "tables": []}
    assert printing._relayout(marks, places) == ([], [], [], [4, 8])
    marks["ends"] = [["e1", 4, True, True], ["e2", 8, True, True]]
    assert printing._relayout(marks, {**places, "e1": (31, 0.95)}) == ([9], [], [], [])
