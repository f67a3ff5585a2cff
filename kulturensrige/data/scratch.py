"""A command's private scratch folders in the temporary folder, which a run killed with SIGKILL cannot leave behind.

A build keeps its validated tables (the uncleared roles included), its staged pages and the editions' HTML in folders
of the temporary folder. SIGKILL runs no cleanup, and such folders lived on (issue 25, #3). Each is made owner-only
(0700, as mkdtemp makes it), and named after the process that made it, with its start time:
`kr-data-cache-<pid>-<start>-<random>`. Before a command makes one, it removes every such folder of its user whose
process has ended (no process with that id, or one started at another time: the id was reused).
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kulturensrige.data import table_cache

# The kinds of scratch folder the commands make: a build's table cache and staged book, the printers' editions.
KINDS = ("data-cache", "book", "pdf")
_NAME = re.compile(rf"^kr-(?:{'|'.join(map(re.escape, KINDS))})-(\d+)-(\d+)-[A-Za-z0-9_]+$")


def start_time(pid: int) -> int | None:
    """When process `pid` started, in clock ticks since boot (/proc/PID/stat, field 22); None if there is no such
    process (or no /proc to ask)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stream:
            fields = stream.read().rpartition(b")")[2].split()
    except OSError:
        return None
    try:
        return int(fields[19])
    except (IndexError, ValueError):
        return None


def _ended(pid: int, started: int) -> bool:
    """Whether the process that made a folder is gone: no process has its id, or the one that has it started later."""
    if not os.path.isdir("/proc/self"):
        return False  # nothing to tell a live process from a dead one by: the folder stays
    return start_time(pid) != started


def sweep(folder: Path | None = None) -> list[Path]:
    """Remove the scratch folders in `folder` (the temporary folder) that belong to this user and to a process that
    has ended; the paths removed. A symlink, a file or another user's folder of that name is left alone."""
    where = Path(folder or tempfile.gettempdir())
    removed = []
    try:
        names = os.listdir(where)
    except OSError:
        return []
    for name in names:
        match = _NAME.match(name)
        if match is None:
            continue
        path = where / name
        try:
            info = os.lstat(path)
        except OSError:
            continue
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or not _ended(int(match[1]), int(match[2])):
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


@contextmanager
def scratch_folder(kind: str) -> Iterator[Path]:
    """A new owner-only folder of `kind` (KINDS) in the temporary folder, removed with its contents at the end; the
    folders that runs killed before it left are removed first (sweep)."""
    assert kind in KINDS, kind
    sweep()
    pid = os.getpid()
    path = Path(tempfile.mkdtemp(prefix=f"kr-{kind}-{pid}-{start_time(pid) or 0}-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def private_parent() -> str | None:
    """Where a page of a build makes its own temporary folders (the error catalogue's copies of the data): the build's
    private table cache folder ($KR_DATA_CACHE), which the next command sweeps if the build is killed; outside a
    build, the temporary folder (None)."""
    folder = os.environ.get(table_cache.FOLDER_VARIABLE)
    return folder if folder and os.path.isdir(folder) else None
