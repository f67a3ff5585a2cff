"""The one way into the data: `load()` returns validated, typed tables or raises with every problem."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from kulturensrige.data import provenance, table_cache
from kulturensrige.data.anonymity import unique_role_warnings, with_shown_roles
from kulturensrige.data.csv_reading import encoding_notice, guard_notice
from kulturensrige.data.fingerprint import fingerprint, package_digest
from kulturensrige.data.problems import LOOP, DataError, Problem, symlink_loop
from kulturensrige.data.schema import TABLES
from kulturensrige.data.validation import (
    blank_word_notices,
    credit_notices,
    member_problem,
    read_folder,
    size_problem,
    trimmed_notices,
    validate_tables,
)

REPO_ROOT = Path(__file__).resolve().parent.parent.parent
DATA_DIR_VARIABLE = "KR_DATA_DIR"
# A folder where load() keeps the validated tables, with the key that signs them (table_cache; scripts/build_book.py
# sets both for a build): every page of a build loads the same data, and validating 10,000 quotes in each kernel costs seconds.
CACHE_VARIABLE = table_cache.FOLDER_VARIABLE
CACHE_KEY_VARIABLE = table_cache.KEY_VARIABLE


def data_dir(path: str | os.PathLike | None = None) -> Path:
    """The data folder: the argument, relative to the current folder like every other path on a command line (a
    script's `data` had meant the repository's data/, while its --out meant ./); else $KR_DATA_DIR or data/,
    relative to the repository, as the README says, since a notebook's kernel runs in the notebook's folder."""
    chosen = Path(path if path is not None else os.environ.get(DATA_DIR_VARIABLE) or "data")
    full = chosen if chosen.is_absolute() else (Path.cwd() if path is not None else REPO_ROOT) / chosen
    if symlink_loop(full):  # one line naming the folder as given: Path.resolve() raises RuntimeError on a loop
        raise DataError([Problem(str(chosen), None, None, None, LOOP)])
    if not_utf8(full):
        raise DataError([Problem(shown_path(os.path.abspath(full)), None, None, None, NOT_UTF8)])
    return full if chosen.is_absolute() else full.resolve()


# Hostile round 16, #3: a folder named in an older character set ('mine-d\xe5ta') ended the build in a traceback from
# the table cache's key. Refused rather than carried: the folder's name is shown in every page's footer, in the PDFs
# and in kr-build.json, and a name that is not text cannot be shown there as the analyst knows it.
NOT_UTF8 = "navnet er ikke gyldig UTF-8 (et ældre tegnsæt), og bogen skal kunne vise det; giv mappen et navn i UTF-8"


def not_utf8(path: str | os.PathLike) -> bool:
    """Whether the path holds bytes that are not UTF-8 (Python carries each as a lone surrogate)."""
    try:
        os.fsdecode(path).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def shown_path(path: str | os.PathLike) -> str:
    """The path as a line can print it: a byte that is not UTF-8 as its escape (\xe5)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


class ReadLog(dict):
    """The tables, remembering which of them were read, so a page can say which data it is made from."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.read: list[str] = []

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name in self and name not in self.read:
            self.read.append(name)
        return super().__getitem__(name)


@dataclass(frozen=True)
class Dataset:
    """All tables of one data folder, validated, with list cells as tuples and integers as int."""

    folder: Path
    tables: dict[str, pd.DataFrame] = field(repr=False)
    fingerprint: str
    warnings: list[Problem] = field(default_factory=list, repr=False)
    # Inferred ties set aside (publishing.with_ties_set_aside): the quotes left untied may be tied by inference, so no
    # sentence may say that no tie is inferred; it says that such ties are not shown here (docs/adr/0033).
    withheld: bool = False

    def __getattr__(self, name: str) -> pd.DataFrame:
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(name)


# What load() read in this process, by folder: the declared files' stat then (_stats), the tables, the fingerprint
# and the warnings. Every page of a build calls load() in its kernel (scripts/build_book.py), and each used to
# read and hash every CSV again for the fingerprint.
_LOADED: dict[Path, tuple[tuple, dict[str, pd.DataFrame], str, list[Problem]]] = {}
# A file changed less than this long ago may change again without its stat changing (the clock's granularity):
# then load() reads it again, as git does with a "racily clean" file.
SETTLED_NS = 2_000_000_000


def _stats(folder: Path) -> tuple | None:
    """Each declared file's size, inode and change time (ctime, which no program can set back); None if one is missing."""
    stats = []
    for table in TABLES.values():
        try:
            stat = (folder / table.file).lstat()  # a link is refused, not followed (validation.member_problem)
        except OSError:
            return None
        stats.append((table.file, stat.st_size, stat.st_ino, stat.st_ctime_ns))
    return tuple(stats)


