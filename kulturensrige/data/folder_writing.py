"""Writing a data folder: every CSV as the book writes its downloads (guarded and marked, ADR 80), never half-written.

Used by the workbook importer, the template writer and the synthetic-data generator.
"""

from __future__ import annotations

import ctypes
import dataclasses
import errno
import glob
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from kulturensrige.data.interruption import Interrupted, finishing
from kulturensrige.data.problems import EMPTY_NAME, LOOP, DataError, Problem, symlink_loop
from kulturensrige.data.schema import TABLES
from kulturensrige.data.validation import read_folder, validate_tables
from kulturensrige.words import csv_text as spreadsheet_text
from kulturensrige.words import visible


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A data folder's CSV text, as the book's downloads are written (words.csv_text): every formula start guarded,
    marked by the byte order mark and the quoted header names, so the reader takes exactly the guard off again
    (csv_reading; ADR 28, ADR 80). An empty cell (None) is empty."""
    return spreadsheet_text(header, [["" if cell is None else cell for cell in row] for row in rows])


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
    worst, between the two renames, the old folder waits under a `.<name>.gammel-<pid>-*` sibling, and the
    next write to `dest` puts it back before it starts (`remove_stale_staging`), and without `overwrite` stops there.
    """
    given, dest = dest, Path(os.path.abspath(dest))
    refuse_output(given, folder=True, overwrite=overwrite, names=files)
    made = missing_parents(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    if remove_stale_staging(dest) and not overwrite:
        # The old folder a crashed write left is back: without --overwrite, it is not replaced after all.
        raise OutputTaken(given, folder=True, restored=True)
    staging = Path(tempfile.mkdtemp(prefix=staging_prefix(dest), dir=dest.parent))
    # A symlink named as the output is replaced as a link, its target left alone: never a folder being replaced.
    replacing = dest.is_dir() and not dest.is_symlink()
    os.chmod(staging, stat.S_IMODE(dest.stat().st_mode) if replacing else default_mode(0o777))
    try:
        for name, text in files.items():
            _write_file(staging / name, text)
        if replacing:
            _carry_over(dest, staging, set(files))
        if check is not None and (problems := check(staging)):
            # The reader only knows the hidden staging folder; the analyst knows the folder they named.
            raise DataError([dataclasses.replace(p, file=p.file.replace(staging.name, dest.name, 1)) for p in problems])
        _swap_in(staging, dest, overwrite=overwrite)
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        remove_empty(made)
        if isinstance(exc, OutputTaken):
            exc.problem = dataclasses.replace(exc.problem, file=str(given))  # as the user named it
        raise


def write_file(dest: Path, write: Callable[[Path], object], *, overwrite: bool = False) -> None:
    """Write one file through `write(temporary)` in the same folder, then rename it into place: all or nothing.

    A device, FIFO or anything but a regular file or a symlink is refused before anything is written; a symlink is
    replaced as a link (with `overwrite`), its target left alone.
    """
    write_files([(dest, write)], overwrite=overwrite)


def write_files(writes: Sequence[tuple[Path, Callable[[Path], object]]], *, overwrite: bool = False) -> None:
    """Write several files as write_file does, all or none: each is written in full beside its destination, and
    only when every one is written are they renamed into place (a .qdpx and its code map)."""
    staged: list[tuple[Path, Path]] = []
    placed: list[Path] = []
    given: dict[str, str] = {}
    made: list[Path] = []
    try:
        for dest, write in writes:
            given[os.path.abspath(dest)] = str(dest)
            refuse_output(dest, folder=False, overwrite=overwrite)
            dest = Path(os.path.abspath(dest))
            made += missing_parents(dest)
            dest.parent.mkdir(parents=True, exist_ok=True)
            remove_stale_staging(dest)
            handle, name = tempfile.mkstemp(prefix=staging_prefix(dest), suffix=".tmp", dir=dest.parent)
            os.close(handle)
            staged.append((Path(name), dest))
            regular = dest.is_file() and not dest.is_symlink()
            os.chmod(name, stat.S_IMODE(dest.stat().st_mode) if regular else default_mode(0o666))
            write(Path(name))
        with finishing():
            for temporary, target in staged:
                if overwrite:
                    os.replace(temporary, target)
                else:
                    _place_new_file(temporary, target)
                    placed.append(target)
    except BaseException as exc:
        if isinstance(exc, Interrupted) and exc.written:
            raise  # every file is in place: nothing to take back
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        for target in placed:  # new names this call made, before a later one was taken
            target.unlink(missing_ok=True)
        remove_empty(made)
        if isinstance(exc, OutputTaken) and exc.filename in given:
            exc.problem = dataclasses.replace(exc.problem, file=given[exc.filename])  # as the user named it
        raise


def missing_parents(dest: Path) -> list[Path]:
    """The folders above `dest` that do not exist yet, innermost first: the ones a write makes for it, and takes away
    again if it is refused (an import of a project that failed its check left `ny/under/` behind, "intet er skrevet")."""
    missing = []
    parent = dest.parent
    while not os.path.lexists(parent) and parent != parent.parent:
        missing.append(parent)
        parent = parent.parent
    return missing


def remove_empty(folders: Sequence[Path]) -> None:
    """Remove the folders a refused write made, innermost first; one that something else has put a file in stays."""
    for folder in folders:
        try:
            os.rmdir(folder)
        except OSError:
            return


def _place_new_file(temporary: Path, dest: Path) -> None:
    """Rename `temporary` to `dest` only if nothing has that name now: two writers without --overwrite both passed
    the check before either wrote, and a plain rename let the second silently replace the first. A hard link
    fails on an existing name; a file system without hard links gets the check again and a rename."""
    try:
        os.link(temporary, dest, follow_symlinks=False)
    except FileExistsError:
        raise OutputTaken(dest, folder=False) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        if os.path.lexists(dest):
            raise OutputTaken(dest, folder=False) from None
        os.rename(temporary, dest)
        return
    temporary.unlink()


def staging_prefix(dest: Path) -> str:
    """`.NAME.ny-PID-`: the hidden sibling a new folder or file is written into, named after the process writing it."""
    return f".{dest.name}.ny-{os.getpid()}-"


def remove_stale_staging(dest: Path) -> bool:
    """Clear what a writer that died (kill -9, power cut) left beside `dest`; a running writer's siblings stay.

    A staging copy (`.NAME.ny-*`) is never the only copy of anything, and goes. An old folder (`.NAME.gammel-*`)
    is the only copy when the writer died between `_swap_in`'s two renames: it comes back as `dest` if nothing
    took its place (True is returned then), and goes otherwise. Only names of the writers' own pattern, with a
    process number, are touched: a `.NAME.ny-backup` or `.NAME.gammel-notes` is someone's, and stays.
    """
    for entry in _left_by_the_dead(dest, "ny"):
        _remove(entry)
    restored = False
    for entry in _left_by_the_dead(dest, "gammel"):
        if os.path.lexists(dest):
            _remove(entry)
        else:
            os.rename(entry, dest)
            restored = True
    return restored


# What tempfile.mkdtemp / mkstemp add after a staging prefix (`.NAME.KIND-PID-`): random letters, digits and '_'.
_STAGING_TAIL = re.compile(r"([0-9]+)-[A-Za-z0-9_]+(?:\.tmp)?")


def _left_by_the_dead(dest: Path, kind: str) -> list[Path]:
    """`.NAME.KIND-PID-*` siblings, as the writers name them, whose process no longer runs."""
    prefix = f".{dest.name}.{kind}-"
    found = []
    for entry in sorted(dest.parent.glob(glob.escape(prefix) + "*")):
        tail = _STAGING_TAIL.fullmatch(entry.name[len(prefix) :])
        if tail is not None and not process_running(int(tail.group(1))):
            found.append(entry)
    return found


def _remove(entry: Path) -> None:
    if entry.is_dir() and not entry.is_symlink():
        shutil.rmtree(entry, ignore_errors=True)
    else:
        entry.unlink(missing_ok=True)


def process_running(pid: int) -> bool:
    """Whether a staging folder's process still runs, so its folder is not taken away under it."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process: alive
    return True


# The line for a folder holding files of which none is one the command writes: its files would be replaced.
FOREIGN_FOLDER = "er en mappe med filer, som kommandoen ikke selv har skrevet; angiv en ny eller tom mappe"

OUTPUT_REFUSED = 2
"""The exit status of a command whose output path is refused before any work (as argparse's for a wrong argument)."""

# The kernel's and the devices' file systems: a write there is never a data file.
SYSTEM_FOLDERS = (Path("/dev"), Path("/proc"), Path("/sys"))


def destination_problem(
    dest: str | os.PathLike[str],
    *,
    folder: bool,
    overwrite: bool,
    reading: Iterable[Path | str] = (),
    names: Iterable[str] = (),
    into: bool = False,
    replaces_links: bool = True,
) -> Problem | None:
    """Why `dest` cannot be written (a folder if `folder`, else a file), in one line, before any work is done.

    Only a regular file, a folder this kind of command made (empty, or holding one of `names`, by default a data
    folder's CSV files) or a new name under a writable folder may be written; a symlink only as the name --overwrite
    replaces, as a link (its target neither written nor replaced); never a device, FIFO or socket, nothing named or
    resolved under /dev, /proc or /sys, never the working folder or a folder above it, and never the folders and files
    the command reads (`reading`). A file is given as the command line's text: a Path has already dropped a trailing
    '/'. `into`: the command writes a file into the folder and never replaces it (the dictionary), so the working
    folder, "." or a folder above it may be named, as long as it is a folder of this kind, and never a link (writing
    into it would write through it). `replaces_links=False`: the command writes into what it names as well (a
    book's site), so a link is refused, its target named, as for `into`.

    Each line's advice is the one for what the command writes, a file or a folder (`kind_advice`): every writing
    command says the same line of the same target (the hostile review of issue 25 found "vælg en almindelig mappe"
    said to a command that writes a file).
    """
    shown = os.fspath(dest)
    name, elsewhere, other = kind_advice(folder=folder)
    if shown == "":
        return Problem('""', None, None, None, f"{EMPTY_NAME}; {name}")
    if shown == "." and not into:
        return Problem(shown, None, None, None, f"er den mappe, du står i; {other}")
    # `--out dir/` wrote a file named dir (hostile round 16, #8): a name ending in '/' (or '.', '..') is a folder's.
    if not folder and (shown.endswith(os.sep) or os.path.basename(shown) in (".", "..")):
        return Problem(shown, None, None, None, "er en mappes navn (det ender på /, . eller ..); angiv navnet på en fil")
    dest = Path(os.path.abspath(dest))
    if symlink_loop(dest):  # the name itself, or a folder on the way; Path.resolve() would raise RuntimeError
        return Problem(shown, None, None, None, LOOP)
    existing = next(p for p in [dest, *dest.parents] if _exists(p))
    if hidden := _hidden_characters(dest.parts[len(existing.parts) :] or (dest.name,)):
        return Problem(
            shown,
            None,
            None,
            None,
            f"navnet har tegn, der ikke kan ses ({hidden}: styre- eller retningstegn); brug kun synlige tegn i et navn",
        )
    name_max = os.pathconf(existing if existing.is_dir() else existing.parent, "PC_NAME_MAX")
    if any(len(os.fsencode(part)) > name_max for part in dest.parts):
        return Problem(shown, None, None, None, f"navnet er for langt til filsystemet; højst {name_max} bytes pr. navn")
    # The name itself is not followed (a symlink is replaced as a link, below); the folders above it are.
    real = Path(os.path.realpath(dest.parent)) / dest.name
    # As given, resolved, and with the name resolved too: /proc/self/cwd/x resolves to the working folder, but is named
    # in /proc (hostile25 #1: written by every command), and a link whose target lies there is refused as well.
    if any(_in_system_folder(path) for path in (dest, real, Path(os.path.realpath(dest)))):
        return Problem(shown, None, None, None, f"ligger under /dev, /proc eller /sys (enheder og kernens filer); {elsewhere}")
    here = Path(os.path.realpath(os.getcwd()))
    if (real == here or real in here.parents) and not into:
        return Problem(shown, None, None, None, f"er den mappe, du står i, eller en mappe over den; {other}")
    for source in reading:
        read = Path(os.path.realpath(source))
        where = "er" if real == read else "indeholder" if real in read.parents else "ligger i" if read in real.parents else ""
        if where:
            return Problem(shown, None, None, None, f"{where} {source}, som kommandoen læser; {elsewhere}")
    if existing != dest:
        if not existing.is_dir():
            return Problem(shown, None, None, None, f"{existing} er en fil, ikke en mappe; {elsewhere}")
        if not os.access(existing, os.W_OK | os.X_OK):
            return Problem(shown, None, None, None, f"der er ikke skriveadgang til mappen {existing}")
        return None
    mode = os.lstat(dest).st_mode
    if not (stat.S_ISLNK(mode) or stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        regular = "en mappe" if folder else "en almindelig fil"
        return Problem(shown, None, None, None, f"er {_special_kind(mode)}, ikke {regular}; {name}")
    if stat.S_ISLNK(mode):
        if into or not replaces_links:
            return Problem(shown, None, None, None, _through_a_link(dest))
        # The link itself is what --overwrite replaces, as a link, its target left alone (issue 25, ADR 80).
        return None if overwrite else Problem(shown, None, None, None, _taken(folder))
    if folder and stat.S_ISREG(mode):
        return Problem(shown, None, None, None, "findes og er en fil; angiv en mappe")
    if not folder and stat.S_ISDIR(mode):
        return Problem(shown, None, None, None, "er en mappe; angiv navnet på en fil")
    made_here = set(names) or {table.file for table in TABLES.values()}
    if folder and stat.S_ISDIR(mode) and not _made_here(dest, made_here):
        return Problem(shown, None, None, None, FOREIGN_FOLDER)
    if not overwrite:
        return Problem(shown, None, None, None, _taken(folder))
    return None


def _in_system_folder(path: Path) -> bool:
    return any(path == system or system in path.parents for system in SYSTEM_FOLDERS)


def kind_advice(*, folder: bool) -> tuple[str, str, str]:
    """What to give instead, for a command that writes a folder or a file: a name, a place elsewhere, another than the
    working folder (a file's name is never the working folder's, so it is simply a file's)."""
    if folder:
        return "angiv navnet på en mappe", "angiv en mappe et andet sted", "angiv navnet på en anden mappe"
    return "angiv navnet på en fil", "angiv en fil et andet sted", "angiv navnet på en fil"


def _through_a_link(link: Path) -> str:
    """Why an output a command writes into is refused when named by a symlink: writing through it would write a place
    the command line does not name (hostile review 22, #1, hostile25 #3). The target is named, so the user can give it
    instead."""
    target = os.path.realpath(link)
    there = "" if os.path.lexists(target) else ", som ikke findes"
    return (
        f"er et symbolsk link til {target}{there}; kommandoen hverken erstatter linket eller skriver gennem det: "
        f"angiv {target} selv eller et andet navn"
    )


def _hidden_characters(names: Iterable[str]) -> str:
    """The characters of the names this write makes that print as nothing or as a command (a line break, a tab, ESC, a
    right-to-left override), as escapes: a name no one could read back or type (hostile review 18, #5)."""
    return ", ".join(dict.fromkeys(visible(c) for name in names for c in name if visible(c) != c))


def suffix_problem(dest: str, suffix: str, kind: str) -> Problem | None:
    """Why a file of `kind` cannot be named `dest`: a name without its ending (`--out notes.csv`, `--out -`) made a
    file no program opens as what it is (hostile round 18)."""
    if dest.lower().endswith(suffix):
        return None
    return Problem(dest, None, None, None, f"navnet skal ende på {suffix}: kommandoen skriver {kind}")


class OutputTaken(FileExistsError):
    """`dest` exists and --overwrite was not given: found by the writer itself, up front or at the final rename
    (another writer got there first). `problem` is the one line the command prints, with exit status 2."""

    def __init__(self, dest: Path, *, folder: bool, restored: bool = False):
        self.problem = Problem(str(dest), None, None, None, _RESTORED if restored else _taken(folder))
        super().__init__(errno.EEXIST, str(self.problem), str(dest))


_RESTORED = "den gamle mappe, som en afbrudt skrivning efterlod, er lagt tilbage; intet er skrevet. Brug --overwrite for at erstatte den"


def _taken(folder: bool) -> str:
    what = "mappen" if folder else "filen"
    return f"findes allerede; intet er skrevet. Brug --overwrite for at erstatte {what}"


def refuse_output(dest: Path, *, folder: bool, overwrite: bool, names: Iterable[str] = ()) -> None:
    """The guard inside the writers themselves, for callers that skipped it: OutputTaken or DataError, before any write."""
    if _exists(dest) and not overwrite:
        raise OutputTaken(dest, folder=folder)
    if (problem := destination_problem(dest, folder=folder, overwrite=overwrite, names=names)) is not None:
        raise DataError([problem])


def _special_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "et navngivet rør (FIFO)"
    if stat.S_ISSOCK(mode):
        return "en sokkel (socket)"
    return "en enhed"


def _made_here(folder: Path, names: set[str]) -> bool:
    """A folder this kind of command writes: empty, or holding at least one of the files it writes."""
    try:
        found = {entry.name for entry in os.scandir(folder)}
    except OSError:
        return False
    return not found or bool(found & names)


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
    """Keep what the old folder holds besides the new files: a symlink as a link, never followed; everything else
    by a hard link to the same file (`_link_or_copy`), so a FIFO stays a FIFO and a file keeps its other names."""
    for entry in os.scandir(old):
        if entry.name in replaced:
            continue
        if entry.is_symlink():
            os.symlink(os.readlink(entry.path), new / entry.name)
        elif entry.is_dir(follow_symlinks=False):
            shutil.copytree(entry.path, new / entry.name, symlinks=True, copy_function=_link_or_copy)
        else:
            _link_or_copy(entry.path, new / entry.name)


def _link_or_copy(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
    """A hard link (the staging folder is a sibling, on the same file system); a copy of a regular file where the
    system refuses the link. A FIFO, socket or device that cannot be linked stops the write: copying one would
    read from it, or hang."""
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError:
        if not stat.S_ISREG(os.lstat(source).st_mode):
            kind = _special_kind(os.lstat(source).st_mode)
            raise DataError(
                [Problem(str(source), None, None, None, f"er {kind} og kan ikke tages med; flyt den, eller vælg en anden mappe")]
            ) from None
        shutil.copy2(source, target, follow_symlinks=False)


def _swap_in(staging: Path, dest: Path, *, overwrite: bool) -> None:
    """Rename staging to dest; an old folder or symlink at dest waits under a hidden name until that is done.

    Without `overwrite`, dest is checked again by the rename itself (`_rename_noreplace`), so of two writers to one
    new name the second is refused (OutputTaken), not silently put in the first one's place. Uninterrupted
    (`finishing`): once the new folder is in place, the old one is removed before an interrupt stops the command."""
    with finishing():
        _swap(staging, dest, overwrite=overwrite)


def _swap(staging: Path, dest: Path, *, overwrite: bool) -> None:
    if not overwrite:
        try:
            _rename_noreplace(staging, dest)
        except OSError as exc:
            if exc.errno in (errno.EEXIST, errno.ENOTEMPTY, errno.ENOTDIR, errno.EISDIR):
                raise OutputTaken(dest, folder=True) from None
            raise
        return
    if not os.path.lexists(dest):
        os.rename(staging, dest)
        return
    backup = Path(tempfile.mkdtemp(prefix=f".{dest.name}.gammel-{os.getpid()}-", dir=dest.parent))
    os.rmdir(backup)  # only the unused name is wanted
    os.rename(dest, backup)
    try:
        os.rename(staging, dest)
    except BaseException:
        os.rename(backup, dest)
        raise
    _remove(backup)


# Linux's renameat2(RENAME_NOREPLACE): a rename that fails with EEXIST where the new name exists; Python has no binding.
_AT_FDCWD, _RENAME_NOREPLACE = -100, 1
_RENAMEAT2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
if _RENAMEAT2 is not None:
    _RENAMEAT2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]


def _rename_noreplace(source: Path, dest: Path) -> None:
    """Rename a folder to `dest` only if nothing has that name (EEXIST otherwise), even an empty folder made since
    the check. Without renameat2 (another system, or a file system that lacks it) os.rename, which still never
    puts a folder in place of a file, a symlink or a folder that holds anything."""
    if _RENAMEAT2 is not None:
        if _RENAMEAT2(_AT_FDCWD, os.fsencode(source), _AT_FDCWD, os.fsencode(dest), _RENAME_NOREPLACE) == 0:
            return
        error = ctypes.get_errno()
        if error not in (errno.ENOSYS, errno.EINVAL):
            raise OSError(error, os.strerror(error), str(source), None, str(dest))
    os.rename(source, dest)


def check_folder(folder: Path) -> list[Problem]:
    """Read a written folder back with the CSV reader and validate it: the last check before a swap."""
    raws, problems = read_folder(folder)
    if problems:
        return problems
    return validate_tables(raws, {name: f"{folder.name}/{TABLES[name].file}" for name in raws})[1]
