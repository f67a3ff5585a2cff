"""Printing the editions to PDF with Chromium through Playwright: tagged, with an outline, A4, "Side 3 af 12".

Chromium was chosen by measurement (BENCHMARKS.md): it tags figures with their alternative text, sets
/Lang and DisplayDocTitle itself, and prints a long document several times faster than WeasyPrint.
"""

from __future__ import annotations

import html
import io
import multiprocessing
import os
import queue
import re
import shutil
import signal
import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

import pikepdf

from kulturensrige.data.scratch import scratch_folder
from kulturensrige.data.tether import signal_at_parent_death
from kulturensrige.edition.chromium import ChromiumFailed, driving, started_chromium
from kulturensrige.edition.pdf_accessibility import finish
from kulturensrige.render.markup import esc

# The book's own plotly.js, only the trace types it draws (a quarter of the full one), so each print loads less.
PLOTLY_JS = Path(__file__).resolve().parent.parent.parent / "book" / "_static" / "plotly.min.js"
MARGIN = {"top": "16mm", "bottom": "18mm", "left": "18mm", "right": "18mm"}
READY_TIMEOUT_MS = 300_000
# Each link's href and text, which become its annotation's description; the first link to an address names it.
LINK_TEXTS = "links => links.map(a => [a.getAttribute('href'), a.textContent])"


class PrintError(RuntimeError):
    """The page could not be made ready for printing (a figure failed to draw)."""


@dataclass(frozen=True)
class PrintJob:
    """One edition: its HTML (or the function that makes it, called by the printer that takes the job), the PDF
    to write, the short title its footer repeats on every page and what its document properties' subject says (which
    data folder made it, with its fingerprint: ADR 108)."""

    html: str | Callable[[], str]
    output: Path
    title: str
    subject: str = ""


FOOTER_TITLE_LENGTH = 70

# pdftotext, and every tool that copies a PDF's text, reads a line that ends in "-" as a word hyphenated at the break
# and joins it ("KL-" / "huset" -> "KLhuset"): a real hyphen may not end a printed line.
NOT_TEXT = "|".join(rf"<{tag}\b.*?</{tag}>" for tag in ("head", "script", "style", "svg", "code", "pre", "table"))
UNBREAKABLE_PARTS = re.compile(rf"({NOT_TEXT}|<[^>]*>)", re.S | re.I)
# Every run of text without a space, with the runs joined by " - "; keep_whole decides which are kept whole. One
# pattern for both kinds ("x - y", "KL-huset") tried each start of a long word to its end: a 30,000-letter word took
# 30 s (issue 25); this one reads each letter once.
RUNS = re.compile(r"[^\s<>]+(?: - [^\s<>]+)*")
INNER_HYPHEN = re.compile(r"\w-\w")
LONGEST_KEPT_WHOLE = 30  # a longer run (a file name, an address) may break: kept whole it would overflow a table cell


# In a table's cells (printing a table's words kept whole made its narrow columns, held wide, shrink the whole page):
# a hyphenated word breaks after its hyphen, as a printed name does ("Høje-" / "Taastrup"), never before it: a line
# that began "-Taastrup", "-Skjern" or "-huset" read as a misprint (reader s23, #10; pdftotext's default reading then
# joins the two lines without the hyphen, its raw reading keeps it). A list of ids ("dans;litteratur-og-oplaesning;
# klovneshow") breaks after its separators. A link's text is the address, kept as editions._printable_address_breaks
# left it: its parts already in span.kr-nobr (the cell's joints broke "kultur-og-sundhed/" at its hyphens, reader s23).
CELL_MARKUP = re.compile(r"(<code\b.*?</code>|<a\b[^>]*>(?:\s|<span\b[^>]*>)*https?://.*?</a>|<[^>]*>)", re.S | re.I)
# The hyphen is kept with the letter before it: in the analysts' narrowest columns (overflow-wrap: anywhere) a break
# fell between them, and "-af-vi" began a line.
CELL_JOINTS = re.compile(r"(&#?\w+;)|;(?=\S)|(\w-)(?=\w)")


def _cell_joint(match: re.Match[str]) -> str:
    if match.group(1):  # an entity's ';' is no separator
        return match.group(1)
    if match.group(2):
        return f'<span class="kr-nobr">{match.group(2)}</span><wbr>'
    return ";<wbr>"


