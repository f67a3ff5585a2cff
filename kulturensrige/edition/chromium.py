"""Debian's Chromium and the flags every headless run here needs: the tests, the PDF printer and the benchmarks.

A command that drives Chromium starts it with `started_chromium` and wraps each piece of work in `driving`: a
Chromium or a Playwright driver that cannot start (under `ulimit -v`, without memory, not installed) or that dies
while it works ends in ChromiumFailed, one Danish line saying what failed and what to do, never a traceback.
"""

from __future__ import annotations

import os
import resource
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from kulturensrige.data.problems import OneLineFailure
from kulturensrige.words import visible

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
# The same Chromium built for headless use alone (Debian's chromium-headless-shell), which Playwright also runs its
# headless tests in: the browser tests spend a third less CPU in it than in the full browser.
HEADLESS_SHELL = shutil.which("chromium-headless-shell") or "/usr/bin/chromium-headless-shell"
# Chromium's background services try to reach Google; this machine's network refuses them.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# How much of Playwright's own message a line quotes: its first line says what failed; the rest is its log.
CAUSE_CHARACTERS = 160


# Chromium makes its profile's lock socket at $TMPDIR/org.chromium.Chromium.XXXXXX/SingletonSocket, and a Unix
# socket's path holds at most 107 bytes (sun_path): under a TMPDIR of more than 62 bytes Chromium cannot start, and
# Playwright says only that the browser was closed (issue 25, #5).
SOCKET_IN_TEMPORARY_FOLDER = "org.chromium.Chromium.XXXXXX/SingletonSocket"
SOCKET_PATH_LIMIT = 107


def socket_folder_too_long() -> str | None:
    """The temporary folder Chromium puts its socket in ($TMPDIR, else /tmp), if the socket's path would be too long."""
    folder = os.environ.get("TMPDIR") or "/tmp"
    return folder if len(os.fsencode(os.path.join(folder, SOCKET_IN_TEMPORARY_FOLDER))) > SOCKET_PATH_LIMIT else None


def start_failure_line(exc: BaseException, executable: str = CHROMIUM) -> str:
    """Why Chromium could not start: a temporary folder whose path is too long for Chromium's socket, else
    failure_line's reasons."""
    what = "Chromium kunne ikke startes"
    if (folder := socket_folder_too_long()) is not None:
        length = len(os.fsencode(folder))
        return (
            f"{what}: den midlertidige mappe (TMPDIR) {visible(folder)} har en sti på {length} bytes, og Chromium lægger en "
            f"socket i en mappe i den, hvis sti så bliver længere end de {SOCKET_PATH_LIMIT} bytes, en Unix-socket må have; "
            f"sæt TMPDIR til en mappe med en sti på højst {SOCKET_PATH_LIMIT - len(SOCKET_IN_TEMPORARY_FOLDER) - 1} bytes "
            "(fx TMPDIR=/tmp), og kør igen"
        )
    return failure_line(what, exc, executable)


class ChromiumFailed(OneLineFailure):
    """Chromium or Playwright's driver could not start, or stopped while it worked; the message is one Danish line."""


def failure_line(what: str, exc: BaseException, executable: str = CHROMIUM) -> str:
    """`what` failed ('Chromium kunne ikke startes'), why as far as this process can tell, and what to do."""
    cause = visible(next(iter(str(exc).strip().splitlines()), "") or type(exc).__name__)[:CAUSE_CHARACTERS]
    limit = resource.getrlimit(resource.RLIMIT_AS)[0]
    if limit != resource.RLIM_INFINITY:
        size = f"{limit / 1e9:.1f}".replace(".", ",")
        return (
            f"{what}: processen må højst bruge {size} GB adresserum (ulimit -v eller prlimit --as), og Chromium og "
            f"Playwrights driver reserverer mere, end de bruger; kør uden grænsen (ulimit -v unlimited) ({cause})"
        )
    if isinstance(exc, MemoryError):
        return f"{what}: hukommelsen slap op; luk andre programmer, og kør igen"
    if not Path(executable).exists():
        return f"{what}: Chromium mangler ({executable}); installer Debians pakke 'chromium' (make pdf gør det selv som root)"
    return (
        f"{what} ({cause}); maskinen kan mangle hukommelse, eller Chromium kan være beskadiget: "
        f"prøv '{executable} --headless --dump-dom about:blank', og kør igen"
    )


@contextmanager
def _driver_output_hidden() -> Iterator[None]:
    """The standard error of this process points at /dev/null while Playwright's driver is spawned: the driver and
    the Chromium it starts inherit it, so their own messages (a native stack trace when they cannot start, Chromium's
    warnings) never surround the one line the command prints. This process's own standard error is back at once."""
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(os.devnull, "wb") as stream:
            os.dup2(stream.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _from_playwright(exc: BaseException) -> bool:
    """An error of Playwright (its Error, TimeoutError and TargetClosedError), of its driver (which raises a bare
    Exception when the pipe to it closes) or of memory: what a Chromium that died, or never started, gives."""
    from playwright.sync_api import Error

    return isinstance(exc, (Error, MemoryError)) or type(exc) is Exception


@contextmanager
def driving(what: str) -> Iterator[None]:
    """A piece of work with a started Chromium (`what`: 'udskrivningen af x.pdf'); a Chromium or driver that dies
    meanwhile is ChromiumFailed. Any other exception is the caller's own and passes as it is."""
    from playwright.sync_api import TimeoutError as Timeout

    try:
        yield
    except Exception as exc:
        if not _from_playwright(exc):
            raise
        failed = f"Chromium blev ikke færdig med {what} i tide" if isinstance(exc, Timeout) else f"Chromium stoppede under {what}"
        raise ChromiumFailed(failure_line(failed, exc)) from None


@contextmanager
def started_chromium(executable: str = CHROMIUM, **launch: Any) -> Iterator[Any]:
    """A headless Chromium (Playwright's Browser), closed again at the end. Anything that keeps the driver or
    Chromium from starting is ChromiumFailed, one line."""
    from playwright.sync_api import sync_playwright

    manager = sync_playwright()
    try:
        with _driver_output_hidden():
            playwright = manager.__enter__()
    except Exception as exc:
        raise ChromiumFailed(start_failure_line(exc, executable)) from None
    try:
        try:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True, **launch)
        except Exception as exc:
            raise ChromiumFailed(start_failure_line(exc, executable)) from None
        try:
            yield browser
        finally:
            with suppress(Exception):  # a Chromium that died cannot be closed, and has nothing left to close
                browser.close()
    finally:
        with suppress(Exception):
            manager.__exit__(None, None, None)
