"""The one way into the data: `load()` returns validated, typed tables or raises with every problem."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .anonymity import unique_role_warnings, with_shown_roles
from .problems import DataError, Problem
from .schema import TABLES
from .validation import read_folder, validate_tables

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR_VARIABLE = "KR_DATA_DIR"


def data_dir(path: str | os.PathLike | None = None) -> Path:
    """The data folder: the argument, else $KR_DATA_DIR, else data/; relative paths from the repository root."""
    chosen = Path(path if path is not None else os.environ.get(DATA_DIR_VARIABLE) or "data")
    return chosen if chosen.is_absolute() else (REPO_ROOT / chosen).resolve()


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

    def __getattr__(self, name: str) -> pd.DataFrame:
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(name)


def fingerprint(folder: Path) -> str:
    """A short hash of the declared files' bytes, so two printouts from different data can be told apart."""
    digest = hashlib.sha256()
    for table in TABLES.values():
        path = folder / table.file
        digest.update(table.file.encode())
        digest.update(path.read_bytes() if path.is_file() else b"")
    return digest.hexdigest()[:10]


def load(path: str | os.PathLike | None = None) -> Dataset:
    """Read and validate a data folder; raise DataError listing every problem if it is not usable."""
    folder = data_dir(path)
    raws, problems = read_folder(folder)
    labels = {name: f"{folder.name}/{TABLES[name].file}" for name in raws}
    tables, found = validate_tables(raws, labels)
    problems += found
    if problems:
        raise DataError(problems)
    warnings = unique_role_warnings(tables, raws["quotes"].rows, labels["quotes"])
    return Dataset(folder=folder, tables=ReadLog(with_shown_roles(tables)), fingerprint=fingerprint(folder), warnings=warnings)
