"""Writing a data folder: the same CSV format as data/, and never a half-written folder.

Used by the workbook importer, the template writer and the synthetic-data generator.
"""

from __future__ import annotations

import csv
import dataclasses
import glob
import io
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from kulturensrige.data.problems import DataError, Problem
from kulturensrige.data.schema import TABLES
from kulturensrige.data.validation import read_folder, validate_tables


def csv_text(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """UTF-8 text as in data/: the csv module, minimal quoting, '\\n' line endings, no BOM."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    # The csv module quotes a field with '\n' but not one with a lone '\r', which every reader takes for a line end.
    quoted = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        (quoted if any("\r" in str(cell) for cell in row) else writer).writerow(row)
    return out.getvalue()


def write_folder(
    files: Mapping[str, str],
    dest: Path,
    *,
    overwrite: bool = False,
    check: Callable[[Path], list[Problem]] | None = None,
) -> None:
    """Write `files` (name -> text) as the folder `dest`, all or nothing.

    The files go into a temporary sibling folder first; `check` may then reject it (DataError), and only
    after that is the folder renamed into place. An existing `dest` is refused unless `overwrite`; with
    it, files in the old folder that are not among `files` (a README, DATAORDBOG.md) are carried over.
    A crash at any point leaves either the old folder or the new one under `dest`, never a mix; at
    worst, between the two renames, the old folder waits under a `.<name>.gammel-*` sibling.
    """
    dest = Path(os.path.abspath(dest))
    if dest.exists() and not overwrite:
        raise FileExistsError(f"{dest} findes allerede")
    if dest.exists() and not dest.is_dir():
        raise NotADirectoryError(f"{dest} findes og er ikke en mappe")
    dest.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_staging(dest)
    staging = Path(tempfile.mkdtemp(prefix=staging_prefix(dest), dir=dest.parent))
    os.chmod(staging, stat.S_IMODE(dest.stat().st_mode) if dest.is_dir() else default_mode(0o777))
    try:
        for name, text in files.items():
            _write_file(staging / name, text)
        if dest.is_dir():
            _carry_over(dest, staging, set(files))
        if check is not None and (problems := check(staging)):
            # The reader only knows the hidden staging folder; the analyst knows the folder they named.
            raise DataError([dataclasses.replace(p, file=p.file.replace(staging.name, dest.name, 1)) for p in problems])
        _swap_in(staging, dest)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def staging_prefix(dest: Path) -> str:
    """`.NAME.ny-PID-`: the hidden sibling a new folder or file is written into, named after the process writing it."""
    return f".{dest.name}.ny-{os.getpid()}-"


def remove_stale_staging(dest: Path) -> None:
    """Remove `.NAME.ny-*` siblings whose writer has died (kill -9, power cut); a running writer's are left alone.

    A staging copy is never the only copy of anything: the old `dest` stays in place until the new one is complete.
    """
    prefix = f".{dest.name}.ny-"
    for entry in dest.parent.glob(glob.escape(prefix) + "*"):
        pid = entry.name[len(prefix) :].split("-", 1)[0]
        if pid.isdigit() and _running(int(pid)):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process: alive
    return True


def destination_problem(dest: Path, *, folder: bool, overwrite: bool) -> Problem | None:
    """Why `dest` cannot be written (a folder if `folder`, else a file), in one line, before any work is done."""
    shown = str(dest)
    dest = Path(os.path.abspath(dest))
    existing = next(p for p in [dest, *dest.parents] if _exists(p))
    name_max = os.pathconf(existing if existing.is_dir() else existing.parent, "PC_NAME_MAX")
    if any(len(os.fsencode(part)) > name_max for part in dest.parts):
        return Problem(shown, None, None, None, f"navnet er for langt til filsystemet; højst {name_max} bytes pr. navn")
    if existing != dest:
        if not existing.is_dir():
            return Problem(shown, None, None, None, f"{existing} er en fil, ikke en mappe; vælg en anden placering")
        if not os.access(existing, os.W_OK | os.X_OK):
            return Problem(shown, None, None, None, f"der er ikke skriveadgang til mappen {existing}")
        return None
    if folder and not dest.is_dir():
        return Problem(shown, None, None, None, "findes og er en fil; --out skal være en mappe")
    if not folder and dest.is_dir():
        return Problem(shown, None, None, None, "er en mappe; --out skal være en fil, fx arbejdsbog.xlsx")
    if not overwrite:
        what = "mappen" if folder else "filen"
        return Problem(shown, None, None, None, f"findes allerede; intet er skrevet. Brug --overwrite for at erstatte {what}")
    return None


def _exists(path: Path) -> bool:
    """lexists that also answers for a name too long to look up (it cannot exist)."""
    try:
        return os.path.lexists(path)
    except (OSError, ValueError):
        return False


def default_mode(full: int) -> int:
    """The permissions a plain open()/mkdir() would give (mkdtemp and mkstemp give owner-only)."""
    umask = os.umask(0)
    os.umask(umask)
    return full & ~umask


def _write_file(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="") as stream:
        stream.write(text)
        stream.flush()
        os.fsync(stream.fileno())


def _carry_over(old: Path, new: Path, replaced: set[str]) -> None:
    for entry in old.iterdir():
        if entry.name in replaced:
            continue
        if entry.is_dir():
            shutil.copytree(entry, new / entry.name, symlinks=True)
        else:
            shutil.copy2(entry, new / entry.name, follow_symlinks=False)


def _swap_in(staging: Path, dest: Path) -> None:
    if not dest.exists():
        os.rename(staging, dest)
        return
    backup = Path(tempfile.mkdtemp(prefix=f".{dest.name}.gammel-", dir=dest.parent))
    os.rmdir(backup)  # only the unused name is wanted
    os.rename(dest, backup)
    try:
        os.rename(staging, dest)
    except BaseException:
        os.rename(backup, dest)
        raise
    shutil.rmtree(backup, ignore_errors=True)


def check_folder(folder: Path) -> list[Problem]:
    """Read a written folder back with the CSV reader and validate it: the last check before a swap."""
    raws, problems = read_folder(folder)
    if problems:
        return problems
    return validate_tables(raws, {name: f"{folder.name}/{TABLES[name].file}" for name in raws})[1]
