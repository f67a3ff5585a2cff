"""Time `make pdf` (scripts/build_pdf.py) on a built site and describe the PDFs it writes, as Markdown.

Usage: python scripts/benchmark_pdf.py SITE DATA [--runs 3]

SITE is a book built from DATA (book/_build/html, or a benchmark build). Each run writes every edition
again; the time is wall-clock for the whole command, so it includes starting Python and Chromium, and the first
PDF's time is when the first file was in place (its modification time). The load average beside it says how busy
the machine was.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pikepdf

from kulturensrige import cli
from kulturensrige.words import number

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Tag tid på make pdf.")
    parser.add_argument("site")
    parser.add_argument("data")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    site = Path(args.site).resolve()
    command = [sys.executable, str(ROOT / "scripts" / "build_pdf.py"), "--data", args.data, "--site", str(site)]
    seconds, firsts, loads = [], [], [os.getloadavg()[0]]
    for _ in range(args.runs):
        started, wall = time.perf_counter(), time.time()
        subprocess.run(command, check=True, capture_output=True, env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"})
        seconds.append(time.perf_counter() - started)
        firsts.append(min(p.stat().st_mtime for p in (site / "pdf").glob("*.pdf")) - wall)
        loads.append(os.getloadavg()[0])
    editions = sorted((site / "pdf").glob("kulturens-rige-*.pdf"))
    book = site / "pdf" / "kulturens-rige.pdf"
    pages = [len(pikepdf.open(p).pages) for p in editions]
    sizes = [p.stat().st_size / 1_000_000 for p in editions]
    print(f"- Command: `{' '.join(['python', 'scripts/build_pdf.py', '--data', args.data, '--site', str(site)])}`, {args.runs} run(s)")
    print(f"- Wall-clock per run: {', '.join(number(s, 1) + ' s' for s in seconds)}; median {number(statistics.median(seconds), 1)} s")
    print(f"- First PDF after: {', '.join(number(s, 1) + ' s' for s in firsts)}; median {number(statistics.median(firsts), 1)} s")
    print(f"- Load average (1 min) before and after each run: {', '.join(number(load, 1) for load in loads)} (2 CPUs)")
    print(f"- PDFs: {len(editions)} municipality editions + the whole book")
    print(
        f"- Municipality editions: pages min/median/max {min(pages)}/{number(statistics.median(pages))}/{max(pages)}; "
        f"size min/median/max {number(min(sizes), 2)}/{number(statistics.median(sizes), 2)}/{number(max(sizes), 2)} MB"
    )
    print(f"- Whole book: {len(pikepdf.open(book).pages)} pages, {number(book.stat().st_size / 1_000_000, 2)} MB")
    return 0


if __name__ == "__main__":
    cli.run(main)
