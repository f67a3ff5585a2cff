"""Writing a data folder: the same CSV format as data/, and never a half-written folder.

Used by the workbook importer, the template writer and the synthetic-data generator.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from .problems import DataError, Problem
from .schema import TABLES
from .validation import read_folder, validate_tables


def csv_text(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """UTF-8 text as in data/: the csv module, minimal quoting, '\\n' line endings, no BOM."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
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
    staging = Path(tempfile.mkdtemp(prefix=f".{dest.name}.ny-", dir=dest.parent))
    os.chmod(staging, stat.S_IMODE(dest.stat().st_mode) if dest.is_dir() else default_mode(0o777))
    try:
        for name, text in files.items():
            _write_file(staging / name, text)
        if dest.is_dir():
            _carry_over(dest, staging, set(files))
        if check is not None and (problems := check(staging)):
            raise DataError(problems)
        _swap_in(staging, dest)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


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
