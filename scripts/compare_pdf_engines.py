"""The measurement behind the choice of PDF engine: Chromium (Playwright) against WeasyPrint (PDF/UA-1).

Usage: pip install weasyprint==70.0; python scripts/compare_pdf_engines.py [SITE] [--runs 3]

Prints the same two documents with both engines (Køge's edition and the whole book, built from data/ and
SITE, default book/_build/html): seconds per run and median, pages, and the figures tagged with /Alt.
WeasyPrint runs no JavaScript, so it cannot draw the book's plotly figures; that shows in the count.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pikepdf

from kulturensrige import cli, load
from kulturensrige.edition import editions
from kulturensrige.edition.chromium import driving, started_chromium
from kulturensrige.edition.printing import MARGIN, PLOTLY_JS

ROOT = Path(__file__).resolve().parent.parent


def described_figures(path: Path) -> str:
    """'3 of 3': Figure tags with alternative text, of all Figure tags."""
    with pikepdf.open(path) as pdf:
        stack, figures = [pdf.Root.StructTreeRoot], []
        while stack:
            node = stack.pop()
            if isinstance(node, pikepdf.Dictionary):
                if node.get("/S") == "/Figure":
                    figures.append(bool(str(node.get("/Alt", "")).strip()))
                kids = node.get("/K")
                stack.extend(kids if isinstance(kids, pikepdf.Array) else [kids] if isinstance(kids, pikepdf.Dictionary) else [])
        return f"{sum(figures)} of {len(figures)}"


def main(argv: list[str] | None = None) -> int:
    parser = cli.Parser()
    parser.add_argument("site", nargs="?", default=str(ROOT / "book" / "_build" / "html"))
    parser.add_argument("--runs", type=cli.runs, default=3)
    args = parser.parse_args(argv)
    try:
        import weasyprint
    except ImportError:
        print("WeasyPrint mangler: pip install weasyprint==70.0 (kun til denne måling).", file=sys.stderr)
        return 1
    data = load(ROOT / "data")
    stamp = editions.Stamp("data", data.fingerprint, dt.date.today())
    documents = {
        "Køge's edition": editions.municipality_edition(data, "259", stamp, editions.EditionCharts.compute(data), PLOTLY_JS.as_uri()),
        "whole book": editions.book_edition(Path(args.site), data, stamp, PLOTLY_JS.as_uri()),
    }
    with tempfile.TemporaryDirectory() as work, started_chromium() as browser, driving("målingen"):
        _compare(browser, documents, Path(work), args.runs, weasyprint)
    return 0


def _compare(browser, documents: dict[str, str], work: Path, runs: int, weasyprint) -> None:
    """Print each document with both engines `runs` times, and a table row for each."""
    for n, (name, html) in enumerate(documents.items()):
        source = work / f"{n}.html"
        source.write_text(html, encoding="utf-8")
        outputs = {"weasyprint": work / f"{n}-w.pdf", "chromium": work / f"{n}-c.pdf"}
        times = {"weasyprint": [], "chromium": []}
        for _ in range(runs):
            started = time.perf_counter()
            weasyprint.HTML(filename=str(source)).write_pdf(outputs["weasyprint"], pdf_variant="pdf/ua-1")
            times["weasyprint"].append(time.perf_counter() - started)
            started = time.perf_counter()
            page = browser.new_page()
            page.goto(source.as_uri())
            page.wait_for_function("document.documentElement.dataset.krReady")
            page.pdf(path=str(outputs["chromium"]), format="A4", tagged=True, outline=True, margin=MARGIN)
            page.close()
            times["chromium"].append(time.perf_counter() - started)
        for engine, path in outputs.items():
            seconds = ", ".join(f"{t:.1f}" for t in times[engine])
            pages = len(pikepdf.open(path).pages)
            print(f"| {name} | {engine} | {seconds} | {statistics.median(times[engine]):.1f} | {pages} | {described_figures(path)} |")


if __name__ == "__main__":
    cli.run(main)
