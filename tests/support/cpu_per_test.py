"""`pytest --cpu-per-test FILE`: the CPU each test costs, Chromium and builds included, for BENCHMARKS.md.

A test's cost is mostly in other processes (Chromium, Playwright's driver, the background builds, kernels), so the
time pytest reports says little about what a test adds to `make test`'s CPU. Around each test this reads the CPU of
the test's process and of every process under it from /proc (a child that ended counts through its parent's
`cutime`), and appends `file<TAB>test<TAB>cpu seconds<TAB>wall seconds<TAB>start (Unix time)<TAB>process` to FILE;
every xdist process appends to the same file (the start and process show where a process stood idle). At the end
the main process prints the files that cost most, and what the whole machine spent meanwhile (the true total on a
quiet machine). A background build counts towards the tests
that run while it works. Linux only: elsewhere the option is refused.
"""

from __future__ import annotations

import os
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest

CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
SHOWN = 15
STARTED = pytest.StashKey[tuple[float, float]]()


def _stat(pid: int) -> tuple[int, float] | None:
    """(parent pid, CPU seconds of the process and its reaped children), or None for a process gone meanwhile."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return None
    # After the name: state ppid ... utime(12) stime(13) cutime(14) cstime(15), counted from the state as 0.
    return int(fields[1]), sum(int(field) for field in fields[11:15]) / CLOCK_TICKS


def tree_cpu(root: int) -> float:
    """CPU seconds of `root` and every living process under it, with the children each has reaped."""
    stats = {int(name): _stat(int(name)) for name in os.listdir("/proc") if name.isdigit()}
    children: dict[int, list[int]] = defaultdict(list)
    for pid, stat in stats.items():
        if stat is not None:
            children[stat[0]].append(pid)
    total, waiting = 0.0, [root]
    while waiting:
        pid = waiting.pop()
        stat = stats.get(pid)
        if stat is not None:
            total += stat[1]
            waiting += children[pid]
    return total


def machine_busy() -> float:
    """Seconds of CPU the whole machine has spent busy since boot (/proc/stat's first line, all but idle and iowait):
    a process that leaves the tree (Chromium's, adopted by init) is counted here and nowhere else."""
    ticks = [int(field) for field in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return (sum(ticks) - ticks[3] - ticks[4]) / CLOCK_TICKS


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--cpu-per-test", metavar="FILE", help="append each test's CPU (its processes and theirs) to FILE")


def pytest_configure(config: pytest.Config) -> None:
    path = config.getoption("--cpu-per-test")
    if path and not Path("/proc/self/stat").exists():
        raise pytest.UsageError("--cpu-per-test læser /proc og virker kun på Linux")
    if path:
        config.stash[STARTED] = (machine_busy(), time.monotonic())


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Iterator[None]:
    path = item.config.getoption("--cpu-per-test")
    if not path:
        yield
        return
    cpu, wall, start = tree_cpu(os.getpid()), time.monotonic(), time.time()
    yield
    cpu, wall = tree_cpu(os.getpid()) - cpu, time.monotonic() - wall
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    with open(path, "a", encoding="utf-8") as log:
        log.write(f"{item.location[0]}\t{item.name}\t{cpu:.2f}\t{wall:.2f}\t{start:.1f}\t{worker}\n")


def pytest_terminal_summary(terminalreporter, config: pytest.Config) -> None:  # type: ignore[no-untyped-def]
    path = config.getoption("--cpu-per-test")
    if not path or hasattr(config, "workerinput") or not Path(path).is_file():
        return
    per_file: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        file, _, cpu = line.split("\t")[:3]
        per_file[file][0] += 1
        per_file[file][1] += float(cpu)
    terminalreporter.section(f"CPU per test file ({path})")
    for file, (count, cpu) in sorted(per_file.items(), key=lambda entry: -entry[1][1])[:SHOWN]:
        terminalreporter.write_line(f"{cpu:8.1f} s  {int(count):5d} tests  {file}")
    terminalreporter.write_line(f"{sum(cpu for _, cpu in per_file.values()):8.1f} s  in all, less what Chromium's processes spent")
    terminalreporter.write_line("            before they left the tree: they count while they live, and leave through init")
    busy, started = config.stash[STARTED]
    busy, wall = machine_busy() - busy, time.monotonic() - started
    terminalreporter.write_line(f"{busy:8.1f} s  the whole machine busy in {wall:.0f} s ({busy / wall:.2f} of {os.cpu_count()} CPUs)")
