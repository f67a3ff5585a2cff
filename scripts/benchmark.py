"""Benchmark the book at the report's scale and at national scale; write the results into BENCHMARKS.md.

Usage: python scripts/benchmark.py [--quotes 10000] [--initiatives 1000] [--seed 1] [--work build/benchmark]
                                   [--timeout 3600] [--output BENCHMARKS.md] [--scales report national]
                                   [--lighthouse-pages PAGE ...] [--lighthouse-runs 3] [--baseline FILE.json]

For data/ and for synthetic national-scale data (generated into the work folder, never into data/)
it runs a clean build and a rebuild with scripts/build_book.py, then measures every built page: its
HTML plus the scripts, style sheets and images it references (each file counted once per page,
sizes taken from the built files), raw and gzipped, and how many quote and initiative cards it holds.
If scripts/measure_filter_latency.py exists, it is run on the heaviest page of each build. Lighthouse
(scripts/measure_lighthouse.py: mobile, simulated throttling, served with gzip) runs on every page of the
report-scale build, the median of --lighthouse-runs runs per page; --baseline adds an earlier such
measurement (measure_lighthouse.py --json) as the "before" table.
This is a script, not a test: timings depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kulturensrige import load  # noqa: E402
from kulturensrige.synthetic import DEFAULT_INITIATIVES, DEFAULT_QUOTES, generate  # noqa: E402

LATENCY_SCRIPT = ROOT / "scripts" / "measure_filter_latency.py"
LIGHTHOUSE_PACKAGE = ROOT / "scripts" / "lighthouse" / "package.json"
LIGHTHOUSE_VERSION = json.loads(LIGHTHOUSE_PACKAGE.read_text(encoding="utf-8"))["devDependencies"]["lighthouse"]
LIGHTHOUSE_TARGETS = "performance ≥ 90, accessibility, best practices and SEO 100, LCP ≤ 2.5 s, CLS ≤ 0.1, TBT ≤ 200 ms"
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")
# A browser fetches a web font only for text set in it; the book sets none (its icons are inline SVG, and
# tests/test_page_weight.py checks that), so the theme's icon fonts named in its CSS are not counted.
COUNTED_FROM_CSS = (".png", ".svg", ".gif", ".jpg", ".jpeg", ".webp", ".css")
QUOTE_CARD = 'class="kr-card kr-quote"'
INITIATIVE_CARD = 'class="kr-card kr-initiative"'
FIGURE = 'class="kr-figure"'
# kr-charts.js fetches plotly.js itself once a chart is near the screen: a page with a chart counts it.
CHART = 'class="kr-plot"'
PLOTLY = Path("_static") / "plotly.min.js"
CARD_LIMIT = 1000
# Lighthouse before issue 11's changes (commit 5ffa94a), kept so BENCHMARKS.md can show before and after.
BASELINE = ROOT / "scripts" / "lighthouse" / "baseline.json"


# -- page weight ----------------------------------------------------------------------------------


class _References(HTMLParser):
    """The files a browser fetches for a page: scripts, style sheets, preloads, icons, images."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "script" and a.get("src"):
            self.urls.append(a["src"])
        elif tag == "link" and a.get("href"):
            rel = set(a.get("rel", "").lower().split())
            if rel & {"stylesheet", "preload", "modulepreload", "icon", "shortcut"}:
                self.urls.append(a["href"])
        elif tag in ("img", "source", "video", "audio", "embed") and a.get("src"):
            self.urls.append(a["src"])


@dataclass
class Page:
    path: str
    html: int
    total: int
    gzip_total: int
    files: int
    quote_cards: int
    initiative_cards: int
    figures: int
    external: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


@cache
def _gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def _local(site: Path, base: Path, url: str) -> Path | str:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return url if parts.scheme in ("http", "https", "") else ""
    if not parts.path:
        return ""
    return (base / unquote(parts.path)).resolve()


def _css_references(site: Path, css: Path) -> list[Path | str]:
    found = []
    for match in CSS_URL.finditer(css.read_text(encoding="utf-8", errors="replace")):
        url = match.group(1) or match.group(2)
        if url.startswith("data:") or not url.split("?")[0].split("#")[0].lower().endswith(COUNTED_FROM_CSS):
            continue
        found.append(_local(site, css.parent, url))
    return found