def load(path: str | os.PathLike | None = None, *, cache: bool = True) -> Dataset:
    """Read and validate a data folder; raise DataError listing every problem if it is not usable.

    The one way notebooks get the data, and cached: within a process, a folder whose files have not changed since
    the last load (their stat, _stats) is not read again; each call still gets its own ReadLog, so a page says which
    tables it read. With $KR_DATA_CACHE and its key set (scripts/build_book.py sets them for a build) and `cache`,
    the validated tables are also kept there, signed and keyed by the folder, the data's bytes and the package's
    code, and the next process of the build that loads the same data reads them instead of validating again."""
    folder = data_dir(path)
    seen, stats = time.time_ns(), _stats(folder)
    known = _LOADED.get(folder)
    if known is not None and stats is not None and known[0] == stats:
        return Dataset(folder=folder, tables=ReadLog(known[1]), fingerprint=known[2], warnings=known[3])
    dataset = _read(folder, cache)
    # Settled when their stat was taken: a later change then gets a later ctime, so it cannot pass for this data.
    if stats is not None and all(seen - changed > SETTLED_NS for *_, changed in stats):
        _LOADED[folder] = (stats, dict(dataset.tables), dataset.fingerprint, dataset.warnings)
    return dataset


def _read(folder: Path, cache: bool) -> Dataset:
    """load() without the in-process cache: the files' sizes, the fingerprint, then the disk cache or validation."""
    if (too_big := size_problem(folder)) is not None:  # by stat, before the fingerprint reads a byte
        raise DataError([too_big])
    printed = fingerprint(folder)
    # A link or a FIFO among the tables is hashed by nothing, and no cached tables stand in for it: read_folder names it.
    linked = any(member_problem(folder / table.file, table.file) for table in TABLES.values())
    entry = table_cache.entry(folder, printed, package_digest()) if cache and not linked else None
    if entry is not None and (cached := table_cache.read(entry, folder, printed, package_digest())) is not None:
        return Dataset(folder=folder, tables=ReadLog(cached[0]), fingerprint=printed, warnings=cached[1])
    raws, problems = read_folder(folder)
    labels = {name: f"{folder.name}/{TABLES[name].file}" for name in raws}
    tables, found = validate_tables(raws, labels)
    problems += found
    if problems:
        raise DataError(problems)
    warnings = [notice for name, raw in raws.items() if (notice := guard_notice(raw, labels[name])) is not None]
    warnings += [notice for name, raw in raws.items() if (notice := encoding_notice(raw, labels[name])) is not None]
    warnings += trimmed_notices(raws, labels)
    warnings += blank_word_notices(raws, labels)
    warnings += credit_notices(raws, labels)
    warnings += unique_role_warnings(tables, raws["quotes"].rows, labels["quotes"])
    tables = provenance.with_ingredient_ties(with_shown_roles(tables))
    dataset = Dataset(folder=folder, tables=ReadLog(tables), fingerprint=printed, warnings=warnings)
    if cache:
        keep(dataset)
    return dataset


def keep(data: Dataset) -> None:
    """Keep validated data in the build's table cache, if one is set, for the next process of the build that loads
    them. build_book validates before it writes anything, the cache included, and keeps the tables once it has one."""
    entry = table_cache.entry(data.folder, data.fingerprint, package_digest())
    if entry is not None:
        table_cache.keep(entry, data.folder, data.fingerprint, package_digest(), dict(data.tables), data.warnings)
