"""How every script in scripts/ ends: one line per data problem on stderr, a count, an exit status, no traceback.

A script decorates its `main(argv)` with `stops_on_problems(summary)` and ends with `run(main)`. Tests call the
decorated `main` directly and get the exit status back, as the shell would. A full disk or another refusal of the
operating system, and Ctrl+C or SIGTERM, end every script here too, in one Danish line each.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import functools
import os
import re
import signal
import subprocess
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn, TypeVar

from kulturensrige.data.csv_reading import not_regular
from kulturensrige.data.folder_writing import OUTPUT_REFUSED, OutputTaken, write_files, write_folder
from kulturensrige.data.interruption import EXIT_CODE, Interrupted, interrupted_line, interruptible
from kulturensrige.data.problems import EMPTY_NAME, LOOP, DataError, OneLineFailure, Problem, Refused
from kulturensrige.data.tether import tethered
from kulturensrige.words import visible

Main = Callable[[list[str] | None], int]

# What a script that names no consequence of its own says under the problems.
DEFAULT_SUMMARY = "{count} problem(er) fundet."


# argparse's messages (Python's own, in English), each as a Danish phrase; any other is kept as argparse words it.
_ARGUMENT_ERRORS = [
    (re.compile(r"argument (?P<arg>\S+): (?P<said>\"\" er et tomt navn; .*)"), "{arg}: {said}"),  # input_name's own line
    (re.compile(r"argument (?P<arg>\S+): (?P<said>.* — skal være mindst .*)"), "{arg}: {said}"),  # runs', seconds', at_least's
    (re.compile(r"argument (?P<arg>\S+): (?P<said>.* kan ikke laves; .*)"), "{arg}: {said}"),  # rows' own line
    (re.compile(r"argument (?P<arg>\S+): (?P<said>'.*' (er ikke et|har over) .*)"), "{arg}: {said}"),  # whole's and decimal's
    (re.compile(r"argument (?P<arg>\S+): invalid \w+ value: (?P<value>.*)"), "{arg}: {value} kan ikke bruges"),
    (
        re.compile(r"argument (?P<arg>\S+): invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)"),
        "{arg}: {value} er ikke et af valgene {choices}",
    ),
    (re.compile(r"argument (?P<arg>\S+): expected one argument"), "{arg} mangler sin værdi"),
    (re.compile(r"argument (?P<arg>\S+): not allowed with argument (?P<other>\S+)"), "{arg} kan ikke bruges sammen med {other}"),
    (re.compile(r"argument (?P<arg>\S+): ignored explicit argument (?P<value>.*)"), "{arg} tager ingen værdi (fik {value})"),
    (re.compile(r"the following arguments are required: (?P<args>.*)"), "mangler: {args}"),
    (re.compile(r"unrecognized arguments: (?P<args>.*)"), "ukendt argument: {args}"),
    (re.compile(r"ambiguous option: (?P<arg>\S+) could match (?P<matches>.*)"), "{arg} kan betyde flere af {matches}; skriv hele navnet"),
]


class Parser(argparse.ArgumentParser):
    """The scripts' argument parser: a wrong argument is one Danish line and exit status 2, not argparse's English
    usage block and error (hostile round 14, #7: `--quotes 1e3` gave two English lines)."""

    def error(self, message: str) -> NoReturn:
        said = next((f.format(**m.groupdict()) for pattern, f in _ARGUMENT_ERRORS if (m := pattern.fullmatch(message))), message)
        self.exit(OUTPUT_REFUSED, f"{self.prog}: {' '.join(said.split())}; se {self.prog} --help\n")


T = TypeVar("T")


def runs(value: str) -> int:
    """An argparse type for how many measurements a median is taken of: `--runs 0` ended in StatisticsError's
    traceback in two benchmarks, and another printed an empty table (hostile reviews 19 and 20)."""
    count = whole(value)
    if count < 1:
        raise argparse.ArgumentTypeError(f"{count} — skal være mindst 1 (en median af ingen målinger findes ikke)")
    return count


_WHOLE = re.compile(r"-?[0-9]+")
_DECIMAL = re.compile(r"-?[0-9]+(\.[0-9]+)?")
MAX_DIGITS = 18  # a whole number that fits in 64 bits, whatever its digits


def whole(value: str) -> int:
    """The argparse type of every whole-number option: ASCII digits only, as the validator reads a number. int() takes
    '١٠' (Arabic-Indic digits), '1_000' and ' 5 ', so `generate_synthetic.py --quotes ١٠` made ten quotes (hostile
    round 20, #6)."""
    if not _WHOLE.fullmatch(value):
        raise argparse.ArgumentTypeError(f"{value!r} er ikke et helt tal skrevet med cifrene 0–9 (fx 10)")
    if len(value.lstrip("-")) > MAX_DIGITS:
        raise argparse.ArgumentTypeError(f"{value!r} har over {MAX_DIGITS} cifre")
    return int(value)


def decimal(value: str) -> float:
    """The argparse type of every option that takes a number with decimals: ASCII digits and a point only (float()
    also takes '٤', 'inf', 'nan' and '1e3')."""
    if not _DECIMAL.fullmatch(value):
        raise argparse.ArgumentTypeError(f"{value!r} er ikke et tal skrevet med cifrene 0–9 og evt. punktum (fx 2.5)")
    if len(value.lstrip("-")) > MAX_DIGITS:
        raise argparse.ArgumentTypeError(f"{value!r} har over {MAX_DIGITS} cifre")
    return float(value)


def seconds(value: str) -> int:
    """An argparse type for a time limit: `benchmark.py --timeout -5` started a build and then said it had not finished
    in -5 s (hostile review 21)."""
    count = whole(value)
    if count < 1:
        raise argparse.ArgumentTypeError(f"{count} — skal være mindst 1 sekund")
    return count


N = TypeVar("N", int, float)


def at_least(lowest: int, convert: Callable[[str], N], why: str = "") -> Callable[[str], N]:
    """An argparse type for a number with a floor, said in the line: `measure_filter_latency.py --pages -1` measured
    every page but one (a slice), and `--throttle 0` printed a table as if it had been measured (hostile round 21, #4)."""

    def checked(value: str) -> N:
        number = convert(value)
        if number < lowest:
            raise argparse.ArgumentTypeError(f"{value} — skal være mindst {lowest}{why}")
        return number

    return checked


def rows(check: Callable[[int], None]) -> Callable[[str], int]:
    """An argparse type for how many rows to make, checked by `check` (which raises ValueError with the line) before
    any work starts: `benchmark.py --quotes -1` ended in a traceback after a minute's builds (hostile review 21)."""

    def convert(value: str) -> int:
        count = whole(value)
        try:
            check(count)
        except ValueError as problem:
            raise argparse.ArgumentTypeError(str(problem)) from None
        return count

    return convert


def input_name(what: str, convert: Callable[[str], T]) -> Callable[[str], T]:
    """An argparse type for a path the command reads, where an empty name is refused as what it is: Path("") is the
    current folder, so `import_workbook.py ""` read the folder and blamed --out (issue 25)."""

    def checked(value: str) -> T:
        if not value:
            raise argparse.ArgumentTypeError(f'"" {EMPTY_NAME}; angiv {what}')
        return convert(value)

    return checked


def special_input(*paths: Path | None) -> Problem | None:
    """The first input that is a device, a FIFO or a socket, in the guard's line: refused before anything is read,
    with exit status 2 (cli.refused). As a problem of the data it was counted "fundet i zero" after /dev/zero. A symlink
    loop is left to the reader, which says it as of every file it reads (exit status 1)."""
    found = (not_regular(path, str(path)) for path in paths if path is not None)
    return next((problem for problem in found if problem is not None and problem.allowed != LOOP), None)


def report(problems: Sequence[Problem | str], summary: str) -> int:
    """Print each problem on a line of its own, then `summary` with their number as {count}; the exit status 1."""
    for problem in problems:
        print(problem, file=sys.stderr)
    print(summary.format(count=len(problems)), file=sys.stderr)
    return 1


# The exit status of bad input the user typed (an argument's value, a path), as of a refused output: argparse's own 2.
# Problems found in what a command read exit 1 through report: the status says what to fix (docs/adr/0065).
BAD_ARGUMENT = OUTPUT_REFUSED


def bad_argument(line: str) -> int:
    """Print an argument's bad value, in one line; the exit status BAD_ARGUMENT (2), as argparse gives a wrong type."""
    print(line, file=sys.stderr)
    return BAD_ARGUMENT


def refused(problem: Problem, *more: Problem) -> int:
    """Print why the output path (or an input) is refused, one line each, before any write; the exit status
    OUTPUT_REFUSED (2)."""
    for each in (problem, *more):
        print(each, file=sys.stderr)
    return OUTPUT_REFUSED


# The operating system's reasons, in the reader's language; any other is given as the system words it.
_REASONS = {
    errno.ENOSPC: "der er ikke plads på disken",
    errno.EDQUOT: "diskkvoten er brugt op",
    errno.EFBIG: "filen bliver større, end systemet tillader",
    errno.EROFS: "filsystemet er skrivebeskyttet",
    errno.EACCES: "adgang nægtet",
    errno.EPERM: "handlingen er ikke tilladt",
    errno.EIO: "disken svarer med en læse- eller skrivefejl",
    errno.ENOENT: "filen eller mappen findes ikke",
    errno.ENOTDIR: "en del af stien er ikke en mappe",
    errno.EISDIR: "det er en mappe",
    errno.EEXIST: "der står allerede en fil eller mappe med det navn",
    errno.ENAMETOOLONG: "navnet er for langt",
    errno.EMFILE: "for mange åbne filer",
}


def reason(exc: OSError) -> str:
    """The system's reason for an OSError, in Danish where _REASONS has it."""
    return _REASONS.get(exc.errno or 0) or exc.strerror or str(exc) or type(exc).__name__


def os_problem(exc: OSError) -> str:
    """One line for an error of the disk, not the data: the file being written (else the one the system names),
    and the system's reason in Danish. The writing code has already removed its temporary copy."""
    why = reason(exc)
    written = _written(exc)
    if written is not None:
        return f"{written} — kan ikke skrives: {why}; intet er skrevet."
    named = exc.filename if exc.filename is not None else exc.filename2
    return f"{named}: {why}; kommandoen er stoppet." if named is not None else f"Kommandoen er stoppet: {why}."


def _written(exc: OSError) -> Path | None:
    """The destination of the write_files (write_file) or write_folder call the error came from, the file being
    written when it came: the system names only the hidden temporary copy, if anything (a failed write() names no
    file at all)."""
    for frame, _ in traceback.walk_tb(exc.__traceback__):
        if frame.f_code in (write_files.__code__, write_folder.__code__):
            return Path(frame.f_locals["dest"])
    return None


# How much of a command's own first line of errors a line quotes.
QUOTED_CHARACTERS = 200


def command_name(command: Sequence[str]) -> str:
    """The command a line names: the script a Python (under /usr/bin/time or not) runs, else the program."""
    return next((Path(word).name for word in command if word.endswith(".py")), Path(command[0]).name)


def command_failed(command: Sequence[str], returncode: int, errors: str = "", after: str = "") -> OneLineFailure:
    """One line for a command a script ran that ended with an error: which, how it ended (its exit status, or the
    signal that stopped it), the first line it wrote to stderr if that was caught (else its lines stand above), and
    `after` (what this script did not do)."""
    first = next((line.strip() for line in errors.splitlines() if line.strip() and not line.startswith(("\t", "Command "))), "")
    said = f" ({visible(first)[:QUOTED_CHARACTERS]})" if first else ""
    return OneLineFailure(f"{command_name(command)} {_ended(returncode)}{said}{after}")


def _ended(returncode: int) -> str:
    """How a process ended, from its return code (a negative one is the signal that stopped it)."""
    if returncode >= 0:
        return f"stoppede med exitstatus {returncode}"
    try:
        name = signal.Signals(-returncode).name
    except ValueError:
        name = str(-returncode)
    return f"blev stoppet af signalet {name}"


# How long a command stopped for outlasting its time has to tidy up (SIGTERM) before its process group is killed.
STOP_GRACE_SECONDS = 10.0


def run_in_time(command: Sequence[str], timeout: float | None = None, **options) -> subprocess.CompletedProcess:
    """subprocess.run in a process group of its own: a command that outlasts `timeout` (or a run of this process that
    is interrupted) gets SIGTERM with its whole group, so it can tidy up, and SIGKILL STOP_GRACE_SECONDS later; then
    TimeoutExpired is raised. subprocess.run's own timeout sent SIGKILL to the command alone: build_book.py left its
    table cache in /tmp, and its children ran on (issue 25, #3). The group is tethered to this process (data.tether):
    if this one is killed outright, the command and all it started end with it."""
    if options.pop("capture_output", False):
        options["stdout"] = options["stderr"] = subprocess.PIPE
    given = options.pop("input", None)
    if given is not None:
        options["stdin"] = subprocess.PIPE
    with subprocess.Popen(tethered(command), start_new_session=True, **options) as process:
        try:
            output, errors = process.communicate(given, timeout=timeout)
        except BaseException:
            _stop_group(process)
            raise
    return subprocess.CompletedProcess(list(command), process.returncode, output, errors)


def _stop_group(process: subprocess.Popen) -> None:
    """SIGTERM to the process's group, then, once it ended or STOP_GRACE_SECONDS passed, SIGKILL to what is left."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.communicate(timeout=STOP_GRACE_SECONDS)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def run_command(command: Sequence[str], after: str = "", **options) -> subprocess.CompletedProcess:
    """run_in_time, where a command that fails or outlasts its `timeout` raises one line (OneLineFailure), never
    CalledProcessError's or TimeoutExpired's traceback (hostile round 15: benchmark_pdf.py ended in one)."""
    try:
        result = run_in_time(command, **options)
    except subprocess.TimeoutExpired as expired:
        raise OneLineFailure(f"{command_name(command)} blev ikke færdig på {expired.timeout:g} s og er stoppet{after}") from None
    if result.returncode != 0:
        errors = result.stderr if isinstance(result.stderr, str) else (result.stderr or b"").decode("utf-8", "replace")
        raise command_failed(command, result.returncode, errors, after)
    return result


def stops_on_problems(summary: str) -> Callable[[Main], Main]:
    """`main`, with a DataError it raises turned into `report(problems, summary)` and exit status 1, an OSError or a
    OneLineFailure into one line and exit status 1, and Ctrl+C or SIGTERM into `interrupted_line` and EXIT_CODE."""

    def decorate(main: Main) -> Main:
        @functools.wraps(main)
        def guarded(argv: list[str] | None = None) -> int:
            try:
                with interruptible():
                    return main(argv)
            except DataError as exc:
                return report(exc.problems, summary)
            except Interrupted as stop:
                name = Path(main.__code__.co_filename).name
                print(stop.line(f"{name} blev stoppet undervejs", f"{name} nåede at skrive sit resultat"), file=sys.stderr)
                return EXIT_CODE
            except KeyboardInterrupt:
                print(interrupted_line(f"{Path(main.__code__.co_filename).name} blev stoppet undervejs"), file=sys.stderr)
                return EXIT_CODE
            except BrokenPipeError:
                raise  # run() ends quietly: the reader of the output stopped, nothing went wrong here
            except OutputTaken as exc:
                return refused(exc.problem)  # another writer took the name since the check
            except Refused as exc:
                return refused(*exc.problems)
            except OneLineFailure as exc:
                print(exc, file=sys.stderr)
                return 1
            except OSError as exc:
                print(os_problem(exc), file=sys.stderr)
                return 1

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