# The report's words in a cell (»…«) are kept whole at their hyphens: broken after one, a PDF's text joined "well-" /
# "being" into "wellbeing", which is not the report's word (the whole book's »Hvor værkerne citeres«, once the text face
# changed, ADR 76).
QUOTED = re.compile(r"(»[^«<]*«)")
HYPHENATED_WORD = re.compile(r"[^\s»«]*\w-\w[^\s»«]*")


def _cell_text(text: str) -> str:
    def quoted(passage: str) -> str:
        return HYPHENATED_WORD.sub(
            lambda m: f'<span class="kr-nobr">{m.group(0)}</span>' if len(m.group(0)) <= LONGEST_KEPT_WHOLE else m.group(0), passage
        )

    return "".join(quoted(part) if n % 2 else CELL_JOINTS.sub(_cell_joint, part) for n, part in enumerate(QUOTED.split(text)))


def _table_words(table: str) -> str:
    parts = CELL_MARKUP.split(table)
    return "".join(part if n % 2 else _cell_text(part) for n, part in enumerate(parts))


def kept_whole_at_hyphens(document: str) -> str:
    """The document with each word that holds a real hyphen, and each 'x - y', kept on one line (span.kr-nobr), in
    text only: not in tags, the head, scripts, styles, pictures, code or tables. A table's words break only where a
    PDF's text keeps them whole (_table_words)."""

    def keep(match: re.Match[str]) -> str:
        run = match.group(0)
        hyphenated = " - " in run or INNER_HYPHEN.search(run)
        return f'<span class="kr-nobr">{run}</span>' if hyphenated and len(run) <= LONGEST_KEPT_WHOLE else run

    def text(n: int, part: str) -> str:
        if n % 2:
            return _table_words(part) if part[:6].lower() == "<table" else part
        return RUNS.sub(keep, part)

    return "".join(text(n, part) for n, part in enumerate(UNBREAKABLE_PARTS.split(document)))


def footer_title(title: str) -> str:
    """The title as the footer prints it: on one line, cut short with '…' (a name from data can be very long)."""
    title = " ".join(title.split())
    return title if len(title) <= FOOTER_TITLE_LENGTH else title[: FOOTER_TITLE_LENGTH - 1].rstrip() + "…"


def footer(title: str) -> str:
    """Chromium's footer template: the edition's title and the Danish page number, 'Side 3 af 12'."""
    return (
        "<div style=\"font-family: 'Liberation Sans', sans-serif; font-size: 8pt; color: #444; width: 100%; "
        'margin: 0 18mm; display: flex; justify-content: space-between; white-space: nowrap;">'
        f"<span>{esc(footer_title(title))}</span>"
        '<span>Side <span class="pageNumber"></span> af <span class="totalPages"></span></span></div>'
    )


def outline_pages(pdf: bytes) -> list[tuple[str, int]]:
    """(title, page number) of every bookmark in document order; Chromium makes one per heading."""
    found = []
    with pikepdf.open(io.BytesIO(pdf)) as document:
        pages = {page.obj.objgen: n for n, page in enumerate(document.pages, start=1)}
        with document.open_outline() as outline:
            stack = list(outline.root)
            while stack:
                item = stack.pop(0)
                destination = item.destination
                if isinstance(destination, pikepdf.Array) and len(destination):
                    found.append((" ".join(str(item.title).split()), pages.get(destination[0].objgen, 0)))
                stack = list(item.children) + stack
    return found


def destination_places(pdf: bytes) -> dict[str, tuple[int, float]]:
    """Each named destination (an element a link leads to, by its id): its page number and how far down the page's
    text area it stands (0 at the top margin, 1 at the bottom one), from its /XYZ position. The table of contents
    gives the page its link leads to: a title can recur (the book's chapter "Aarhus", and "Aarhus" as a column of
    the comparison before it), a link's target cannot."""
    top, bottom = (float(MARGIN[side].removesuffix("mm")) * 72 / 25.4 for side in ("top", "bottom"))
    with pikepdf.open(io.BytesIO(pdf)) as document:
        pages = {page.obj.objgen: (n, float(page.mediabox[3])) for n, page in enumerate(document.pages, start=1)}
        found = {}
        for name, target in document.Root.get("/Dests", pikepdf.Dictionary()).items():
            if isinstance(target, pikepdf.Array) and len(target):
                number, height = pages.get(target[0].objgen, (0, 0.0))
                # Chromium's /XYZ top is the place's height above the page's foot less the top margin: read as a
                # page's coordinate it stood a margin too high (a filler ending at 59 % of the text area read 53 %,
                # a card at a page's top -6 %), and cards broke and chapters ran on below pages two thirds full.
                y = float(target[3]) if len(target) > 3 and target[3] is not None else height
                down = (height - y) / max(1.0, height - top - bottom)
                found[str(name).lstrip("/")] = (number, down)
    return found


