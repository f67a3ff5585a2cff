"""Lighthouse on the built book as a phone reader meets it: mobile preset, simulated throttling, gzip.

Usage: python scripts/measure_lighthouse.py SITE [--pages index.html ...] [--runs 3] [--json OUT]

SITE is a built book (book/_build/html). It is served on 127.0.0.1 with gzip, as a real host serves it
(Python's http.server sends everything uncompressed), and Lighthouse (pinned in scripts/lighthouse/,
`npm ci` there installs it) runs each page --runs times in Debian's Chromium. Prints one row per page with
the median of the runs for each column; --json keeps every run's figures. A script, not a test: the
scores depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from dataclasses import asdict, dataclass
from pathlib import Path

from kulturensrige import cli
from kulturensrige.data.folder_writing import destination_problem, write_file
from kulturensrige.edition.chromium import CHROMIUM, CHROMIUM_ARGS, ChromiumFailed, failure_line

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "scripts" / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"
FLOW = ROOT / "scripts" / "lighthouse" / "flow.mjs"
# The reader on a slow phone of issue 24: the CPU slowed 4x while the page is scrolled through its charts.
FLOW_THROTTLE = 4
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSED = {".html", ".js", ".css", ".json", ".svg", ".txt", ".xml", ".map"}


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, text types gzipped when the browser accepts it (as a web host would)."""

    def log_message(self, *args) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)


class _Body:
    """What send_head returns: a file-like object the handler copies to the socket."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = (self.data, b"") if size < 0 else (self.data[:size], self.data[size:])
        return data

    def close(self) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    """Lighthouse closes connections it no longer needs; a broken pipe then is no error worth a traceback."""

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve_gzip(site: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    server = _QuietServer(("127.0.0.1", 0), functools.partial(_GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


@dataclass
class Run:
    performance: float
    accessibility: float
    best_practices: float
    seo: float
    lcp_ms: float
    cls: float
    tbt_ms: float
    transfer_bytes: int
    raw_bytes: int
    scroll_tbt_ms: float | None = None  # a page with charts: TBT while scrolled to its end (flow.mjs)


def lighthouse(url: str, report: Path) -> Run:
    """One Lighthouse run (mobile preset, simulated throttling: Lighthouse's defaults)."""
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--form-factor=mobile",
        "--throttling-method=simulate",
        "--chrome-flags=" + " ".join(["--headless=new", *CHROMIUM_ARGS]),
    ]
    _run(command, f"Lighthouse på {url}", env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=300)
    lhr = json.loads(report.read_text(encoding="utf-8"))
    if lhr.get("runtimeError"):
        raise RuntimeError(f"Lighthouse fejlede på {url}: {lhr['runtimeError']}")
    audits, categories = lhr["audits"], lhr["categories"]
    requests = audits["network-requests"]["details"]["items"]
    return Run(
        performance=round(categories["performance"]["score"] * 100),
        accessibility=round(categories["accessibility"]["score"] * 100),
        best_practices=round(categories["best-practices"]["score"] * 100),
        seo=round(categories["seo"]["score"] * 100),
        lcp_ms=audits["largest-contentful-paint"]["numericValue"],
        cls=audits["cumulative-layout-shift"]["numericValue"],
        tbt_ms=audits["total-blocking-time"]["numericValue"],
        transfer_bytes=int(audits["total-byte-weight"]["numericValue"]),
        raw_bytes=int(sum(item.get("resourceSize", 0) for item in requests)),
    )


def scroll_tbt(url: str) -> float:
    """The total blocking time of a Lighthouse timespan that scrolls the page to its end, each chart drawn in turn."""
    request = {"chromium": CHROMIUM, "args": CHROMIUM_ARGS, "throttle": FLOW_THROTTLE, "urls": [url]}
    result = _run(["node", str(FLOW)], f"Lighthouse-forløbet på {url}", input=json.dumps(request), timeout=600)
    return json.loads(result.stdout)[url]["tbt_ms"]