def measure_page(site: Path, page: Path) -> Page:
    text = page.read_text(encoding="utf-8")
    parser = _References()
    parser.feed(text)
    seen: set[Path] = set()
    external: list[str] = []
    missing: list[str] = []
    queue: list[Path | str] = [_local(site, page.parent, u) for u in parser.urls]
    if CHART in text:
        queue.append((site / PLOTLY).resolve())
    while queue:
        target = queue.pop()
        if isinstance(target, str):
            if target:
                external.append(target)
            continue
        if target in seen:
            continue
        if not target.is_file():
            missing.append(str(target.relative_to(site)) if target.is_relative_to(site) else str(target))
            continue
        seen.add(target)
        if target.suffix == ".css":
            queue += _css_references(site, target)
    assets = sum(p.stat().st_size for p in seen)
    return Page(
        path=str(page.relative_to(site)),
        html=page.stat().st_size,
        total=page.stat().st_size + assets,
        gzip_total=_gzip_size(page) + sum(_gzip_size(p) for p in seen),
        files=1 + len(seen),
        quote_cards=text.count(QUOTE_CARD),
        initiative_cards=text.count(INITIATIVE_CARD),
        figures=text.count(FIGURE),
        external=sorted(set(external)),
        missing=sorted(set(missing)),
    )


def measure_site(site: Path) -> list[Page]:
    pages = [p for p in site.rglob("*.html") if not p.relative_to(site).parts[0].startswith("_")]
    return sorted((measure_page(site, p) for p in pages), key=lambda p: p.path)


def site_size(site: Path) -> int:
    return sum(p.stat().st_size for p in site.rglob("*") if p.is_file())


# -- builds ---------------------------------------------------------------------------------------


@dataclass
class Build:
    name: str
    data: str
    municipalities: int
    initiatives: int
    quotes: int
    clean_seconds: float
    rebuild_seconds: float
    site_bytes: int
    pages: list[Page]
    latency: str = "not measured"
    latency_output: str = ""
    lighthouse: dict[str, list[dict]] = field(default_factory=dict)


def build(data: Path, output: Path, log: Path, timeout: int) -> float:
    command = [sys.executable, str(ROOT / "scripts" / "build_book.py"), "--data", str(data), "--output", str(output)]
    start = time.perf_counter()
    with log.open("w", encoding="utf-8") as stream:
        result = subprocess.run(
            command, stdout=stream, stderr=subprocess.STDOUT, timeout=timeout, env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
        )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"build failed ({result.returncode}); see {log}")
    return seconds


def run_scenario(name: str, data: Path, work: Path, timeout: int) -> Build:
    output = work / f"site-{name}"
    shutil.rmtree(output, ignore_errors=True)
    print(f"[{name}] clean build from {data} …", flush=True)
    clean = build(data, output, work / f"{name}-clean.log", timeout)
    print(f"[{name}] clean build: {clean:.0f} s; rebuild …", flush=True)
    rebuild = build(data, output, work / f"{name}-rebuild.log", timeout)
    print(f"[{name}] rebuild: {rebuild:.0f} s; measuring pages …", flush=True)
    site = output / "_build" / "html"
    dataset = load(data)
    return Build(
        name=name,
        data=str(data.relative_to(ROOT)) if data.is_relative_to(ROOT) else str(data),
        municipalities=len(dataset.municipalities),
        initiatives=len(dataset.initiatives),
        quotes=len(dataset.quotes),
        clean_seconds=clean,
        rebuild_seconds=rebuild,
        site_bytes=site_size(site),
        pages=measure_site(site),
    )