# A chapter whose last page it fills less than this lets the next chapter run on below it, after a rule (edition.css,
# .kr-run-on), rather than leave that page nearly empty: the whole book's pages 4 and 6 held three or four lines, and
# its page 64 (the guide's last items) a third of a page before the data chapter (issue 22: no page half empty).
# Two thirds since the reader of session 23 (#10): Ringkøbing-Skjern's and Køge's pages after Diagram 1 stood 55 % full.
RUN_ON_BELOW = 2 / 3
# A card is kept whole (edition.css): one that goes on to the next page may leave this much of the page before it at most
# empty; where it would leave more, it may break (.kr-card-breaks), its headings kept with their first lines. A long
# quote left Ringkøbing-Skjern's page 6 48% full (issue 22, desktop #5). A higher share (4/5, to fill
# Egedal's page 2) split cards that later rounds had moved to the page's foot: a card found to break in one round
# stays broken in the next. Two thirds since the reader of session 23 (#10): Ringkøbing-Skjern's page 2 and Køge's
# stood 55–58 % full before a card.
CARD_GAP = 2 / 3
# A card's place mark stands inside it, below its margin, frame and padding (about 15 pt, 2 % of a page's text area):
# a card goes on alone (_relayout) only where its heading and lead-in fill the page to CARD_GAP by this much more, so
# that the page stays two thirds full (at CARD_GAP itself a page stood 66.4 % full). Not more: a card that breaks
# instead begins about as far below its heading's lead-in, and must begin above CARD_GAP and its label (tests).
CARD_TOP = 0.03
# A figure's table goes on whole only where it leaves at most this much of the page before it empty, else it breaks
# (its header repeated, three rows at least on either page, edition.css): kept whole like a card, the whole book's
# „Tallene“ of figure 1 went to p. 6 and left p. 5 a quarter empty below the figure (reader28, F7). A table's rows are
# read one by one, a card's text as one piece, so a table breaks sooner than a card.
TABLE_GAP = 5 / 6
# The blocks kept whole that may break: cards and a figure's table (its header repeated on the next page). A figure's
# head (its title, legend and drawing) never breaks: broken, it split the drawing and cut its labels (issue 22).
KEPT_WHOLE = ".kr-card, .kr-figure-data"
# A chapter of the contents' first level (book.html) begins a page as a printed book's chapter does: it runs on only
# below a chapter that would leave its last page less than a third full (a few lines), so its heading stands in the
# top third of a page. Below RUN_ON_BELOW, »Værdiskabelser i Kulturens Rige« began in the bottom fifth of a page after
# Rudersdal, where »Evalueringsdesign« began a page (reader29, F2; ADR 105). A municipality's chapter, a section of
# „De deltagende kommuner“, still runs on below RUN_ON_BELOW.
TOP_CHAPTER = ".kr-top"
TOP_RUN_ON_BELOW = 1 / 3
# Before a chapter of the contents' first level runs on, the chapter before it is set closer (edition.css: its blocks'
# spacing, not its type) to pull its last lines back onto the page before: »Ingredienslisten«, the book's core chapter,
# began mid-page below the last three lines of »Evalueringsdesign« where every other chapter began a page (reader31 #7;
# ADR 115). Only where that does not pull them back does the chapter run on, and the chapter before is set as it was.
CLOSER = "kr-closer"
# Prints to find such chapters and cards: each change may move what comes after it, so the next print looks again. Four
# since a chapter is set closer before the next runs on (CLOSER): at three, »Afsluttende betragtninger« was set closer in
# the last round, left two lines on the whole book's p. 47 and »Referencer« began p. 48.
LAYOUT_ROUNDS = 4
# Marks each chapter's end that a new page follows (before the next chapter: a chapter's sections are sections of
# their own after it), and each card's place before it (before the heading kept with it, .kr-keep) and inside it,
# with zero-height blocks (edition.css), linked from the document's end: Chromium writes a named destination, with
# its place, only for an element a link leads to. The links are hidden: Chromium writes the destinations of hidden
# links too, but neither their text nor an annotation, so the print that finds the places is the edition as it is
# published (the destinations are removed after). Returns the marks' ids with the chapter's or card's index, and
# the places whose pages a text names (data-kr-page-of: where a municipality's edition's parts begin and end).
MARK_PLACES = (
    """() => {
  const links = document.getElementById('kr-place-links') || document.body.appendChild(document.createElement('div'));
  Object.assign(links, { id: 'kr-place-links', hidden: true });
  links.replaceChildren();
  const mark = (id, place) => {
    const found = document.getElementById(id);
    const marker = found || document.createElement('div');
    if (!found) {
      Object.assign(marker, { className: 'kr-place-mark', id });
      place(marker);
    }
    links.appendChild(document.createElement('a')).href = `#${id}`;
    return id;
  };
  const chapters = [...document.querySelectorAll('section.kr-chapter')];
  const ends = chapters.flatMap((_, i) =>
    i + 1 >= chapters.length || chapters[i + 1].classList.contains('kr-run-on')
      ? []
      : [[
        mark(`kr-kapitelslut-${i + 1}`, (m) => chapters[i + 1].before(m)),
        i,
        chapters[i + 1].matches('TOP_CHAPTER'),
        chapters[i].classList.contains('CLOSER'),
      ]],
  );
  const cards = [...document.querySelectorAll(KEPT_WHOLE)].flatMap((card, i) => {
    if (card.classList.contains('kr-card-breaks')) return [];
    const keep = card.closest('.kr-keep:not(.kr-card-alone)');
    const leadIn = [...(keep?.children || [])].some(
      (e) => !e.contains(card) && e.compareDocumentPosition(card) & Node.DOCUMENT_POSITION_FOLLOWING
        && !/^H[1-6]$/.test(e.tagName) && !e.classList.contains('kr-place-mark'),
    );
    return [
      [
        mark(`kr-foer-kort-${i + 1}`, (m) => (keep || card).before(m)),
        mark(`kr-kort-${i + 1}`, (m) => card.prepend(m)),
        i,
        leadIn,
      ],
    ];
  });
  const pages = [...document.querySelectorAll('[data-kr-page-of]')].map((s) => mark(s.dataset.krPageOf, () => {}));
  const tables = [...document.querySelectorAll(KEPT_WHOLE)].flatMap((card, i) => (card.matches('.kr-figure-data') ? [i] : []));
  return { ends, cards, pages, tables };
}""".replace("KEPT_WHOLE", repr(KEPT_WHOLE))
    .replace("TOP_CHAPTER", TOP_CHAPTER)
    .replace("CLOSER", CLOSER)
)
# The places a page number is written in: a contents entry's (the page its link leads to) and a page range's ends
# (the page of the element data-kr-page-of names), with whether each is a range's end.
PAGE_NUMBERS = ".kr-toc-page, .kr-page-ref"
PAGE_TARGETS = (
    "spans => spans.map(s => [s.dataset.krPageOf || s.closest('a').getAttribute('href').slice(1), s.hasAttribute('data-kr-range-end')])"
)
# Lets the chapters run on, the cards break and the chapters set closer that the marks found.
RELAYOUT = """([chapters, cards, alone, closer]) => {
  const [allChapters, allCards] = [document.querySelectorAll('section.kr-chapter'), document.querySelectorAll(KEPT_WHOLE)];
  for (const i of closer) allChapters[i].classList.add('CLOSER');
  for (const i of chapters) {
    allChapters[i].classList.add('kr-run-on');
    allChapters[i - 1].classList.remove('CLOSER');
  }
  for (const i of cards) {
    allCards[i].classList.add('kr-card-breaks');
    allCards[i].closest('.kr-keep')?.classList.add('kr-card-breaks');
  }
  for (const i of alone) {
    allCards[i].closest('.kr-keep').classList.add('kr-card-alone');
    allCards[i].before(document.getElementById(`kr-foer-kort-${i + 1}`));
  }
}""".replace("KEPT_WHOLE", repr(KEPT_WHOLE)).replace("CLOSER", CLOSER)


