"""Measure the municipality filter's latency in Chromium: from choosing a municipality to the page updated.

The built site is served on 127.0.0.1 by this script; every request elsewhere is blocked. On each
measured page the select is changed N times (cycling through the municipalities and "Alle kommuner"),
and the page's own `kr:filtered` event gives the time from the change event to the last Plotly.react
resolved. The pages measured are the heaviest of the book (most charts, then most filterable items).

With --scrolled, every chart is first brought into view and drawn once, as by a reader who has read the page.

Usage: python scripts/measure_filter_latency.py SITE_DIR [--changes 20] [--pages 3] [--throttle 1 4] [--scrolled]
       SITE_DIR is the built HTML, e.g. book/_build/html or /tmp/site/_build/html.
"""

from __future__ import annotations

import functools
import http.server
import re
import statistics
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

from kulturensrige import cli
from kulturensrige.edition.chromium import driving, started_chromium

# Chromium's CPU slowdown: 1 is the machine's own speed, and less is no measurement of a slower phone.
THROTTLE = cli.at_least(1, cli.decimal, " (1 er maskinens egen hastighed)")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve(site: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    """The built site on 127.0.0.1, quietly, in a thread: its address and the server to shut down."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


def page_weight(path: Path) -> tuple[int, int, int]:
    """(filterable charts, filterable items outside the drill-through stores, KiB): what a change touches."""
    html = path.read_text(encoding="utf-8")
    outside_templates = re.sub(r"<template\b.*?</template>", "", html, flags=re.S)
    return html.count('data-kr-filterable="true"'), outside_templates.count("data-kommune="), len(html) // 1024


def heaviest(site: Path, n: int) -> list[tuple[str, tuple[int, int, int]]]:
    pages = [
        (p.relative_to(site).as_posix(), page_weight(p))
        for p in site.rglob("*.html")
        if not p.name.startswith("search") and "_static" not in p.parts
    ]
    return sorted(pages, key=lambda item: item[1], reverse=True)[:n]


NEAR_CHARTS_DRAWN = """() => [...document.querySelectorAll('figure.kr-figure')]
  .filter((f) => { const r = f.getBoundingClientRect(); return r.bottom > -200 && r.top < window.innerHeight + 200; })
  .every((f) => f.querySelector('.kr-plot .main-svg'))"""
NEXT_EVENT = "() => { window.__krNext = new Promise((r) => document.addEventListener('kr:filtered', (e) => r(e.detail), {once: true})); }"


# A reader who has read the page: every chart brought into view and drawn once, then back at the top.
SCROLL_THROUGH = """async () => {
  for (const plot of document.querySelectorAll('.kr-plot')) {
    plot.scrollIntoView({block: 'center'});
    for (let i = 0; i < 200 && !plot.querySelector('.main-svg'); i++) await new Promise((r) => setTimeout(r, 50));
  }
}"""


def measure(browser, url: str, changes: int, throttle: float, scrolled: bool = False) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    page = context.new_page()
    page.route("**/*", lambda r: r.continue_() if urlparse(r.request.url).hostname == "127.0.0.1" else r.abort())
    if throttle != 1:
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
    page.goto(url)
    first = page.evaluate("() => window.KR_FILTER.ready.then(() => window.KR_FILTER.firstViewAt)")  # since navigation start
    if scrolled:
        page.evaluate(SCROLL_THROUGH)
    # Measure where the charts are: scrolled to the first filterable one (the top of these pages holds no chart).
    page.evaluate("() => { const f = document.querySelector('figure.kr-figure[data-kr-filterable=\"true\"]'); if (f) f.scrollIntoView(); }")
    # kr-charts.js fetches plotly.js once the reader scrolls and draws the charts near the screen first: wait for them.
    page.wait_for_function(NEAR_CHARTS_DRAWN, timeout=120_000)
    codes = page.eval_on_selector_all("#kr-kommune option", "os => os.map(o => o.value)")
    cycle = codes[1:] + codes[:1]  # every municipality, then back to "alle"
    details = []
    for i in range(changes):
        page.evaluate(NEXT_EVENT)
        page.select_option("#kr-kommune", cycle[i % len(cycle)])
        details.append(page.evaluate("() => window.__krNext"))
    context.close()
    return {"first": first, "ms": sorted(d["ms"] for d in details), "visible": sorted(d["visibleMs"] for d in details)}


def median(values: list[float]) -> float:
    return statistics.median(values)


def p90(values: list[float]) -> float:
    return sorted(values)[int(0.9 * (len(values) - 1))]


def main(argv: list[str] | None = None) -> int:
    parser = cli.Parser(description="Mål kommunefiltrets svartid i Chromium.")
    parser.add_argument("site", type=Path, help="den byggede bogs HTML-mappe")
    parser.add_argument("--changes", type=cli.runs, default=20, help="antal skift pr. side (standard 20)")
    parser.add_argument("--pages", type=cli.at_least(1, cli.whole), default=3, help="antal af de tungeste sider (standard 3)")
    parser.add_argument("--throttle", type=THROTTLE, nargs="+", default=[1.0], help="CPU-nedsætning(er), fx 1 4")
    parser.add_argument("--scrolled", action="store_true", help="rul først gennem hele siden, så hver figur er tegnet én gang")
    args = parser.parse_args(argv)
    site = args.site.resolve()
    if not (site / "index.html").is_file():
        print(f"{site} er ikke en bygget bog (ingen index.html)", file=sys.stderr)
        return 1
    base, server = serve(site)
    pages = heaviest(site, args.pages)
    rows = []
    try:
        with started_chromium() as browser, driving("målingen"):
            version = browser.version
            for throttle in args.throttle:
                for path, (charts, items, size) in pages:
                    r = measure(browser, f"{base}/{path}", args.changes, throttle, args.scrolled)
                    rows.append(
                        (
                            path,
                            str(charts),
                            str(items),
                            str(size),
                            f"{throttle:g}",
                            f"{r['first']:.0f}",
                            f"{median(r['visible']):.0f}",
                            f"{median(r['ms']):.0f}",
                            f"{p90(r['ms']):.0f}",
                            f"{max(r['ms']):.0f}",
                            str(len(r["ms"])),
                        )
                    )
    finally:
        server.shutdown()

    print(f"Chromium {version}, viewport 1280×900; {args.changes} skift pr. side; tider i ms fra change-hændelsen (kr:filtered).")
    if args.scrolled:
        print("Først rullet gennem hele siden: hver figur er tegnet én gang, før der vælges.")
    print("Siden rulles til den første filtrerbare figur. »i syne«: figurerne i og nær viewporten er tegnet (de tegnes først);")
    print("»hele siden«: alle figurer er tegnet. Første visning: fra navigationens start, til alle figurer er tegnet.")
    header = (
        "side",
        "filtrerbare figurer",
        "elementer",
        "KiB",
        "CPU÷",
        "første visning",
        "median i syne",
        "median hele siden",
        "p90 hele siden",
        "maks",
        "n",
    )
    table = [header, *rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for i, row in enumerate(table):
        print("  ".join(cell.ljust(w) if j == 0 else cell.rjust(w) for j, (cell, w) in enumerate(zip(row, widths, strict=True))))
        if i == 0:
            print("  ".join("-" * w for w in widths))
    return 0


if __name__ == "__main__":
    cli.run(main)
