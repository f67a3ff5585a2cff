"""Ctrl+C and SIGTERM as an exception, so a command tidies up after itself and says so in one Danish line.

Python's default for SIGTERM ends the process at once: no `finally`, no removal of a staging folder. Inside
`interruptible()`, both signals raise `Interrupted` instead, which the writing code treats like any failure
(the target stays as it was, the staging copy goes), and the script prints `interrupted_line`.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent.parent.parent / "scripts"

EXIT_CODE = 130  # what a shell reports for a command stopped by Ctrl+C


class Interrupted(BaseException):
    """Ctrl+C or SIGTERM arrived (a BaseException like KeyboardInterrupt: `except Exception` must not swallow it)."""


def interrupted_line(what: str) -> str:
    """The one line a stopped command prints: what did not happen, and that nothing was left half-done."""
    return f"Afbrudt: {what}; intet er ændret, og ingen halve filer er efterladt."


@contextmanager
def interruptible() -> Iterator[None]:
    """SIGINT and SIGTERM raise `Interrupted` within the block (only in the main thread, where signals arrive)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise Interrupted(signal.Signals(signum).name)

    before = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for s, handler in before.items():
            signal.signal(s, handler)


def quiet_start() -> None:
    """When the process is one of scripts/, Ctrl+C or SIGTERM while it still imports its libraries (pandas alone
    takes seconds) ends it with `interrupted_line` and EXIT_CODE instead of a traceback; nothing is written yet.
    Any other process (a notebook, pytest) keeps its own handlers."""
    main = getattr(sys.modules.get("__main__"), "__file__", None)
    if main is None or Path(main).resolve().parent != SCRIPTS or threading.current_thread() is not threading.main_thread():
        return

    def stop(signum: int, frame: object) -> None:
        # An exit, not an exception: raised inside an import, numpy's C code would turn it into an ImportError.
        sys.stderr.write(interrupted_line(f"{Path(main).name} blev stoppet, før den gik i gang") + "\n")
        sys.stderr.flush()
        os._exit(EXIT_CODE)

    for s in (signal.SIGINT, signal.SIGTERM):
        signal.signal(s, stop)
