"""Write the PDF editions into the built book: one per municipality and one of the whole book.

Usage: python scripts/build_pdf.py [--data DATA_DIR] [--site DIR] [--book-url URL]

Run after `make book` with the same data: the whole-book edition prints the built chapters. The PDFs go
to <site>/pdf/kulturens-rige-<slug>.pdf and <site>/pdf/kulturens-rige.pdf, and the front page and each
profile page then link to theirs. A problem stops with one Danish line and no traceback.
"""

from __future__ import annotations

import os
import sys
import time
from functools import partial
from pathlib import Path

from kulturensrige import cli
from kulturensrige.book.site_folder import BUILD_FIRST, LinkInSite, SiteBusy, pdf_site_problem, recover, replaced_site, site_lock
from kulturensrige.data import publishing
from kulturensrige.data.buildkey import MISSING, RECORD, built_on, read_record, record_fault
from kulturensrige.data.interruption import EXIT_CODE, Interrupted, interruptible, said
from kulturensrige.data.loading import data_dir, load
from kulturensrige.data.settings import settings_problems
from kulturensrige.edition import editions
from kulturensrige.edition.chromium import CHROMIUM
from kulturensrige.edition.links import link_editions
from kulturensrige.edition.printing import PLOTLY_JS, PrintError, PrintJob, print_pdfs
from kulturensrige.words import number

ROOT = Path(__file__).resolve().parent.parent

BOOK_URL_VARIABLE = "KR_BOOK_URL"


@cli.stops_on_problems("PDF-udgaverne er ikke skrevet: {count} problem(er) i datamappen.")
def main(argv: list[str] | None = None) -> int:
    parser = cli.Parser(description="Skriv PDF-udgaverne ind i den byggede bog.")
    parser.add_argument(
        "--data",
        type=cli.input_name("datamappen, bogen er bygget af", str),
        default=None,
        help="datamappe (standard: $KR_DATA_DIR eller data/)",
    )
    parser.add_argument("--site", default=str(ROOT / "book" / "_build" / "html"), help="den byggede bog (standard: book/_build/html)")
    parser.add_argument("--book-url", default=None, help=f"bogens adresse på nettet (standard: ${BOOK_URL_VARIABLE}; ellers ingen)")
    args = parser.parse_args(argv)
    if unusable := settings_problems():  # before any work: a traceback from Sphinx or a notebook otherwise
        for problem in unusable:
            cli.refused(problem)
        return cli.OUTPUT_REFUSED
    raw_url = args.book_url if args.book_url is not None else os.environ.get(BOOK_URL_VARIABLE, "")
    if wrong_url := editions.book_address_problem(raw_url):
        given = "--book-url" if args.book_url is not None else BOOK_URL_VARIABLE
        return cli.bad_argument(f"{given}: {raw_url.strip()!r} {wrong_url}; {editions.BOOK_ADDRESS_ALLOWED}.")
    folder = data_dir(args.data)
    if (refused := pdf_site_problem(args.site, folder)) is not None:
        return cli.refused(refused)
    data = load(folder)
    site = Path(args.site).resolve()
    if not site.parent.is_dir():  # nothing to lock, and nothing built
        print(site_problem(site, data.fingerprint), file=sys.stderr)
        return 1
    started = time.perf_counter()
    try:
        with interruptible(), site_lock(site):
            # The site is read under its lock: a build running beside this would change it between the look and the copy.
            # What a killed run left is tidied first: the site checked is the one the PDFs go into.
            recover(site)
            problem = site_problem(site, data.fingerprint)
            if not Path(CHROMIUM).exists():
                problem = problem or "Chromium mangler: installer Debians pakke 'chromium' (make pdf gør det selv, når den kører som root)."
            if problem:
                raise NotPrintable(problem)
            # The editions say the day the site was built, as its pages do, not the day they were printed.
            built = built_on(read_record(site) or {})
            assert built is not None  # site_problem refuses a record without its date
            stamp = editions.Stamp(data.folder.name, data.fingerprint, built, editions.book_address(raw_url))
            # The editions go into a copy of the site, swapped in when all are written: an interrupted or failed
            # run leaves the site as it was, never half of the PDFs or half of the links.
            # Each edition's HTML is made by the printer that takes it: the first PDF does not wait for the last one's.
            with replaced_site(site) as copy:
                written = print_pdfs(edition_jobs(data, copy, stamp), readable=[copy])
                remove_stale(copy / "pdf", {p.name for p in written})
                linked = link_editions(copy, data)
    except NotPrintable as problem:
        print(problem, file=sys.stderr)
        return 1
    except SiteBusy as busy:
        print(f"PDF-udgaverne er ikke skrevet: {busy}.", file=sys.stderr)
        return 1
    except (PrintError, LinkInSite) as exc:
        print(f"PDF-udgaverne er ikke skrevet: {exc}; bogen i {site} er som før.", file=sys.stderr)
        return 1
    except Interrupted as stop:
        written = f"PDF-udgaverne ligger i {site / 'pdf'}"
        print(stop.line(f"PDF-udgaverne er ikke skrevet, og bogen i {site} er som før", written), file=sys.stderr)
        return EXIT_CODE
    seconds = time.perf_counter() - started
    said(f"{len(written)} PDF-filer skrevet i {site / 'pdf'} på {number(seconds, 1)} s; {len(linked)} sider linker til dem.")
    return 0