# Printers side by side, each a process with a browser of its own: a process's Python (an edition's HTML, the
# finishing of its PDF) then runs on one core while the other printer's Chromium draws on the other, which threads
# of one process could not do (they share one interpreter lock). Three keep both cores busy while one waits.
PRINTERS = 3
# How often the waiting parent looks whether the printers died without a word (killed, out of memory).
WATCH_SECONDS = 1.0


def print_pdfs(jobs: Iterable[PrintJob], printers: int = PRINTERS, readable: Sequence[Path] = ()) -> list[Path]:
    """Print every job and write each finished PDF; the paths in the jobs' order. A failed job stops the rest.

    Each printer takes the next job as it is free, makes its HTML (a job may give it as a function, so the first
    PDF does not wait for the other editions' HTML), prints it and finishes the PDF. Put the longest job first:
    it then prints beside the others instead of after them. A printed page may load files of the folders in
    `readable` (the site, for its pictures), of the printer's own work folder and plotly.js, and nothing else."""
    listed = list(jobs)
    if not listed:
        return []
    # fork: the printers inherit the jobs and what they were made from (the data, the charts computed once).
    context = multiprocessing.get_context("fork")
    tasks: Any = context.Queue()
    results: Any = context.Queue()
    count = max(1, min(printers, len(listed)))
    for number in [*range(len(listed)), *[None] * count]:
        tasks.put(number)
    with scratch_folder("pdf") as work:
        allowed = (work, PLOTLY_JS, *readable)
        parent = os.getpid()
        processes = [context.Process(target=_printer, args=(listed, tasks, results, work, allowed, parent)) for _ in range(count)]
        for process in processes:
            process.start()
        try:
            for _ in listed:
                problem = _next_result(results, processes)
                if problem:
                    raise problem
        finally:
            for process in processes:
                if process.is_alive():
                    process.terminate()
                process.join()
    return [job.output for job in listed]


