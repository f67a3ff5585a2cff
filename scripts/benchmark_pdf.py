"""Time `make pdf` (scripts/build_pdf.py) on a built site and describe the PDFs it writes, as Markdown.

Usage: python scripts/benchmark_pdf.py SITE DATA [--runs 3]

SITE is a book built from DATA (book/_build/html, or a benchmark build). Each run writes every edition
again; the time is wall-clock for the whole command, so it includes starting Python and Chromium, and the first
PDF's time is when the first file was in place (its modification time). The load average beside it says how busy
the machine was, so the CPU time is given too: the command's and every process under it (Python, Playwright's
driver, Chromium), read from /proc while it runs. /usr/bin/time misses most of Chromium's: its processes are not
waited for by the command, so their time never reaches its children's total.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pikepdf

from kulturensrige import cli
from kulturensrige.book.site_folder import pdf_site_problem
from kulturensrige.data.loading import data_dir
from kulturensrige.data.tether import tethered
from kulturensrige.words import number

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = cli.Parser(description="Tag tid på make pdf.")
    parser.add_argument("site")
    parser.add_argument("data")
    parser.add_argument("--runs", type=cli.runs, default=3)
    args = parser.parse_args(argv)
    # build_pdf.py refuses a bad site too, but only after this command started it: said here once, as it says it.
    if (refused := pdf_site_problem(args.site, data_dir(args.data))) is not None:
        return cli.refused(refused)
    site = Path(args.site).resolve()
    command = [sys.executable, str(ROOT / "scripts" / "build_pdf.py"), "--data", args.data, "--site", str(site)]
    seconds, firsts, loads, cpus = [], [], [os.getloadavg()[0]], []
    for _ in range(args.runs):
        started, wall = time.perf_counter(), time.time()
        with subprocess.Popen(tethered(command), stdout=subprocess.DEVNULL, env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}) as run:
            cpus.append(cpu_seconds(run))
        if run.returncode:  # its own lines stand above: stderr is the terminal's
            raise cli.command_failed(command, run.returncode, after="; intet er målt")
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
    print(f"- CPU per run (user + sys of the command and all its processes): {', '.join(describe(c) for c in cpus)}")
    print(f"- Load average (1 min) before and after each run: {', '.join(number(load, 1) for load in loads)} (2 CPUs)")
    print(f"- PDFs: {len(editions)} municipality editions + the whole book")
    print(
        f"- Municipality editions: pages min/median/max {min(pages)}/{number(statistics.median(pages))}/{max(pages)}; "
        f"size min/median/max {number(min(sizes), 2)}/{number(statistics.median(sizes), 2)}/{number(max(sizes), 2)} MB"
    )
    print(f"- Whole book: {len(pikepdf.open(book).pages)} pages, {number(book.stat().st_size / 1_000_000, 2)} MB")
    return 0


TICKS = os.sysconf("SC_CLK_TCK")
SAMPLE_SECONDS = 0.25


def cpu_seconds(run: subprocess.Popen) -> Counter:
    """CPU seconds (user + sys) of `run` and every process under it, by kind, read from /proc every quarter of a
    second until it ends: a process's last reading counts, so one that ends loses at most its last quarter second
    (children's times that parents collect are left out, or a process would count twice)."""
    seen: dict[int, tuple[str, float]] = {}
    while run.poll() is None:
        table = {}
        for entry in os.listdir("/proc"):
            try:
                text = Path("/proc", entry, "stat").read_text() if entry.isdigit() else ""
            except OSError:
                continue
            if text:
                fields = text[text.rindex(")") + 2 :].split()
                table[int(entry)] = (text[text.index("(") + 1 : text.rindex(")")], int(fields[1]), sum(map(int, fields[11:13])) / TICKS)
        family = {run.pid}
        while grown := {pid for pid, (_, parent, _) in table.items() if parent in family and pid not in family}:
            family |= grown
        for pid in family & table.keys():
            name, _, cpu = table[pid]
            seen[pid] = (name, max(cpu, seen.get(pid, (name, 0.0))[1]))
        time.sleep(SAMPLE_SECONDS)
    total: Counter = Counter()
    for name, cpu in seen.values():
        total["chromium" if "chrom" in name else "node" if "node" in name else "python" if "python" in name else "other"] += cpu
    return total


def describe(cpu: Counter) -> str:
    parts = ", ".join(f"{name} {number(seconds, 1)} s" for name, seconds in cpu.most_common() if seconds >= 0.05)
    return f"{number(sum(cpu.values()), 1)} s ({parts})"


if __name__ == "__main__":
    cli.run(main)