class NotPrintable(Exception):
    """The site is not a finished build of these data, or Chromium is missing: nothing is printed."""


def site_problem(site: Path, fingerprint: str) -> str:
    """'' if the built book is there and was built from the same data (the build's record, buildkey.RECORD);
    else what to do, in one line."""
    if not (site / "index.html").is_file():
        return f"Bogen er ikke bygget i {site}: {BUILD_FIRST}"
    record = read_record(site)
    if record is None:
        if (fault := record_fault(site)) == MISSING:
            return f"Bogen i {site} har ingen {RECORD} fra sin bygning: kør make book (med samme DATA) igen."
        return f"Bogens {RECORD} i {site} {fault}, så det er uklart, hvilke data bogen er bygget fra: kør make book (med samme DATA) igen."
    if record.get("data_fingerprint") != fingerprint:
        return (
            f"Bogen i {site} er bygget fra andre data (fingeraftryk {record.get('data_fingerprint')}, datamappen har "
            f"{fingerprint}): kør make book med samme DATA først."
        )
    if built_on(record) is None:
        return f"Bogen i {site} har ingen byggedato i sin {RECORD}: kør make book (med samme DATA) igen."
    return ""


def edition_jobs(data, site: Path, stamp: editions.Stamp) -> list[PrintJob]:
    """The whole book first, as it takes longest (the municipality editions print beside it), then the analysts'
    edition (the data chapter), then a job per municipality. Each job's HTML is made by the printer that takes it; the
    charts are computed once, here. The editions follow the pages' default: no inferred tie of a quote that is not
    cleared (publishing.published_data)."""
    data = publishing.published_data(data)
    charts = editions.EditionCharts.compute(data)
    plotly_js = PLOTLY_JS.as_uri()
    out = site / "pdf"
    # Every edition says in its properties which data made it; the analysts' edition says it on its last page too (ADR 108).
    book = partial(editions.book_edition, site, data, stamp, plotly_js)
    jobs = [PrintJob(book, out / editions.file_name(), editions.TITLE, stamp.source)]
    analysts = partial(editions.book_edition, site, data, stamp, plotly_js, analysts=True)
    jobs.append(PrintJob(analysts, out / editions.ANALYSTS_FILE, editions.ANALYSTS_TITLE, stamp.source))
    for row in data.municipalities.itertuples():
        html = partial(editions.municipality_edition, data, row.kommunekode, stamp, charts, plotly_js)
        jobs.append(PrintJob(html, out / editions.file_name(row.slug), f"{editions.TITLE} – {row.name}", stamp.source))
    return jobs


def remove_stale(folder: Path, keep: set[str]) -> None:
    """Editions of municipalities no longer in the data must not stay published."""
    for path in folder.glob("kulturens-rige*.pdf"):
        if path.name not in keep:
            path.unlink()


if __name__ == "__main__":
    cli.run(main)