def filter_latency(site: Path, timeout: int = 1800) -> tuple[str, str]:
    """(median on the heaviest page, the latency script's whole output); never fails the benchmark.

    scripts/measure_filter_latency.py picks the heaviest pages itself (most charts, then most filterable
    items) and prints one row per page with a "median ms" column; the first row is the heaviest page.
    """
    if not LATENCY_SCRIPT.is_file():
        return "not measured (scripts/measure_filter_latency.py does not exist)", ""
    command = [sys.executable, str(LATENCY_SCRIPT), str(site), "--pages", "3", "--changes", "20"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return f"not measured (timed out after {timeout} s)", ""
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0:
        return f"not measured (exit {result.returncode})", output
    return _latency_summary(result.stdout), output


def _latency_summary(stdout: str) -> str:
    """The median columns of the first (heaviest) row of the latency script's table."""
    lines = stdout.splitlines()
    try:
        header = next(i for i, line in enumerate(lines) if "median" in line)
        names = re.split(r"\s{2,}", lines[header].strip())
        first = re.split(r"\s{2,}", lines[header + 2].strip())
        labels = {"median i syne": "figures in view", "median hele siden": "all figures"}
        medians = [f"{labels.get(name, name)}: {first[i]} ms" for i, name in enumerate(names) if name.startswith("median")]
        return f"{'; '.join(medians)} (`{first[0]}`)" if medians else "see the latency script's output below"
    except (StopIteration, IndexError):
        return "see the latency script's output below"


def lighthouse(site: Path, pages: list[str] | None, runs: int) -> dict[str, list[dict]]:
    """Every run's figures per page (scripts/measure_lighthouse.py); {} when Lighthouse is not installed."""
    import measure_lighthouse

    if not measure_lighthouse.LIGHTHOUSE.is_file():
        print("Lighthouse is not installed (make benchmark runs `npm ci` in scripts/lighthouse); skipped.", flush=True)
        return {}
    results = measure_lighthouse.measure(site, pages or measure_lighthouse.book_pages(site), runs)
    return {page: [asdict(r) for r in page_runs] for page, page_runs in results.items()}


def lighthouse_table(results: dict[str, list[dict]]) -> str:
    import measure_lighthouse

    return measure_lighthouse.table({page: [measure_lighthouse.Run(**r) for r in runs] for page, runs in results.items()})


# -- report ---------------------------------------------------------------------------------------


def mb(n: float) -> str:
    return f"{n / 1_000_000:.2f} MB" if n >= 100_000 else f"{n / 1000:.0f} kB"


def machine() -> str:
    memory, cpu = "?", ""
    with contextlib.suppress(OSError, AttributeError):
        kib = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        memory = f"{kib / 1024 / 1024:.1f} GiB"
    with contextlib.suppress(OSError, AttributeError):
        cpu = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text()).group(1).strip()
    system = f"{platform.system()} {platform.release()}, Python {platform.python_version()}"
    return f"{os.cpu_count()} CPUs (nproc){f', {cpu}' if cpu else ''}, {memory} RAM, {system}"


def _group(path: str) -> str:
    return "kommuner/profil-*.html" if re.match(r"kommuner/profil-.+\.html$", path) else path


def _row_for(pages: list[Page], group: str) -> tuple[str, Page | None, int]:
    members = [p for p in pages if _group(p.path) == group]
    if not members:
        return group, None, 0
    heaviest = max(members, key=lambda p: p.total)
    return group, heaviest, len(members)


def _page_cells(page: Page | None, count: int) -> list[str]:
    if page is None:
        return ["–"] * 5
    prefix = f"max of {count}: " if count > 1 else ""
    cards = page.quote_cards + page.initiative_cards
    return [
        prefix + mb(page.html),
        mb(page.total),
        mb(page.gzip_total),
        f"{page.quote_cards} / {page.initiative_cards}",
        "**" + str(cards) + "**" if cards >= CARD_LIMIT else str(cards),
    ]


def load_baseline(path: Path | None) -> dict | None:
    """{"note": what was measured when, "pages": {page: [run, ...]}} from a JSON file, if it exists."""
    return json.loads(path.read_text(encoding="utf-8")) if path and path.is_file() else None


def lighthouse_section(small: Build, baseline: dict | None) -> list[str]:
    if not small.lighthouse:
        return []
    runs = len(next(iter(small.lighthouse.values())))
    lines = [
        "",
        "## Lighthouse, mobile",
        "",
        f"Lighthouse {LIGHTHOUSE_VERSION} (scripts/lighthouse/package-lock.json) in Debian's Chromium, mobile preset, simulated "
        "throttling, the report-scale build served with gzip on 127.0.0.1 (`python scripts/measure_lighthouse.py SITE`). "
        f"Each cell is the median of {runs} runs of that page. Transfer = bytes over the wire (compressed), raw weight = "
        f"the same resources uncompressed. Targets (issue 11): {LIGHTHOUSE_TARGETS}. TBT and LCP depend on the CPU: "
        "on a shared, loaded machine they come out higher than on a quiet one.",
        "",
        lighthouse_table(small.lighthouse),
    ]
    if baseline:
        lines += ["", f"Before ({baseline['note']}):", "", lighthouse_table(baseline["pages"])]
    return lines


