"""How every script in scripts/ ends: one line per data problem on stderr, a count, an exit status, no traceback.

A script decorates its `main(argv)` with `stops_on_problems(summary)` and ends with `run(main)`. Tests call the
decorated `main` directly and get the exit status back, as the shell would.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from kulturensrige.data.folder_writing import OUTPUT_REFUSED
from kulturensrige.data.problems import DataError, Problem

Main = Callable[[list[str] | None], int]

# What a script that names no consequence of its own says under the problems.
DEFAULT_SUMMARY = "{count} problem(er) fundet."


def report(problems: Sequence[Problem | str], summary: str) -> int:
    """Print each problem on a line of its own, then `summary` with their number as {count}; the exit status 1."""
    for problem in problems:
        print(problem, file=sys.stderr)
    print(summary.format(count=len(problems)), file=sys.stderr)
    return 1


def refused(problem: Problem) -> int:
    """Print why the output path is refused, in one line, before any work; the exit status OUTPUT_REFUSED (2)."""
    print(problem, file=sys.stderr)
    return OUTPUT_REFUSED


def stops_on_problems(summary: str) -> Callable[[Main], Main]:
    """`main`, with a DataError it raises turned into `report(problems, summary)` and exit status 1."""

    def decorate(main: Main) -> Main:
        @functools.wraps(main)
        def guarded(argv: list[str] | None = None) -> int:
            try:
                return main(argv)
            except DataError as exc:
                return report(exc.problems, summary)

        return guarded

    return decorate


def run(main: Main) -> NoReturn:
    """The script's process: main(the command line's arguments) sets the exit status.

    A DataError that main does not report itself is reported here, and output piped into a reader that stops
    early (`| head`) ends the script quietly."""
    try:
        status = stops_on_problems(DEFAULT_SUMMARY)(main)(sys.argv[1:])
    except BrokenPipeError:
        status = 0
    sys.exit(status)