def _next_result(results: Any, processes: list) -> BaseException | None:
    """The next printer's answer: None for a written PDF, else the exception to raise. Printers that all stopped
    before answering (killed, out of memory) never will. Their exit codes say nothing: a printer forked from a
    thread of a pool (as the tests call this) exits with 1 after its work is done, as it cannot join its pool."""
    while True:
        try:
            kind, message = results.get(timeout=WATCH_SECONDS)
        except queue.Empty:
            if any(p.is_alive() for p in processes):
                continue
            try:  # an answer sent just before its printer stopped
                kind, message = results.get(timeout=WATCH_SECONDS)
            except queue.Empty:
                return PrintError("printerne stoppede, før alle udgaver var skrevet (Chromium eller hukommelsen slap op)")
        if kind == "written":
            return None
        return PrintError(message) if kind == "print" else RuntimeError(message)


def _dies_with(parent: int, outputs: set[Path], work: Path) -> None:
    """This printer ends when `parent` (the thread of it that started the printers) ends, however it ends: a parent
    killed with SIGKILL stops no child, and its printers went on printing into a copy of the site for half a minute
    (sec25d #2). SIGTERM, from the parent or from Linux at its death (prctl PR_SET_PDEATHSIG), ends it at once
    (`_ended`); its Playwright driver and Chromium end as its pipes close. Linux only; elsewhere the parent's own end
    (print_pdfs' finally) still stops the printers, short of a SIGKILL."""
    signal.signal(signal.SIGTERM, lambda *_: _ended(outputs, work))
    if not signal_at_parent_death(signal.SIGTERM, parent):  # the parent died before the request was made
        _ended(outputs, work)


def _ended(outputs: set[Path], work: Path) -> None:
    """A printer told to stop: no PDF it was writing is left half written (write_finished's temporary file), nor the
    editions' HTML in the work folder a killed parent cannot remove; then it ends without unwinding."""
    for folder in outputs:
        for temporary in folder.glob("*" + WRITING):
            temporary.unlink(missing_ok=True)
    shutil.rmtree(work, ignore_errors=True)
    os._exit(1)


def _printer(jobs: list[PrintJob], tasks: Any, results: Any, work: Path, allowed: Sequence[Path], parent: int) -> None:
    """One printer process: a browser that prints the jobs it takes until it takes None."""
    _dies_with(parent, {job.output.parent for job in jobs}, work)
    # Ctrl+C reaches every process of the terminal; the parent alone decides, and ends the printers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)  # a closed terminal hangs up every process of it, as Ctrl+C does
    try:
        with started_chromium() as browser:
            page = Page(browser, allowed)
            while (number := tasks.get()) is not None:
                job = jobs[number]
                with driving(f"udskrivningen af {job.output.name}"):
                    pdf, links = page.print(job, work)
                write_finished(pdf, job, links)
                results.put(("written", ""))
    except (PrintError, ChromiumFailed) as exc:
        results.put(("print", str(exc)))
    except BaseException:  # handed to the parent as text: not every exception can be pickled
        results.put(("error", traceback.format_exc()))


