"""The built site's folder holds one build and nothing else, and an interrupted build leaves it as it was.

Sphinx writes only the pages it thinks out of date and never removes a page whose source is gone: after a build
on other data, the old data's profile pages and PDF editions stayed in book/_build/html, ready to be published.
So each build starts from an empty folder: `fresh_site` gives the build a hidden sibling of the site to write the
new one into, and swaps it in only when the build has succeeded (in one step on Linux, renameat2's exchange); a
failed or interrupted build removes it. The site is the previous book, whole, until the swap. The executed notebooks
and Sphinx's environment live beside the site, not in it, so no notebook runs again; only the writing of pages is
repeated. `replaced_site` does the same for a step that changes a finished site (the PDF editions): it works on a
copy and swaps it in.

A process that was killed outright (kill -9, a power cut) leaves its hidden sibling behind; the next build or
PDF run tidies it up (`recover`) under the site's lock, before it reads the site. A previous site comes back only
where the site is not a finished build (no build record, buildkey.RECORD): a build killed while it removed the
previous site leaves a finished new one beside half of the old, and recovery once swapped that half in. Under the
lock no other run is at work on the site, so every sibling of another process is a leftover, even if its process
number has since gone to some other program. The swap and the removal that follows it are uninterrupted
(interruption.finishing): an interrupt there waits until they are done, and the command says the site is new.

A build and a PDF run at the same time each swapped in a site of their own: the PDF run's copy, made before the
build swapped in new data, replaced the new site with the old one's pages, PDFs and record, and both said they were
done. So each holds `site_lock` from before it reads the site until its swap is done: a second run is refused in
one line at once, and the lock goes with the process that holds it, however it ends.
"""

from __future__ import annotations

import ctypes
import dataclasses
import fcntl
import os
import shutil
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kulturensrige.data.buildkey import MISSING, RECORD, read_record, record_fault
from kulturensrige.data.csv_reading import special_kind
from kulturensrige.data.folder_writing import FOREIGN_FOLDER, destination_problem
from kulturensrige.data.interruption import finishing
from kulturensrige.data.problems import Problem

# The hidden siblings of site/, each named after the process that made it: `.html.ny-PID` a new site being built or
# a copy being changed (after the swap, the site it replaced, being removed); `.html.slettes-PID` a site swapped out
# where the two could not be exchanged in one step. `.html.forrige-PID` is what builds before docs/adr/0042 left: the
# previous site, moved aside while they wrote the new one into site/ itself.
PREVIOUS, NEW, OUTGOING = "forrige", "ny", "slettes"


class SiteBusy(Exception):
    """Another build or PDF run is changing this site: two at a time would leave a site of both."""

    def __init__(self, site: Path) -> None:
        super().__init__(
            f"bogen i {site} bygges eller får PDF-udgaver af en anden kørsel (make book eller make pdf) lige nu; intet er "
            "ændret, så kør igen, når den er færdig"
        )


