"""Printing the editions to PDF with Chromium through Playwright: tagged, with an outline, A4, "Side 3 af 12".

Chromium was chosen by measurement (BENCHMARKS.md): it tags figures with their alternative text, sets
/Lang and DisplayDocTitle itself, and prints a long document several times faster than WeasyPrint.
"""

from __future__ import annotations

import concurrent.futures
import io
import os
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pikepdf

from kulturensrige.edition.chromium import CHROMIUM, CHROMIUM_ARGS
from kulturensrige.edition.pdf_accessibility import finish
from kulturensrige.render.markup import esc

# The book's own cartesian bundle of plotly.js (a third of the full one), so each print loads less.
PLOTLY_JS = Path(__file__).resolve().parent.parent.parent / "book" / "_static" / "plotly.min.js"
MARGIN = {"top": "16mm", "bottom": "18mm", "left": "18mm", "right": "18mm"}
READY_TIMEOUT_MS = 300_000
# Each link's href and text, which become its annotation's description; the first link to an address names it.
LINK_TEXTS = "links => links.map(a => [a.getAttribute('href'), a.textContent])"


class PrintError(RuntimeError):
    """The page could not be made ready for printing (a figure failed to draw)."""


@dataclass(frozen=True)
class PrintJob:
    """One edition: its HTML, the PDF to write and the short title its footer repeats on every page."""

    html: str
    output: Path
    title: str


FOOTER_TITLE_LENGTH = 70


def footer_title(title: str) -> str:
    """The title as the footer prints it: on one line, cut short with '…' (a name from data can be very long)."""
    title = " ".join(title.split())
    return title if len(title) <= FOOTER_TITLE_LENGTH else title[: FOOTER_TITLE_LENGTH - 1].rstrip() + "…"


def footer(title: str) -> str:
    """Chromium's footer template: the edition's title and the Danish page number, 'Side 3 af 12'."""
    return (
        "<div style=\"font-family: 'DejaVu Sans', sans-serif; font-size: 8pt; color: #444; width: 100%; "
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


def contents_pages(titles: list[str], bookmarks: list[tuple[str, int]]) -> list[str]:
    """The page number for each entry of the table of contents: the first heading after the previous entry's
    that has the entry's text ('' if none has; the entries after it still find theirs)."""
    numbers, start = [], 0
    for title in (" ".join(t.split()) for t in titles):
        hit = next((i for i in range(start, len(bookmarks)) if bookmarks[i][0] == title and bookmarks[i][1]), None)
        numbers.append(str(bookmarks[hit][1]) if hit is not None else "")
        start = hit + 1 if hit is not None else start
    return numbers


# Editions printed side by side, each by a browser of its own (a sync Playwright belongs to the thread that made it):
# while one browser draws and prints, Python writes the next edition's HTML and finishes the last PDF.
PRINTERS = 2


def print_pdfs(jobs: Iterable[PrintJob], printers: int = PRINTERS) -> list[Path]:
    """Print every job and write each finished PDF, in the jobs' order; a failed job stops the rest.

    `jobs` is read as the printers ask for work, so the first PDF is written while later editions are still to be made."""
    source = enumerate(jobs)
    lock = threading.Lock()
    done: dict[int, concurrent.futures.Future] = {}
    failed: list[BaseException] = []

    def take() -> tuple[int, PrintJob] | None:
        with lock:
            return None if failed else next(source, None)

    # Finishing a PDF (pdf_accessibility) is Python work; one thread does it while Chromium prints.
    with tempfile.TemporaryDirectory(prefix="kr-pdf-") as work, concurrent.futures.ThreadPoolExecutor(max_workers=1) as finisher:

        def printer() -> None:
            try:
                _print_taken(take, Path(work), finisher, done)
            except BaseException as exc:  # handed to the caller below, once the other printer has stopped
                with lock:
                    failed.append(exc)

        threads = [threading.Thread(target=printer) for _ in range(max(1, printers))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if failed:
            raise failed[0]
        return [done[i].result() for i in sorted(done)]


def _print_taken(take, work: Path, finisher: concurrent.futures.Executor, done: dict) -> None:
    """One printer: a browser that prints the jobs `take` hands it until there are none."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            while (taken := take()) is not None:
                number, job = taken
                pdf, links = _print(browser, job, work)
                done[number] = finisher.submit(write_finished, pdf, job, links)
        finally:
            browser.close()


def _print(browser, job: PrintJob, work: Path) -> tuple[bytes, dict[str, str]]:
    """A job's PDF as Chromium prints it, and its links' texts (the first link to an address names it)."""
    source = work / (job.output.stem + ".html")
    source.write_text(job.html, encoding="utf-8")
    page = browser.new_page()
    try:
        page.goto(source.as_uri(), wait_until="load")
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
        # First print to learn where each heading lands, then print again with the page numbers in
        # the table of contents (their places are reserved, so the pages do not move).
        titles = page.eval_on_selector_all(".kr-toc-title", "titles => titles.map(t => t.textContent)")
        numbers = contents_pages(titles, outline_pages(page.pdf(**options)))
        page.eval_on_selector_all(".kr-toc-page", "(spans, numbers) => spans.forEach((s, i) => { s.textContent = numbers[i]; })", numbers)
        links = page.eval_on_selector_all("a[href]", LINK_TEXTS)
        return page.pdf(**options), dict(reversed(links))
    finally:
        page.close()


def write_finished(pdf: bytes, job: PrintJob, link_texts: dict[str, str]) -> Path:
    """The finished PDF, written to a temporary file and then moved into place."""
    job.output.parent.mkdir(parents=True, exist_ok=True)
    temporary = job.output.with_name(job.output.name + ".tmp")
    temporary.write_bytes(finish(pdf, job.title, link_texts))
    os.replace(temporary, job.output)
    return job.output
