"""One shape for every data problem, so the command line, the build and the importer print alike."""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass

from kulturensrige.words import visible


@dataclass(frozen=True, order=True)
class Problem:
    """A single thing wrong in a data file, located as precisely as the input allows."""

    file: str
    row: int | None
    column: str | None
    value: str | None
    allowed: str

    def __str__(self) -> str:
        where = [visible(self.file)]
        if self.row is not None:
            where.append(f"række {self.row}")
        if self.column:
            where.append(f"kolonne {visible(self.column)}")
        shown = "" if self.value is None else f": {_shorten(self.value)!r}"
        # The explanation may name a path or a value from a file too: it prints as one line, whatever they hold.
        return f"{', '.join(where)}{shown} — {visible(self.allowed)}"


class OneLineFailure(RuntimeError):
    """A failure whose message is one Danish line, what failed and what to do: the scripts print it as it is
    (cli.stops_on_problems), never a traceback."""


class Refused(Exception):
    """An input the command will not read, one line each: a QDA source that points outside its project would have the
    importer read a file of its own disk; a selection past the end of its text cannot be cut. The scripts print every
    line with exit status 2, as a refused output (cli)."""

    def __init__(self, problem: Problem, *more: Problem):
        self.problem = problem
        self.problems = (problem, *more)
        super().__init__("\n".join(str(p) for p in self.problems))


class DataError(Exception):
    """Raised when data cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=_sort_key)
        super().__init__("\n".join(str(p) for p in self.problems))


def _sort_key(p: Problem) -> tuple:
    return (p.file, p.row or 0, p.column or "", p.allowed, p.value or "")


def _shorten(value: str, limit: int = 80) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


# An empty name, as an input and as an output (the output guard, cli.input_name) say it: Path("") is the working folder,
# and one command said `--output ""` was "the folder you are in", another that "" was an empty name (review 18, #6).
EMPTY_NAME = "er et tomt navn"

LOOP = "er et symbolsk link, der peger i ring (en symlink-løkke); angiv en rigtig mappe eller fil"


def symlink_loop(path: str | os.PathLike) -> bool:
    """Whether following `path` (or a folder on the way to it) never ends: Path.resolve() raises RuntimeError then."""
    try:
        os.stat(path)
    except OSError as error:
        return error.errno == errno.ELOOP
    except ValueError:
        return False
    return False
