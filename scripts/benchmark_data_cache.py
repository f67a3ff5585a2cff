"""How long a page's kernel waits for the data: validating the folder, against reading the build's table cache.

Usage: python scripts/benchmark_data_cache.py [--runs 5] [--data DATA_DIR]

Without --data it generates the national-scale synthetic folder (10,000 quotes) in a temporary folder. Prints the
median of --runs runs of each step, each from a cold process cache (loading._LOADED, table_cache._TRUSTED).
"""

from __future__ import annotations

import os
import secrets
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from kulturensrige import cli
from kulturensrige.data import loading, table_cache
from kulturensrige.data.synthetic import generate


def _median_seconds(step: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        loading._LOADED.clear()
        table_cache._TRUSTED.clear()
        started = time.perf_counter()
        step()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = cli.Parser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=cli.runs, default=5)
    parser.add_argument("--data", type=Path, default=None)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kr-cache-bench-") as work:
        folder = args.data or generate(Path(work) / "syntetisk")
        os.environ[table_cache.FOLDER_VARIABLE], os.environ[table_cache.KEY_VARIABLE] = work, secrets.token_hex(32)
        validated = _median_seconds(lambda: loading.load(folder, cache=False), args.runs)
        loading._LOADED.clear()
        loading.load(folder)  # writes the entry
        entries = list(Path(work).glob("*.json"))
        cached = _median_seconds(lambda: loading.load(folder), args.runs)
        size = entries[0].stat().st_size if entries else 0
    print(f"{folder}: validation {validated:.3f} s, cache read {cached:.3f} s (medians of {args.runs} runs); entry {size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    cli.run(main)