# An edition's head (its style sheet and plotly.js) without its title, and its body: editions with the same head are
# printed in one page, each body swapped in, so plotly.js is parsed once per printer and no page is opened per edition.
HEAD_AND_BODY = re.compile(r"(?s)^(.*?)<title>(.*?)</title>(.*?)<body>(.*)</body>\s*</html>\s*$")
# Swaps an edition's body and title into the page and draws its figures with the page's plotly.js (figures.js).
SWAP = """([title, body]) => {
  delete document.documentElement.dataset.krReady;
  document.title = title;
  document.body.innerHTML = body;
  window.krDraw();
}"""


class Page:
    """A printer's page: it loads the first edition from its file, and each later one with the same head by swapping
    its body in (SWAP). A document without figures.js's krDraw, or with another head, is loaded from its file.

    Every request the page makes (a navigation, which no Content-Security-Policy governs, included) is aborted
    unless it asks for a file under one of the `allowed` paths: defence in depth beside the editions' own policy
    (editions.with_print_policy), so a printed document reaches no other host, nor another file of this machine."""

    def __init__(self, browser: Any, allowed: Sequence[Path]) -> None:
        self.context = browser.new_context(service_workers="block")
        self.allowed = [Path(os.path.realpath(path)) for path in allowed]
        self.context.route("**/*", self._local_only)
        self.page: Any = None
        self.head = ""

    def _local_only(self, route: Any) -> None:
        if _allowed_file(route.request.url, self.allowed):
            route.continue_()
        elif route.request.is_navigation_request():
            route.fulfill(status=204)  # "no content": the document stays, where an aborted navigation shows an error page
        else:
            route.abort("blockedbyclient")

    def load(self, job: PrintJob, work: Path) -> None:
        document = kept_whole_at_hyphens(job.html if isinstance(job.html, str) else job.html())
        parts = HEAD_AND_BODY.match(document)
        head = parts.group(1) + parts.group(3) if parts else ""
        if parts and self.page is not None and head == self.head:
            self.page.evaluate(SWAP, [html.unescape(parts.group(2)), parts.group(4)])
            return
        source = work / (job.output.stem + ".html")
        source.write_text(document, encoding="utf-8")
        if self.page is not None:
            self.page.close()
        self.page = self.context.new_page()
        self.page.goto(source.as_uri(), wait_until="load")
        swappable = parts is not None and self.page.evaluate("typeof window.krDraw === 'function'")
        self.head = head if swappable else ""

    def print(self, job: PrintJob, work: Path) -> tuple[bytes, dict[str, str]]:
        """A job's PDF as Chromium prints it, and its links' texts (the first link to an address names it)."""
        self.load(job, work)
        page = self.page
        page.wait_for_function("document.documentElement.dataset.krReady", timeout=READY_TIMEOUT_MS)
        state = page.evaluate("document.documentElement.dataset.krReady")
        if state != "ja":
            raise PrintError(f"{job.output.name}: figurerne kunne ikke tegnes ({state})")
        options: dict[str, Any] = {  # Playwright's keyword arguments, each typed there
            "format": "A4",
            "tagged": True,
            "outline": True,
            "print_background": True,
            "display_header_footer": True,
            "header_template": "<span></span>",
            "footer_template": footer(job.title),
            "margin": MARGIN,
        }
        # The edition is printed whole, finished and tagged, with its table of contents' page numbers still blank
        # (their places are reserved, so the pages do not move). That print also finds the chapters that leave their
        # last page nearly empty and the cards that, kept whole, leave half the page before them empty: the next
        # chapter then runs on, the card may break, and the edition is printed again to look again. From the print
        # whose layout stands, the page each entry of the contents leads to is read, and only the pages up to the
        # first of them are printed again, with the numbers in, and put in place of the blank ones (with_front_pages):
        # Chromium's cost is in writing pages, not in laying them out, so this is far less than a second print.
        found = page.eval_on_selector_all(PAGE_NUMBERS, PAGE_TARGETS)
        targets, range_ends = [target for target, _ in found], [end for _, end in found]
        marked: set[str] = set()
        for layout_round in range(LAYOUT_ROUNDS + 1):
            marks = page.evaluate(MARK_PLACES)
            marked.update([end for end, *_ in marks["ends"]] + [mark for before, top, *_ in marks["cards"] for mark in (before, top)])
            marked.update(marks["pages"])
            pdf = page.pdf(**options)
            places = destination_places(pdf)
            changes = _relayout(marks, places)
            if layout_round == LAYOUT_ROUNDS or not any(changes):
                break
            page.evaluate(RELAYOUT, changes)
        page.evaluate("() => document.getElementById('kr-place-links')?.remove()")
        numbers = _page_numbers(places, targets)
        _write_page_numbers(page, numbers, range_ends)
        links = dict(reversed(page.eval_on_selector_all("a[href]", LINK_TEXTS)))
        unlinked = {mark for mark in marked if "#" + mark not in links}
        if not targets:
            return without_destinations(pdf, unlinked), links
        final = None
        if all(n.isdigit() for n in numbers):
            final = with_front_pages(pdf, page.pdf(**options, page_ranges=f"1-{min(int(n) for n in numbers)}"), unlinked)
        if final:
            return final, links
        # A link without a target, or numbers that moved the text of the contents (a number of four digits is wider
        # than its place, or the numbers let the contents' last line back onto a full cover page: Ringkøbing-Skjern's
        # contents then named every page one too high): the whole is printed again, as the tags of the first print
        # would not fit the new pages, and its numbers are read from that print until they stand. The hidden links to
        # the places come back for it (they write a part's end's place; its destinations are removed after, as above).
        page.evaluate(MARK_PLACES)
        for _ in range(LAYOUT_ROUNDS):
            pdf = page.pdf(**options)
            printed = _page_numbers(destination_places(pdf), targets)
            if printed == numbers:
                break
            numbers = printed
            _write_page_numbers(page, numbers, range_ends)
        else:
            pdf = page.pdf(**options)
        return without_destinations(pdf, unlinked), links