def report(builds: list[Build], commands: list[str], started: dt.datetime, baseline: dict | None = None) -> str:
    small, large = builds[0], builds[-1]
    lines = [
        "# Benchmarks",
        "",
        "Written by `scripts/benchmark.py`; do not edit by hand. Re-run: `make benchmark` (or the commands below).",
        "",
        f"- Date: {started:%Y-%m-%d %H:%M} UTC",
        f"- Machine: {machine()}",
        "- Commands:",
        *[f"  - `{c}`" for c in commands],
        "- Page size = the HTML plus each script, style sheet and image it loads (each file once per page; no web fonts: none is used),",
        "  from the built files; *gzip* is the same files compressed, roughly what a web server that compresses sends.",
        "- Timings are wall-clock on a shared machine; other builds may have run at the same time.",
        "",
        "## Summary",
        "",
        "| | " + " | ".join(b.name for b in builds) + " |",
        "|---|" + "---|" * len(builds),
        "| Data folder | " + " | ".join(f"`{b.data}`" for b in builds) + " |",
        "| Municipalities / initiatives / quotes | "
        + " | ".join(f"{b.municipalities} / {b.initiatives} / {b.quotes}" for b in builds)
        + " |",
        "| Clean build | " + " | ".join(f"{b.clean_seconds:.0f} s" for b in builds) + " |",
        "| Rebuild (same output folder) | " + " | ".join(f"{b.rebuild_seconds:.0f} s" for b in builds) + " |",
        "| Pages | " + " | ".join(str(len(b.pages)) for b in builds) + " |",
        "| Whole site on disk | " + " | ".join(mb(b.site_bytes) for b in builds) + " |",
        "| Median page, with what it loads | " + " | ".join(mb(statistics.median(p.total for p in b.pages)) for b in builds) + " |",
        "| Largest page, with what it loads | "
        + " | ".join(f"`{h.path}` {mb(h.total)} ({mb(h.gzip_total)} gzip)" for h in (max(b.pages, key=lambda p: p.total) for b in builds))
        + " |",
        "| Most cards on one page | "
        + " | ".join(
            f"`{h.path}`: {h.quote_cards + h.initiative_cards}"
            for h in (max(b.pages, key=lambda p: p.quote_cards + p.initiative_cards) for b in builds)
        )
        + " |",
        "| Filter latency in Chromium, median (heaviest page) | " + " | ".join(b.latency for b in builds) + " |",
        "",
        "Growth from the report's scale to national scale: data "
        f"{large.quotes / max(small.quotes, 1):.0f}× the quotes, {large.initiatives / max(small.initiatives, 1):.0f}× the initiatives, "
        f"{large.municipalities / small.municipalities:.0f}× the municipalities; "
        f"clean build {large.clean_seconds / small.clean_seconds:.1f}× "
        f"the time; largest page {max(p.total for p in large.pages) / max(p.total for p in small.pages):.0f}× the size; "
        f"whole site {large.site_bytes / small.site_bytes:.1f}× the size.",
        "",
        "## Pages",
        "",
        "Profile pages (one per municipality) are shown as the heaviest of them. Cards = quote cards / initiative cards; "
        f"a bold count means {CARD_LIMIT:,} or more cards in one page's HTML. The browser shows a list 50 cards at a "
        "time, with a button for more; cards past a list's limit and the drill-through's store of every quote card wait "
        "in an inert <template> and are counted as cards.",
        "",
        "Rebuild = the same command again into the same output folder, nothing changed. The execution cache keys on "
        "each notebook plus the data's fingerprint (scripts/build_book.py stamps it into the staged notebooks), and the "
        "staged source is kept beside the output, so a rebuild re-reads and re-executes nothing.",
        "",
    ]
    groups = sorted({_group(p.path) for b in builds for p in b.pages})
    header = ["Page"]
    for b in builds:
        header += [f"{b.name}: HTML", "with assets", "gzip", "cards (q / i)", "total cards"]
    lines += ["| " + " | ".join(header) + " |", "|---|" + "---:|" * (len(header) - 1)]
    for group in groups:
        cells = [f"`{group}`"]
        for b in builds:
            _, page, count = _row_for(b.pages, group)
            cells += _page_cells(page, count)
        lines.append("| " + " | ".join(cells) + " |")
    problems = [(b.name, p) for b in builds for p in b.pages if p.external or p.missing]
    if problems:
        lines += ["", "## Pages loading from outside the book, or referencing missing files", ""]
        for name, p in problems:
            lines.append(f"- {name} `{p.path}`: external {p.external[:5]}, missing {p.missing[:5]}")
    lines += [
        "",
        "## Filter latency",
        "",
        "Output of `python scripts/measure_filter_latency.py SITE --pages 3 --changes 20` on each build; the script "
        "chooses the heaviest pages itself (most filterable figures, then most filterable items). The issue aims "
        "under 100 ms.",
        "",
    ]
    for b in builds:
        lines += [f"{b.name}:", "", "```", b.latency_output or b.latency, "```", ""]
    lines += lighthouse_section(small, baseline)
    for b in builds:
        lines += [
            "",
            f"<details><summary>Every page, {b.name} ({len(b.pages)} pages)</summary>",
            "",
            "| Page | HTML | with assets | gzip | files | quote cards | initiative cards | figures |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for p in sorted(b.pages, key=lambda p: -p.total):
            cells = [f"`{p.path}`", mb(p.html), mb(p.total), mb(p.gzip_total), p.files, p.quote_cards, p.initiative_cards, p.figures]
            lines.append("| " + " | ".join(str(c) for c in cells) + " |")
        lines += ["", "</details>"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quotes", type=int, default=DEFAULT_QUOTES)
    parser.add_argument("--initiatives", type=int, default=DEFAULT_INITIATIVES)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "benchmark", help="folder for data, sites and logs")
    parser.add_argument("--timeout", type=int, default=3600, help="seconds allowed per build")
    parser.add_argument("--output", type=Path, default=ROOT / "BENCHMARKS.md")
    parser.add_argument("--report-only", action="store_true", help="rewrite the Markdown from the work folder's results.json")
    parser.add_argument("--lighthouse-pages", nargs="*", help="pages for Lighthouse (default: every page)")
    parser.add_argument("--lighthouse-runs", type=int, default=3)
    parser.add_argument("--lighthouse-json", type=Path, help="take Lighthouse's figures from measure_lighthouse.py --json, not a new run")
    parser.add_argument("--baseline", type=Path, default=BASELINE, help="an earlier measure_lighthouse.py --json, shown as 'before'")
    args = parser.parse_args(argv)
    work = args.work.resolve()
    results = work / "results.json"
    baseline = load_baseline(args.baseline)
    if args.report_only:
        saved = json.loads(results.read_text(encoding="utf-8"))
        builds = [Build(**{**b, "pages": [Page(**p) for p in b["pages"]]}) for b in saved["builds"]]
        for b in builds:
            b.latency = _latency_summary(b.latency_output) if b.latency_output else b.latency
        started = dt.datetime.fromisoformat(saved["started"])
        if args.lighthouse_json:
            builds[0].lighthouse = json.loads(args.lighthouse_json.read_text(encoding="utf-8"))
        args.output.write_text(report(builds, saved["commands"], started, baseline), encoding="utf-8")
        print(f"Written: {args.output}")
        return 0
    started = dt.datetime.now(dt.UTC)
    work.mkdir(parents=True, exist_ok=True)
    national = work / "national-data"
    print(f"Generating {args.quotes} quotes, {args.initiatives} initiatives, seed {args.seed} …", flush=True)
    generate(national, quotes=args.quotes, initiatives=args.initiatives, seed=args.seed, overwrite=True)
    rel = os.path.relpath
    commands = [
        f"python scripts/generate_synthetic.py --out {rel(national, ROOT)} "
        f"--quotes {args.quotes} --initiatives {args.initiatives} --seed {args.seed}",
        f"python scripts/build_book.py --data data --output {rel(work / 'site-report', ROOT)}   (twice: clean, then rebuild)",
        f"python scripts/build_book.py --data {rel(national, ROOT)} --output {rel(work / 'site-national', ROOT)}   (twice)",
        "python scripts/measure_filter_latency.py SITE --pages 3 --changes 20   (on each site)",
        f"python scripts/measure_lighthouse.py {rel(work / 'site-report', ROOT)}/_build/html --runs {args.lighthouse_runs}",
        "python scripts/benchmark.py" + "".join(f" {a}" for a in (argv if argv is not None else sys.argv[1:])),
    ]
    builds = [run_scenario("report", ROOT / "data", work, args.timeout), run_scenario("national", national, work, args.timeout)]
    for b in builds:
        print(f"[{b.name}] filter latency …", flush=True)
        b.latency, b.latency_output = filter_latency(work / f"site-{b.name}" / "_build" / "html")
    if args.lighthouse_json:
        builds[0].lighthouse = json.loads(args.lighthouse_json.read_text(encoding="utf-8"))
    else:
        print("[report] Lighthouse …", flush=True)
        builds[0].lighthouse = lighthouse(work / "site-report" / "_build" / "html", args.lighthouse_pages, args.lighthouse_runs)
    saved = {"started": started.isoformat(), "commands": commands, "builds": [asdict(b) for b in builds]}
    results.write_text(json.dumps(saved, indent=1, ensure_ascii=False), encoding="utf-8")
    args.output.write_text(report(builds, commands, started, baseline), encoding="utf-8")
    print(f"Written: {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
