"""load()'s cache of validated tables between the processes of one build: JSON, signed, in a folder of its own.

A build validates the data once; its notebooks' kernel then reads the tables from here instead of validating
10,000 quotes again. The cache holds only data (JSON, never a pickle, so reading it cannot run code), and each
entry carries an HMAC-SHA256 of its bytes under a key that only the build's processes know ($KR_DATA_CACHE_KEY,
new for every build): an entry anyone else wrote or changed is refused, and the data is read and validated again.
Nothing here deletes a file or writes over one: an entry is created once, beside files it leaves alone.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import math
import os
import tempfile
from pathlib import Path

import pandas as pd

from kulturensrige.data.problems import Problem

FOLDER_VARIABLE = "KR_DATA_CACHE"
KEY_VARIABLE = "KR_DATA_CACHE_KEY"
_SUFFIX = ".json"
_TUPLES = "tuples"  # an object column of tuples (the list cells); JSON gives them back as lists


def entry(folder: Path, printed: str, package: str) -> Path | None:
    """The entry for this data folder, its fingerprint `printed` and the package's digest; None unless a build
    has set both the cache folder and its key."""
    where, key = os.environ.get(FOLDER_VARIABLE), os.environ.get(KEY_VARIABLE)
    if not where or not key:
        return None
    name = hashlib.sha256(b"\0".join([os.fsencode(folder), printed.encode(), package.encode()])).hexdigest()[:20]
    return Path(where) / f"{name}{_SUFFIX}"


def _key() -> bytes:
    return os.environ.get(KEY_VARIABLE, "").encode()


def _signed(body: bytes) -> bytes:
    return hmac.new(_key(), body, hashlib.sha256).hexdigest().encode() + b"\n" + body


def _header(folder: Path, printed: str, package: str) -> dict[str, str]:
    return {"folder": str(folder), "fingerprint": printed, "package": package}


Cached = tuple[dict[str, pd.DataFrame], list[Problem]]
# The last entry this process read and trusted: a build's pages run one after another in each kernel, and each
# load() wraps the tables in a ReadLog of its own; nothing changes a table.
_TRUSTED: dict[tuple[Path, Path, str, str, bytes], Cached] = {}


def read(path: Path, folder: Path, printed: str, package: str) -> Cached | None:
    """The entry's tables and warnings if its signature and header hold; None (read the data again) otherwise."""
    known = (path, folder, printed, package, _key())
    if known in _TRUSTED:
        return _TRUSTED[known]
    found = _verified(path, folder, printed, package)
    if found is not None:
        _TRUSTED.clear()
        _TRUSTED[known] = found
    return found


def _verified(path: Path, folder: Path, printed: str, package: str) -> Cached | None:
    try:
        with open(path, "rb") as stream:  # a regular file only: a FIFO or device in its place is not read
            if not os.path.isfile(stream.name) or os.fstat(stream.fileno()).st_size > 1 << 31:
                return None
            signature, _, body = stream.read().partition(b"\n")
    except OSError:
        return None
    expected = hmac.new(_key(), body, hashlib.sha256).hexdigest().encode()
    if not _key() or not hmac.compare_digest(signature, expected):
        return None
    try:
        document = json.loads(body)
        if document["header"] != _header(folder, printed, package):
            return None
        tables = {name: _frame(table) for name, table in document["tables"].items()}
        warnings = [Problem(*fields) for fields in document["warnings"]]
    except (ValueError, KeyError, TypeError):
        return None
    return tables, warnings


def keep(path: Path, folder: Path, printed: str, package: str, tables: dict[str, pd.DataFrame], warnings: list[Problem]) -> None:
    """Create the entry (a temporary file of its own, then a hard link to the entry's name, which never replaces a
    file already there). The cache only saves time: a folder that cannot take it is left as it is."""
    try:
        columns = {name: _columns(table) for name, table in tables.items()}
    except ValueError:
        return
    document = {
        "header": _header(folder, printed, package),
        "tables": columns,
        "warnings": [[p.file, p.row, p.column, p.value, p.allowed] for p in warnings],
    }
    payload = _signed(json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode())
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
        os.link(temporary, path)
    except OSError:
        pass  # an entry is there already (another process's), or the disk is full: the data was validated anyway
    finally:
        os.unlink(temporary)


def _columns(table: pd.DataFrame) -> dict[str, object]:
    """A table as columns of JSON values, with each column's dtype, so the frame comes back equal."""
    if not isinstance(table.index, pd.RangeIndex) or table.index.start != 0 or table.index.step != 1:
        raise ValueError("only tables with a plain row index are cached")
    columns = {}
    for name in table.columns:
        series = table[name]
        values = series.tolist()
        if series.dtype == object and any(isinstance(v, tuple) for v in values):
            columns[name] = {"dtype": _TUPLES, "values": [list(v) if isinstance(v, tuple) else v for v in values]}
        else:
            columns[name] = {"dtype": str(series.dtype), "values": values}
    return {"length": len(table), "columns": columns}


def _frame(table: dict) -> pd.DataFrame:
    data = {}
    for name, column in table["columns"].items():
        values = column["values"]
        if column["dtype"] == _TUPLES:
            data[name] = pd.Series([tuple(v) if isinstance(v, list) else v for v in values], dtype=object)
        else:
            data[name] = pd.Series([None if isinstance(v, float) and math.isnan(v) else v for v in values], dtype=column["dtype"])
    return pd.DataFrame(data, index=pd.RangeIndex(table["length"]))