@contextmanager
def site_lock(site: Path) -> Iterator[int]:
    """Hold the lock of `site` for the block, or raise SiteBusy at once. The lock is an flock on the folder that holds
    the site (which must exist): it leaves no file behind, and the kernel lets go of it when the process ends, even by
    kill -9. Yields its descriptor: a child that writes the site is given it (subprocess's pass_fds), so the lock
    lasts while the child runs, even when this process was killed outright; other children do not inherit it."""
    holder = os.open(site.parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        try:
            fcntl.flock(holder, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise SiteBusy(site) from None
        yield holder
    finally:
        os.close(holder)


def _sibling(site: Path, kind: str) -> Path:
    return site.with_name(f".{site.name}.{kind}-{os.getpid()}")


def _siblings(site: Path, kind: str) -> list[Path]:
    """Siblings of this kind left by other processes: under the site's lock, none of them is at work."""
    prefix = f".{site.name}.{kind}-"
    found = []
    for entry in sorted(site.parent.glob(f"{prefix}*")) if site.parent.is_dir() else []:
        pid = entry.name[len(prefix) :]
        if pid.isdigit() and int(pid) != os.getpid():
            found.append(entry)
    return found


def recover(site: Path) -> None:
    """Undo what a killed build or PDF run left (call it holding `site_lock`): a half-written site goes and the last
    finished one comes back; beside a finished site, a leftover is only removed."""
    for previous in _siblings(site, PREVIOUS):
        if read_record(site) is None:
            _remove(site)
            os.rename(previous, site)
        else:
            _remove(previous)
    for outgoing in _siblings(site, OUTGOING):
        if site.exists():
            _remove(outgoing)
        else:
            os.rename(outgoing, site)
    for copy in _siblings(site, NEW):
        _remove(copy)


@contextmanager
def fresh_site(site: Path) -> Iterator[Path]:
    """A folder beside `site` to build the new site into (it does not exist yet); it replaces `site` only if the block
    ends without an exception. Until then `site` is the previous book, whole: a reader of `make serve` or an rsync
    during a build saw an empty folder, then a few pages, when the build wrote into `site` itself (hostile round 19)."""
    recover(site)
    new = _sibling(site, NEW)
    try:
        yield new
    except BaseException:
        _remove(new)
        raise
    with finishing():
        _swap_in(new, site)


# renameat2(2)'s flag that swaps two paths in one step (linux/fs.h), and "the current directory" for its folders.
RENAME_EXCHANGE = 2
AT_FDCWD = -100


def _swap_in(new: Path, site: Path) -> None:
    """`new` takes the place of `site`, and what was there is removed. On Linux the two are exchanged in one step, so
    a reader finds one site or the other at every moment; elsewhere, or on a file system that cannot, `site` is gone
    for the moment between two renames (recover puts it back if the process dies then)."""
    if not site.exists():
        os.rename(new, site)
        return
    if _exchanged(new, site):
        _remove(new)
        return
    outgoing = _sibling(site, OUTGOING)
    os.rename(site, outgoing)
    os.rename(new, site)
    _remove(outgoing)


def _exchanged(one: Path, other: Path) -> bool:
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)  # glibc 2.28 and later
    if renameat2 is None:
        return False
    return renameat2(AT_FDCWD, os.fsencode(one), AT_FDCWD, os.fsencode(other), RENAME_EXCHANGE) == 0


class ForeignFolder(Exception):
    """The build folder or the site is not what a build made: a symlink (the build would write, and delete the
    previous site, wherever it points) or a site folder without a build record (someone's files, which a build
    deletes with the previous site). Hostile round 14, #3: `_build` linked to another folder filled it with the
    caches and deleted its html/; a foreign file in `_build/html` was deleted without a word."""


# How a refusal tells the reader to build elsewhere, in the words of the command they ran: with --output, or without
# it (`make book`, which has no --output, builds in book/).
ANOTHER_OUTPUT = "angiv en anden --output"
WITHOUT_OUTPUT = "byg bogen et andet sted med scripts/build_book.py --output MAPPE"


def refuse_foreign(build: Path, site: Path, *, replaced: bool, elsewhere: str = ANOTHER_OUTPUT) -> None:
    """Raise ForeignFolder, in one line, unless the build may write into `build` (OUTPUT/_build) and `site` (its
    html/), and, if the build `replaced` the site, unless the site is one a build made. Call it holding the site's
    lock, after `recover`, so a site that a killed build left half-written is not taken for someone's. `elsewhere`:
    the advice to build in another folder (ANOTHER_OUTPUT or WITHOUT_OUTPUT)."""
    # The build's own entries in OUTPUT/_build (the staged source .kr-source, the caches, jupyter_execute …) are
    # written and deleted too: a link among them led the build into another folder (hostile round 15, #6).
    inside = sorted(build.iterdir()) if build.is_dir() and not build.is_symlink() else []
    for folder in (build, site):
        if folder.is_symlink():
            raise ForeignFolder(_through_a_link(folder, elsewhere))
    # And anywhere below them (hostile round 16, #1): the staged source is rewritten and pruned by build_book's
    # sync_tree, and Sphinx (.doctrees), jupyter-cache (.jupyter_cache), myst-nb (jupyter_execute) and the extension
    # (_kr_generated) open their files for writing by name, so a link deep down had files outside replaced and
    # deleted. Not inside the site: a build writes a new one into an empty folder, and the previous one and its
    # hidden siblings are only renamed and removed (rmtree never follows a link), so a link there goes with them.
    for entry in inside:
        if (odd := _odd(entry, elsewhere)) is not None:
            raise ForeignFolder(odd)
        if entry != site and not entry.name.startswith(f".{site.name}.") and entry.is_dir():
            for parent, folders, files in os.walk(entry):
                if (odd := next(filter(None, (_odd(Path(parent) / name, elsewhere) for name in [*folders, *files])), None)) is not None:
                    raise ForeignFolder(odd)
    if replaced and site.is_dir() and any(site.iterdir()) and read_record(site) is None:
        fault = record_fault(site)
        why = f"den har ingen {RECORD}" if fault == MISSING else f"dens {RECORD} {fault}"
        raise ForeignFolder(
            f"{site} er ikke en bog, som build_book har bygget ({why}), og dens filer ville blive slettet; flyt dem, eller {elsewhere}"
        )


def _through_a_link(link: Path, elsewhere: str) -> str:
    return f"{link} er et symbolsk link (til {os.readlink(link)}), og bogen bygges ikke gennem et link; fjern linket, eller {elsewhere}"


def _odd(path: Path, elsewhere: str) -> str | None:
    """Why `path` stops the build if it is a symbolic link, a FIFO, a socket, a device or a file with another name (a
    hard link): a build makes none of them, and would write through a link, or hang on a FIFO."""
    info = os.lstat(path)
    mode = info.st_mode
    if stat.S_ISLNK(mode):
        return _through_a_link(path, elsewhere)
    if (kind := special_kind(mode)) is not None:
        return f"{path} er {kind}, ikke en fil, som et byggeri har skrevet; fjern den, eller {elsewhere}"
    if stat.S_ISREG(mode) and (names := info.st_nlink) > 1:
        # A hard link: the build opens its files by name and writes into them, so it would write into the file the
        # link shares with another folder (issue 25, #4). A build makes none.
        shared = "og bygget ville skrive i filen under alle navnene"
        return f"{path} er en hård link (filen har {names} navne), {shared}; fjern den, eller {elsewhere}"
    return None


class LinkInSite(Exception):
    """The site holds a symbolic link: the copy keeps it as a link (following it would copy whatever it points at),
    and a write into the copy through it would land outside the site, where no swap can take it back."""

    def __init__(self, link: Path, site: Path) -> None:
        self.link, self.target = link.relative_to(site).as_posix(), os.readlink(link)
        super().__init__(
            f"{self.link} i bogen er et symbolsk link (til {self.target}), og det, der skrives gennem det, havner uden for "
            "bogen; byg bogen igen med make book (en ny bog har ingen links)"
        )


def _first_link(folder: Path) -> Path | None:
    for parent, folders, files in os.walk(folder):
        for name in [*folders, *files]:
            if (Path(parent) / name).is_symlink():
                return Path(parent) / name
    return None


@contextmanager
def replaced_site(site: Path) -> Iterator[Path]:
    """A copy of `site` to change; it replaces `site` only if the block ends without an exception. A site holding a
    symbolic link is refused (LinkInSite), as it is found in the copy: the copy is what the block writes through."""
    recover(site)
    copy = _sibling(site, NEW)
    shutil.copytree(site, copy, symlinks=True)
    if (link := _first_link(copy)) is not None:
        refused = LinkInSite(link, copy)
        _remove(copy)
        raise refused
    try:
        yield copy
    except BaseException:
        _remove(copy)
        raise
    with finishing():
        _swap_in(copy, site)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


# What to do when --site holds no built book, empty or a folder of other files: how a book is built, and where.
BUILD_FIRST = (
    "kør først make book (med samme DATA); en bog bygget med build_book.py --output MAPPE ligger i MAPPE/_build/html, "
    "og det er den mappe, --site skal angive."
)


def pdf_site_problem(site: str, data_folder: Path) -> Problem | None:
    """Why the PDF editions cannot be written into `site` (as typed), in the one output guard's line: the site is
    replaced by a copy with the PDFs in it, so never the working folder, a device or the data folder. build_pdf.py and
    benchmark_pdf.py (which runs it) say it alike, before any work (benchmark_pdf.py '' said it in two lines)."""
    refused = destination_problem(site, folder=True, overwrite=True, reading=[data_folder], names={"index.html"}, replaces_links=False)
    if refused is not None and refused.allowed == FOREIGN_FOLDER:
        # A folder of other files is no built book: "angiv en ny eller tom mappe" sent the user to the wrong remedy.
        return dataclasses.replace(refused, allowed=f"er ikke en bygget bog (mappen har ingen index.html); {BUILD_FIRST}")
    return refused