def _run(command: list[str], what: str, **options) -> subprocess.CompletedProcess:
    """Lighthouse's node process, run to the end; one that fails, or outlasts its time, is ChromiumFailed, one line
    from the last line it wrote (its Chromium could not start, or stopped). Its whole process group is stopped at the
    timeout: subprocess.run's own timeout killed node alone and left its Chromium running."""
    try:
        result = cli.run_in_time(command, capture_output=True, text=True, **options)
    except subprocess.TimeoutExpired as exc:
        raise ChromiumFailed(failure_line(f"{what} stoppede ikke", exc)) from None
    if result.returncode != 0:
        last = next((line for line in reversed(result.stderr.splitlines()) if line.strip()), f"exit {result.returncode}")
        raise ChromiumFailed(failure_line(f"{what} fejlede", RuntimeError(last.strip())))
    return result


def has_charts(site: Path, page: str) -> bool:
    return 'class="kr-plot' in (site / page).read_text(encoding="utf-8")


def median_run(runs: list[Run]) -> Run:
    """Each column's median over the runs (Lighthouse varies from run to run; three is its own advice)."""
    columns = asdict(runs[0]).keys()
    values = {c: [getattr(r, c) for r in runs] for c in columns}
    return Run(**{c: None if None in v else statistics.median(v) for c, v in values.items()})


def measure(site: Path, pages: list[str], runs: int) -> dict[str, list[Run]]:
    if not LIGHTHOUSE.is_file():
        raise SystemExit(f"Lighthouse mangler: kør `npm ci` i {LIGHTHOUSE.parents[3]}")
    url, server = serve_gzip(site)
    results: dict[str, list[Run]] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="kr-lighthouse-") as tmp:
            for page in pages:
                results[page] = [lighthouse(f"{url}/{page}", Path(tmp) / "report.json") for _ in range(runs)]
                if has_charts(site, page):
                    for run in results[page]:
                        run.scroll_tbt_ms = scroll_tbt(f"{url}/{page}")
                m = median_run(results[page])
                scrolled = f", TBT i rulning {m.scroll_tbt_ms:.0f} ms" if m.scroll_tbt_ms is not None else ""
                print(f"{page}: performance {m.performance:.0f}, LCP {m.lcp_ms / 1000:.1f} s, TBT {m.tbt_ms:.0f} ms{scrolled}", flush=True)
    finally:
        server.shutdown()
    return results


def book_pages(site: Path) -> list[str]:
    """Every page a reader can open (not Sphinx's _sources/_static)."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if not p.relative_to(site).parts[0].startswith("_"))


def table(results: dict[str, list[Run]]) -> str:
    lines = [
        "| Page | performance | accessibility | best practices | SEO | LCP | CLS | TBT | TBT scrolling | transfer | raw weight |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for page, runs in results.items():
        m = median_run(runs)
        cells = [
            f"`{page}`",
            f"{m.performance:.0f}",
            f"{m.accessibility:.0f}",
            f"{m.best_practices:.0f}",
            f"{m.seo:.0f}",
            f"{m.lcp_ms / 1000:.1f} s",
            f"{m.cls:.3f}",
            f"{m.tbt_ms:.0f} ms",
            "–" if m.scroll_tbt_ms is None else f"{m.scroll_tbt_ms:.0f} ms",
            f"{m.transfer_bytes / 1024:.0f} KiB",
            f"{m.raw_bytes / 1024:.0f} KiB",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = cli.Parser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--pages", nargs="*", help="pages relative to SITE (default: every page)")
    parser.add_argument("--runs", type=cli.runs, default=3)
    parser.add_argument("--json", help="write every run's figures here")  # as typed: Path("") is "."
    args = parser.parse_args(argv)
    site = args.site.resolve()
    if not (site / "index.html").is_file():
        print(f"{site} er ikke en bygget bog (ingen index.html)", file=sys.stderr)
        return 1
    # Checked before the runs (an hour on every page), not after them: --json goes through the one output guard.
    if args.json is not None and (refused := destination_problem(args.json, folder=False, overwrite=True, reading=[site])) is not None:
        return cli.refused(refused)
    results = measure(site, args.pages or book_pages(site), args.runs)
    print(table(results))
    if args.json is not None:
        text = json.dumps({p: [asdict(r) for r in rs] for p, rs in results.items()}, indent=1)
        write_file(Path(args.json), lambda temporary: temporary.write_text(text, encoding="utf-8"), overwrite=True)
    return 0


if __name__ == "__main__":
    cli.run(main)