def _page_numbers(places: dict[str, tuple[int, float]], targets: Sequence[str]) -> list[str]:
    """The page each contents entry's link leads to in a print, as text ("" where its target is not in it)."""
    return [str(places[t][0]) if t in places and places[t][0] else "" for t in targets]


def _write_page_numbers(page: Any, numbers: Sequence[str], range_ends: Sequence[bool]) -> None:
    """Writes the page numbers into their places in the contents (page_texts)."""
    texts = page_texts(numbers, range_ends)
    page.eval_on_selector_all(PAGE_NUMBERS, "(spans, texts) => spans.forEach((s, i) => { s.textContent = texts[i]; })", texts)


def page_texts(numbers: Sequence[str], range_ends: Sequence[bool]) -> list[str]:
    """What each page number's place says: its number; a range's end (after its start) "–N", or nothing where the
    range begins and ends on one page ("s. 5", not "s. 5–5")."""
    return [
        ("" if n == numbers[i - 1] else f"–{n}") if end and i and n else n
        for i, (n, end) in enumerate(zip(numbers, range_ends, strict=True))
    ]


def _allowed_file(url: str, allowed: Sequence[Path]) -> bool:
    """Whether `url` names a file that is, or lies under, one of the `allowed` paths (symlinks followed)."""
    address = urlsplit(url)
    if address.scheme != "file" or address.netloc not in ("", "localhost"):
        return False
    path = Path(os.path.realpath(url2pathname(address.path)))
    return any(path == root or root in path.parents for root in allowed)


