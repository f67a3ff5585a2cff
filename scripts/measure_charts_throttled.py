"""What a reader on a slow phone waits for: charts scrolled into view, and charts redrawn after a choice.

Chromium with a phone's viewport (375×812) and its CPU slowed 4× (DevTools Emulation.setCPUThrottlingRate), the
built site served on 127.0.0.1 by this script (every request elsewhere is blocked):

- Scroll to chart: each chart of a page is scrolled into view in turn, from the top; the time runs from the scroll to
  its plot drawn (plotly's SVG in the page). With --read 0 (the default) the first scroll comes the moment the page has
  shown its first view, so the first chart includes fetching and evaluating plotly.js; with --read S the reader first
  reads the top of the page for S seconds without touching it, as a reader does before scrolling to a chart.
- Choice to redraw: on the pages that filter charts, scrolled to the first one and drawn, the municipality is changed
  --changes times; the page's own `kr:filtered` event gives the time from the change to the charts in view redrawn.

Issue 24's targets: first chart ≤ 1500 ms, each next ≤ 300 ms, choice to redraw ≤ 200 ms (median).
Usage: python scripts/measure_charts_throttled.py SITE_DIR [--throttle 4] [--changes 20] [--runs 1] [--read 0]
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path
from urllib.parse import urlparse

from measure_filter_latency import NEAR_CHARTS_DRAWN, NEXT_EVENT, THROTTLE, serve

from kulturensrige import cli
from kulturensrige.edition.chromium import driving, started_chromium

CHART_PAGES = ["kulturens-rige.html", "ingredienser/oversigt.html", "kommuner/sammenligning.html"]
CHOICE_PAGES = ["kommuner/sammenligning.html", "ingredienser/oversigt.html"]
PHONE = {"width": 375, "height": 812}

# Each chart in turn scrolled into view; ms from the scroll to its plot drawn (measured in the page's own clock).
SCROLL_TO_EACH = """async () => {
  const times = [];
  for (const plot of document.querySelectorAll('figure.kr-figure .kr-plot')) {
    const start = performance.now();
    plot.scrollIntoView({block: 'center'});
    while (!plot.querySelector('.main-svg')) {
      if (performance.now() - start > 60000) return times.concat([null]);
      await new Promise((r) => requestAnimationFrame(r));
    }
    times.push(performance.now() - start);
  }
  return times;
}"""


def _page(browser, url: str, throttle: float):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="da-DK")
    page = context.new_page()
    page.route("**/*", lambda r: r.continue_() if urlparse(r.request.url).hostname == "127.0.0.1" else r.abort())
    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": throttle})
    page.goto(url)
    page.evaluate("() => window.KR_FILTER.ready")
    return context, page


def scroll_to_charts(browser, url: str, throttle: float, read: float = 0.0) -> list[float | None]:
    context, page = _page(browser, url, throttle)
    page.wait_for_timeout(read * 1000)
    times = page.evaluate(SCROLL_TO_EACH)
    context.close()
    return times


def choice_to_redraw(browser, url: str, throttle: float, changes: int) -> list[float]:
    context, page = _page(browser, url, throttle)
    page.evaluate("() => document.querySelector('figure.kr-figure[data-kr-filterable=\"true\"]').scrollIntoView({block: 'center'})")
    page.wait_for_function(NEAR_CHARTS_DRAWN, timeout=120_000)
    codes = page.eval_on_selector_all("#kr-kommune option", "os => os.map(o => o.value)")
    cycle = codes[1:] + codes[:1]
    times = []
    for i in range(changes):
        page.evaluate(NEXT_EVENT)
        page.select_option("#kr-kommune", cycle[i % len(cycle)])
        times.append(page.evaluate("() => window.__krNext")["visibleMs"])
    context.close()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = cli.Parser(description="Mål figurernes ventetid på en langsom telefon i Chromium.")
    parser.add_argument("site", type=Path, help="den byggede bogs HTML-mappe")
    parser.add_argument("--throttle", type=THROTTLE, default=4.0, help="CPU-nedsætning (standard 4)")
    parser.add_argument("--changes", type=cli.runs, default=20, help="antal valg pr. side (standard 20)")
    parser.add_argument("--runs", type=cli.runs, default=1, help="gennemløb af hver side for rulningen (medianen vises)")
    reading = cli.at_least(0, cli.decimal, " sekunder")
    parser.add_argument("--read", type=reading, default=0.0, help="sekunder læseren læser sidens top før første rulning (standard 0)")
    args = parser.parse_args(argv)
    site = args.site.resolve()
    if not (site / "index.html").is_file():
        print(f"{site} er ikke en bygget bog (ingen index.html)", file=sys.stderr)
        return 1
    base, server = serve(site)
    lines = []
    try:
        with started_chromium() as browser, driving("målingen"):
            version = browser.version
            for path in [p for p in CHART_PAGES if (site / p).is_file()]:
                runs = [scroll_to_charts(browser, f"{base}/{path}", args.throttle, args.read) for _ in range(args.runs)]
                if any(None in run or not run for run in runs):
                    lines.append(f"{path}: en figur blev ikke tegnet inden for 60 s")
                    continue
                first = statistics.median(run[0] for run in runs)
                later = [t for run in runs for t in run[1:]]
                rest = f"; næste: median {statistics.median(later):.0f}, maks {max(later):.0f}" if later else ""
                lines.append(f"rul til figur  {path}: første {first:.0f}{rest} (figurer {len(runs[0])}, gennemløb {len(runs)})")
            for path in [p for p in CHOICE_PAGES if (site / p).is_file()]:
                times = choice_to_redraw(browser, f"{base}/{path}", args.throttle, args.changes)
                lines.append(f"valg til figur {path}: median {statistics.median(times):.0f}, maks {max(times):.0f} (n {len(times)})")
    finally:
        server.shutdown()
    print(
        f"Chromium {version}, {PHONE['width']}×{PHONE['height']} (telefon), CPU {args.throttle:g}× langsommere, "
        f"{args.read:g} s læsning før første rulning; tider i ms."
    )
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    cli.run(main)
