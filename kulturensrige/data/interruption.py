"""Ctrl+C and SIGTERM as an exception, so a command tidies up after itself and says so in one Danish line.

Python's default for SIGTERM ends the process at once: no `finally`, no removal of a staging folder. Inside
`interruptible()`, both signals raise `Interrupted` instead, which the writing code treats like any failure
(the target stays as it was, the staging copy goes), and the script prints `interrupted_line`.

Once a command has begun to put its output in place (`finishing()`: the swap and the removal of what it replaced),
the output is written: an interrupt there waits until the block is done, and from then on `Interrupted.written` says
so, and `Interrupted.line` words what is on disk. A late SIGTERM once said "nothing is changed" beside a new book and
a half-deleted old one, and the next PDF run took that half for the book.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kulturensrige.words import visible

# A closed terminal or a dropped SSH connection (SIGHUP) stops a command as Ctrl+C does: hostile round 18 found its
# staging folder left behind.
STOPPING = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
SCRIPTS = Path(__file__).resolve().parent.parent.parent / "scripts"

EXIT_CODE = 130  # what a shell reports for a command stopped by Ctrl+C


class Interrupted(BaseException):
    """Ctrl+C or SIGTERM arrived (a BaseException like KeyboardInterrupt: `except Exception` must not swallow it).
    `written`: it came after the output was put in place (`finishing`)."""

    def __init__(self, name: str, *, written: bool = False) -> None:
        super().__init__(name)
        self.written = written

    def line(self, not_done: str, done: str, changed: str | None = None) -> str:
        """The one line for this interrupt: what did not happen, or, after the output was put in place, that it was.
        `changed`: what a command may have changed on the way, where that is not nothing (the build's caches)."""
        if self.written:
            return f"Afbrudt til sidst: {done}; oprydningen efter det blev gjort færdig, før kommandoen stoppede."
        if changed is not None:
            return f"Afbrudt: {not_done}; {changed}."
        return interrupted_line(not_done)


def interrupted_line(what: str) -> str:
    """The one line a stopped command prints: what did not happen, and that nothing was left half-done."""
    return f"Afbrudt: {what}; intet er ændret, og ingen halve filer er efterladt."


class _State:
    """Within `finishing()` (`holding` deep) a signal is kept (its name) instead of raised; once a finishing block is
    done, every interrupt of the command is `written`. `depth`: how many `interruptible()` blocks are open. `said`:
    the command has said it succeeded (`said`), and an interrupt no longer changes that."""

    depth = 0
    holding = 0
    kept: str | None = None
    written = False
    said = False


@contextmanager
def interruptible() -> Iterator[None]:
    """SIGINT, SIGTERM and SIGHUP raise `Interrupted` within the block (only in the main thread, where signals
    arrive)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        if _State.said:
            return  # done and said so: the command ends as it said
        if _State.holding:
            _State.kept = signal.Signals(signum).name
            return
        raise Interrupted(signal.Signals(signum).name, written=_State.written)

    before = {s: signal.signal(s, stop) for s in STOPPING}
    _State.depth += 1
    try:
        yield
    finally:
        _State.depth -= 1
        # A script that has said it succeeded ignores the signals until it exits: Python's own handler would turn an
        # interrupt between here and the exit into a traceback or exit status 130.
        done = not _State.depth and _State.said and _script() is not None
        for s, handler in before.items():
            signal.signal(s, signal.SIG_IGN if done else handler)
        if not _State.depth:
            _State.written = _State.said = False  # the next command (a test calls several main()s) starts afresh


def said(*lines: str) -> None:
    """Print the command's success line(s) to stdout: from then on it has succeeded, and Ctrl+C or SIGTERM, which
    would have turned that into exit status 130 and a line saying it stopped (issue 25, #2), is too late to matter.
    One that comes while the lines are printed waits, and is dropped once they are out."""
    _State.holding += 1
    try:
        # Each line one printable line (hostile round 18: a file named with ESC ] 0; … BEL retitled the terminal).
        print(
            *(visible(line.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")) for line in lines), sep="\n", flush=True
        )
        _State.said = _State.depth > 0
    finally:
        _State.holding -= 1
        if not _State.holding:
            _State.kept = None


def _script() -> str | None:
    """The path of the script of scripts/ this process runs, or None (a notebook, pytest)."""
    main = getattr(sys.modules.get("__main__"), "__file__", None)
    if main is None or Path(main).resolve().parent != SCRIPTS:
        return None
    return main


@contextmanager
def finishing() -> Iterator[None]:
    """Put the output in place and tidy up after it, uninterrupted: Ctrl+C or SIGTERM within the block waits until
    it is done and is then raised as `Interrupted(written=True)`; any later one in the command is `written` too. A
    block that fails of itself (a name taken since the check) has written nothing: its error goes on as it is."""
    _State.holding += 1
    try:
        yield
    except BaseException:
        _State.holding -= 1
        if not _State.holding:
            _State.kept = None  # the command stops with the block's own error, which says nothing is written
        raise
    _State.holding -= 1
    if _State.holding:
        return
    _State.written = _State.depth > 0
    kept, _State.kept = _State.kept, None
    if kept is not None:
        raise Interrupted(kept, written=True)


def quiet_start() -> None:
    """When the process is one of scripts/, Ctrl+C or SIGTERM while it still imports its libraries (pandas alone
    takes seconds) ends it with `interrupted_line` and EXIT_CODE instead of a traceback; nothing is written yet.
    Any other process (a notebook, pytest) keeps its own handlers."""
    main = _script()
    if main is None or threading.current_thread() is not threading.main_thread():
        return

    def stop(signum: int, frame: object) -> None:
        # An exit, not an exception: raised inside an import, numpy's C code would turn it into an ImportError.
        sys.stderr.write(interrupted_line(f"{Path(main).name} blev stoppet, før den gik i gang") + "\n")
        sys.stderr.flush()
        os._exit(EXIT_CODE)

    for s in STOPPING:
        signal.signal(s, stop)