def _relayout(marks: dict, places: dict[str, tuple[int, float]]) -> tuple[list[int], list[int], list[int], list[int]]:
    """The chapters to run on (the one before left its last page less than RUN_ON_BELOW full; before a chapter of the
    contents' first level, TOP_RUN_ON_BELOW, and only once the one before was set closer), the cards to let break,
    the cards to let go on alone and the chapters to set closer (CLOSER). A card that, kept whole with the heading
    and lead-in kept with it (.kr-keep), went on to the next page and left the page before it less than CARD_GAP
    full (a figure's table: TABLE_GAP, `marks["tables"]`) goes on alone, whole, where its heading and lead-in then
    fill that page to CARD_GAP and fit on it (how far down the next page the card began, below them); otherwise it
    may break. Broken there, its words began at Høje-Taastrup's page 6's foot (79 %)."""
    chapters: list[int] = []
    closer: list[int] = []
    for end, i, *flags in marks["ends"]:
        first_level, set_closer = (*flags, False, False)[:2]
        # A first-level chapter waits for every chapter before it to run on: that moves the end it was measured by (the
        # whole book's »Referencer« ran on at 49 % below »Afsluttende betragtninger«, which ran on in the same round).
        # One set closer does not move it: the chapter after that one still begins a page.
        if first_level and chapters:
            continue
        if end in places and places[end][1] < (TOP_RUN_ON_BELOW if first_level else RUN_ON_BELOW):
            if first_level and not set_closer:
                closer.append(i)
            else:
                chapters.append(i + 1)
    # Cards wait for the chapters to run on: a card broken on a page that a running-on chapter then moved stayed broken
    # at the next page's foot (the whole book's »Værdiskabelser«, its third card's words at 85 %, session 26).
    if chapters or closer:
        return chapters, [], [], closer
    moved = [
        (i, places[before][1] + places[top][1] if lead_in and places[top][0] == places[before][0] + 1 else 0.0)
        for before, top, i, lead_in in marks["cards"]
        if before in places
        and top in places
        and places[top][0] > places[before][0]
        and places[before][1] < (TABLE_GAP if i in marks["tables"] else CARD_GAP)
    ]
    # A table never goes on alone: its title and sentence (a figure without a drawing kept whole, .kr-keep) would stand
    # at the page's foot without it (reader30 #2). It breaks below them instead.
    alone = [i for i, filled in moved if i not in marks["tables"] and CARD_GAP + CARD_TOP <= filled < 1]
    return chapters, [i for i, _ in moved if i not in alone], alone, closer


def with_front_pages(pdf: bytes, front: bytes, unlinked: set[str]) -> bytes | None:
    """`pdf` with its first pages drawn as `front` draws them (the same edition printed again up to its last page of
    contents, the page numbers in), and without the named destinations of `unlinked` (the place marks, which no link
    of the edition leads to). Each page keeps its object, tags, links and outline entries, and takes the new page's
    content and resources. None if a page's marked content differs (the text moved): its tags would not fit."""
    with pikepdf.open(io.BytesIO(pdf)) as document, pikepdf.open(io.BytesIO(front)) as printed:
        pairs = list(zip(document.pages, printed.pages, strict=False))
        if len(printed.pages) > len(document.pages) or any(_marks(old) != _marks(new) for old, new in pairs):
            return None
        for old, new in pairs:
            for key in ("/Contents", "/Resources"):  # copied with everything they refer to (fonts, pictures)
                old.obj[key] = document.copy_foreign(printed.make_indirect(new.obj[key]))
        return _saved(document, unlinked)


def without_destinations(pdf: bytes, unlinked: set[str]) -> bytes:
    """`pdf` without the named destinations of `unlinked`."""
    if not unlinked:
        return pdf
    with pikepdf.open(io.BytesIO(pdf)) as document:
        return _saved(document, unlinked)


def _saved(document: pikepdf.Pdf, unlinked: set[str]) -> bytes:
    """The document as bytes, without the destinations only the printer's hidden links led to (MARK_PLACES)."""
    dests = document.Root.get("/Dests", pikepdf.Dictionary())
    for name in unlinked:
        if "/" + name in dests:
            del dests["/" + name]
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _marks(page: pikepdf.Page) -> list[tuple[str, list[str]]]:
    """The page's marked-content operators and text objects in order, with the tags' operands (their MCIDs): what the
    tag tree points into, and where a line that broke differently would show."""
    return [(str(op.operator), [str(o) for o in op.operands]) for op in pikepdf.parse_content_stream(page, "BDC BMC EMC BT ET")]


# The ending of a PDF being written beside its place.
WRITING = ".tmp"


def write_finished(pdf: bytes, job: PrintJob, link_texts: dict[str, str]) -> Path:
    """The finished PDF, written to a temporary file and then moved into place."""
    job.output.parent.mkdir(parents=True, exist_ok=True)
    temporary = job.output.with_name(job.output.name + WRITING)
    temporary.write_bytes(finish(pdf, job.title, link_texts, job.subject))
    os.replace(temporary, job.output)
    return job.output
